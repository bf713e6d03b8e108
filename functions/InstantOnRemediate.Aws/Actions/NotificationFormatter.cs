using System.Text;
using InstantOnRemediate.Core.Actions.Definitions;
using InstantOnRemediate.Core.Planning;

namespace InstantOnRemediate.Aws.Actions;

/// <summary>A minimal alert text: what, where, why, what was done (the full formatting comes with the alert design).</summary>
public static class NotificationFormatter
{
    public static string Subject(PlanAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var text = $"InstantOn restore failures: {action.Cause ?? "alert"} in {action.Target.Cluster ?? "?"}";
        var ascii = new string([.. text.Select(c => c is >= ' ' and <= '~' ? c : '?')]);
        return ascii.Length <= 100 ? ascii : ascii[..100];
    }

    public static string Message(PlanAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var p = action.Parameters as NotifyParameters ?? new NotifyParameters();
        var text = new StringBuilder();
        text.AppendLine($"What:  {action.Reason}");
        text.AppendLine($"Where: cluster {action.Target.Cluster ?? "?"}, node group(s) {(p.Nodegroups.Count > 0 ? string.Join(',', p.Nodegroups) : action.Target.Nodegroup ?? "?")}");
        text.AppendLine($"Why:   cause {action.Cause ?? "?"} ({(p.Remedy.Length > 0 ? p.Remedy : "?")})");
        if (p.Fix is { Length: > 0 } fix)
        {
            text.AppendLine($"Fix:   {fix}");
        }

        if (p.NodeSelector is { } selector)
        {
            text.AppendLine($"Steer: nodeSelector {selector}");
        }

        if (p.Affinity is { } affinity)
        {
            text.AppendLine($"       or affinity {affinity}");
        }

        text.AppendLine($"Done:  {(p.Actions is { } actions ? string.Join("; ", actions) : "alert only")}");
        text.AppendLine($"Action id: {action.Id}; findings: {action.FindingIds.Count}");
        return text.ToString();
    }
}
