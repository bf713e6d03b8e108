using InstantOnRemediate.Core.Actions;
using InstantOnRemediate.Core.Planning;

namespace InstantOnRemediate.Aws.Tests.Actions;

internal static class PlanActions
{
    public static PlanAction Create(string type, string? nodegroup = "ng-al2", ActionParameters? parameters = null, bool disruptive = false, string? cause = "rseq-ptrace-unsupported") => new()
    {
        Id = ActionIds.For(type, "prod-eks", nodegroup, cause),
        Type = type,
        Target = new ActionTarget { Cluster = "prod-eks", Nodegroup = nodegroup },
        Parameters = parameters ?? ActionParameters.None,
        Status = ActionStatuses.Planned,
        Mode = Modes.Enforce,
        Reason = "test",
        Cause = cause,
        Disruptive = disruptive,
    };
}
