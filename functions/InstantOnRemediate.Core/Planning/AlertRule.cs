using InstantOnRemediate.Core.Classification;
using InstantOnRemediate.Core.Correlation;

namespace InstantOnRemediate.Core.Planning;

/// <summary>
/// When people are told about a group of failed restores (docs/decision-order.md, "When an alert goes out").
/// Alerting is not gated by the action thresholds: those decide what the service changes, this decides what
/// people learn, and never later than the second failure of the same workload.
/// </summary>
internal static class AlertRule
{
    /// <summary>
    /// Null when the evidence is enough to alert now; otherwise what the alert waits for.
    /// <list type="bullet">
    /// <item>node-kernel on a node group whose verdict says it cannot restore (kernel known to lack a feature):
    /// the first failure is enough, every restore there will fail.</item>
    /// <item>pod-spec, image, hardware, node-config: the cause lives in the pod spec, the image or the node and
    /// does not go away by retrying: the first failure is enough.</item>
    /// <item>any other (node-kernel without a verdict, transient, unknown): the second failure of the same
    /// workload, or failures in two pods, whichever comes first.</item>
    /// </list>
    /// </summary>
    public static string? Waiting(FailureGroup group, NodegroupInventory? nodegroup)
    {
        ArgumentNullException.ThrowIfNull(group);
        if (Deterministic(group.Remedy, nodegroup))
        {
            return null;
        }

        if (group.Pods >= 2 || group.RepeatedWorkload)
        {
            return null;
        }

        return group.Remedy == RemedyClasses.Transient
            ? "a transient cause fails once and clears on retry: alerting at its second failure in the same workload"
            : "one failure of an unconfirmed cause: alerting at its second failure in the same workload or in another pod";
    }

    public static bool Deterministic(string remedy, NodegroupInventory? nodegroup) => remedy switch
    {
        RemedyClasses.NodeKernel => nodegroup?.Compatible == false,
        RemedyClasses.PodSpec or RemedyClasses.Image or RemedyClasses.Hardware or RemedyClasses.NodeConfig => true,
        _ => false,
    };
}
