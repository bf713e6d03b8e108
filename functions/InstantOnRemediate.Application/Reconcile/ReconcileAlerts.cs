using System.Globalization;
using System.Text;
using InstantOnRemediate.Core.Alerts;
using InstantOnRemediate.Core.Correlation;
using InstantOnRemediate.Core.Runbook;

namespace InstantOnRemediate.Application.Reconcile;

/// <summary>
/// The alerts reconcile writes: a fix verified (resolved), an escalation (action failed, fix not working, no
/// outcome, approval waiting too long) and a node group that cannot restore InstantOn checkpoints. Pure text.
/// </summary>
internal static class ReconcileAlerts
{
    private const int MaxSubject = 100;

    public static Alert Verified(ExecutedRemediation action, VerificationOutcome outcome, int suppressMinutes) => Write(
        $"verified/{action.Cluster}/{action.Nodegroup}/{action.Cause}",
        $"[InstantOn] RESOLVED on {action.Cluster}/{action.Nodegroup}: {action.Cause} fixed",
        "resolved",
        action.Cluster, action.Nodegroup, action.Cause, action.ActionId,
        body =>
        {
            body.AppendLine("RESOLVED");
            body.AppendLine($"  {outcome.Reason}.");
            body.AppendLine($"  New {action.Cause} failures on this node group are not acted on for {suppressMinutes} min.");
            Action(body, action);
            Evidence(body, outcome.Evidence);
        });

    public static Alert Escalation(ExecutedRemediation action, string kind, string reason, IReadOnlyList<string> evidence, RunbookLinks runbooks) => Write(
        $"escalated/{kind}/{action.ActionId}",
        $"[InstantOn] ESCALATED on {action.Cluster}/{action.Nodegroup}: {Title(kind)}",
        "high",
        action.Cluster, action.Nodegroup, action.Cause, action.ActionId,
        body =>
        {
            body.AppendLine("NEEDS A PERSON");
            body.AppendLine($"  {reason}.");
            Action(body, action);
            Evidence(body, evidence);
            body.AppendLine();
            body.AppendLine("WHAT TO DO");
            body.AppendLine($"  Look at the node group in the EKS console and the pods' restore.log; see the service's view with:");
            Lines(body, runbooks.Lines(new StatusRequest { Cluster = action.Cluster }));
            body.AppendLine("  Undo the action:");
            Lines(body, runbooks.Lines(new RollbackRequest(action.ActionId, RunbookPlaceholders.Person, RunbookPlaceholders.Reason)));
        });

    public static Alert ApprovalOverdue(string cluster, string actionId, DateTimeOffset pendingSince, int timeoutMinutes, RunbookLinks runbooks) => Write(
        $"approval/{cluster}/{actionId}",
        $"[InstantOn] Approval overdue on {cluster}: action {actionId}",
        "high",
        cluster, null, null, actionId,
        body =>
        {
            body.AppendLine("WAITING FOR APPROVAL");
            body.AppendLine($"  Action {actionId} on cluster {cluster} has waited for approval since {pendingSince:yyyy-MM-dd HH:mm}Z (more than {timeoutMinutes} min).");
            body.AppendLine("  Until someone approves or rejects it, the restores it would fix keep failing.");
            body.AppendLine();
            body.AppendLine("WHAT TO DO");
            body.AppendLine("  Review it:");
            Lines(body, runbooks.Lines(new StatusRequest { Cluster = cluster }));
            body.AppendLine("  Approve it:");
            Lines(body, runbooks.Lines(new ApplyRequest(actionId, RunbookPlaceholders.Person, RunbookPlaceholders.Reason)));
        });

    public static Alert Incompatible(AuditedNodegroup group, IReadOnlyList<string> workloads, IReadOnlyList<string> compatibleTargets) => Write(
        $"incompatible/{group.Cluster}/{group.Nodegroup}",
        $"[InstantOn] Node group {group.Cluster}/{group.Nodegroup} cannot restore InstantOn checkpoints",
        "warning",
        group.Cluster, group.Nodegroup, null, null,
        body =>
        {
            body.AppendLine("WHAT WILL HAPPEN");
            body.AppendLine(workloads.Count > 0
                ? $"  These InstantOn workloads will fail to restore if scheduled there: {string.Join(", ", workloads)}."
                : "  Any InstantOn workload scheduled there will fail to restore (no InstantOn workload of this cluster was seen recently).");
            body.AppendLine("  Found by the compatibility audit, before any pod failed there.");
            body.AppendLine();
            body.AppendLine("WHY");
            body.AppendLine(Row("node group", $"{group.Nodegroup} ({group.AmiType ?? "unknown amiType"} {group.ReleaseVersion}, {group.Instances} instance(s))"));
            body.AppendLine(Row("kernel", $"{group.Kernel ?? "unknown"} ({group.KernelSource}, confidence {group.Confidence})"));
            if (group.Missing.Count > 0)
            {
                body.AppendLine(Row("missing", string.Join("; ", group.Missing.Select(m => $"{m.Name} (Linux {m.Minimum})"))));
            }

            body.AppendLine($"  {group.Reason}");
            body.AppendLine();
            body.AppendLine("WHERE TO RUN THEM INSTEAD");
            body.AppendLine(compatibleTargets.Count > 0
                ? $"  Compatible node group(s) in this cluster: {string.Join(", ", compatibleTargets)}."
                : "  No compatible node group exists in this cluster yet.");
            if (group.TargetAmiType is { } target)
            {
                body.AppendLine($"  Compatible amiType: {target}" + (group.TargetKernel is { } k ? $" (kernel {k})" : "") + " - UpdateNodegroupVersion cannot change the amiType; clone the group with it.");
            }
        });

    private static Alert Write(string key, string subject, string severity, string cluster, string? nodegroup, string? cause, string? actionId, Action<StringBuilder> write)
    {
        var body = new StringBuilder();
        write(body);
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal) { ["cluster"] = cluster, ["severity"] = severity, ["source"] = "reconcile" };
        Add(attributes, "nodegroup", nodegroup);
        Add(attributes, "cause", cause);
        Add(attributes, "actionId", actionId);
        return new Alert { GroupKey = key, Subject = Subject(subject), Body = body.ToString(), Attributes = attributes };
    }

    private static void Action(StringBuilder body, ExecutedRemediation action)
    {
        body.AppendLine();
        body.AppendLine("ACTION");
        body.AppendLine(Row("action", $"{action.Type} {action.ActionId}"));
        body.AppendLine(Row("where", $"{action.Cluster}/{action.Nodegroup ?? "-"}"));
        body.AppendLine(Row("cause", action.Cause ?? "-"));
        body.AppendLine(Row("executed", action.At.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)));
        if (action.Reference is { } reference)
        {
            body.AppendLine(Row("reference", reference));
        }
    }

    private static void Evidence(StringBuilder body, IReadOnlyList<string> evidence)
    {
        if (evidence.Count == 0)
        {
            return;
        }

        body.AppendLine();
        body.AppendLine("EVIDENCE");
        foreach (var line in evidence)
        {
            body.AppendLine("  | " + Printable(line));
        }
    }

    private static string Title(string kind) => kind switch
    {
        VerificationStatuses.FixNotWorking => "the fix did not work",
        VerificationStatuses.NoOutcome => "no restore outcome after the fix",
        _ => "the action failed",
    };

    private static void Add(Dictionary<string, string> attributes, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            attributes[name] = value;
        }
    }

    private static string Row(string name, string value) => $"  {name,-11} {value}";

    private static void Lines(StringBuilder body, IReadOnlyList<string> lines)
    {
        foreach (var line in lines)
        {
            body.Append("    ").AppendLine(line);
        }
    }

    private static string Printable(string text)
    {
        var chars = text.Select(c => char.IsControl(c) ? ' ' : c).ToArray();
        return new string(chars.Length > 300 ? chars[..300] : chars);
    }

    /// <summary>Printable ASCII, no line breaks, at most 100 characters (SNS email subject rule).</summary>
    private static string Subject(string text)
    {
        var ascii = new string([.. text.Select(c => c is >= ' ' and <= '~' ? c : ' ')]);
        return ascii.Length <= MaxSubject ? ascii : ascii[..(MaxSubject - 3)] + "...";
    }
}
