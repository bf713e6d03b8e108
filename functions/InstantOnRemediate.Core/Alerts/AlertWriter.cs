using System.Globalization;
using System.Text;
using InstantOnRemediate.Core.Actions;
using InstantOnRemediate.Core.Actions.Definitions;
using InstantOnRemediate.Core.Classification;
using InstantOnRemediate.Core.Planning;
using InstantOnRemediate.Core.Runbook;

namespace InstantOnRemediate.Core.Alerts;

/// <summary>
/// Writes alerts for people who may never have heard of CRIU: what failed, where, why, the evidence, what the
/// service did or proposes, and how to approve or undo it. Pure: the same group gives the same text.
/// </summary>
public static class AlertWriter
{
    private const int MaxSubject = 100;
    private const int MaxEvidenceLines = 8;
    private const int MaxListed = 10;

    public static Alert Compose(AlertGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        var first = group.Findings.Count > 0 ? group.Findings[0] : null;
        var verdict = first?.Verdict ?? Verdicts.RestoreFailure;
        var remedy = first?.Remedy ?? RemedyClasses.Unknown;
        var advice = group.Notify?.Parameters as NotifyParameters ?? new NotifyParameters();
        // The pods behind the counts come from the plan (this batch and the remembered failures of the window), so
        // the subject, the WHERE list and the attributes name the same pods.
        var pods = advice.PodNames.Count > 0
            ? Distinct(advice.PodNames)
            : Distinct(group.Findings.Select(f => f.Namespace is null ? f.Pod : f.Namespace + "/" + f.Pod));
        var podCount = pods.Count;
        var followUp = advice.PreviousAlert;
        var nodes = Distinct(group.Findings.Select(f => f.Node).Concat(group.Correlation.Select(c => c.Node)));
        var where = group.Cluster + "/" + (group.Nodegroup ?? "unknown-nodegroup");

        var subject = Subject($"[InstantOn] {(followUp is null ? "" : "UPDATE ")}{What(verdict, podCount)} on {where}: {CauseTitle(group.Cause)}");
        var body = new StringBuilder();
        body.AppendLine("WHAT HAPPENED");
        body.AppendLine(Indent(WhatHappened(verdict, podCount, first)));
        if (advice.Failures > 0)
        {
            body.AppendLine(CultureInfo.InvariantCulture, $"  {advice.Failures} failed restore(s) across {podCount} pod(s) since {Or(advice.FirstSeen)} (alert window {advice.WindowMinutes} minutes).");
        }

        if (advice.OldFailures is > 0 and var old)
        {
            body.AppendLine(CultureInfo.InvariantCulture, $"  {old} of them are old: their log events are older than the {advice.WindowMinutes}-minute window (delivered late or replayed).");
        }

        if (followUp is not null)
        {
            body.AppendLine(CultureInfo.InvariantCulture, $"  Follow-up: people were first told at {followUp}; the counts above are as of now.");
        }
        body.AppendLine();

        body.AppendLine("WHERE");
        body.AppendLine(Row("cluster", group.Cluster));
        body.AppendLine(Row("node group", NodegroupLine(group)));
        body.AppendLine(Row("nodes", List(nodes)));
        body.AppendLine(Row("pods", List(pods)));
        if (first?.Image is { } image)
        {
            body.AppendLine(Row("image", image));
        }

        body.AppendLine();
        body.AppendLine("WHY");
        body.AppendLine(Indent(first?.Explanation ?? "The log does not say why the restore failed; the service could not match it to a known cause."));
        var verdictLine = CompatibilityLine(group);
        if (verdictLine is not null)
        {
            body.AppendLine(Indent(verdictLine));
        }

        body.AppendLine();
        body.AppendLine("EVIDENCE (from the container log)");
        var evidence = group.Findings.SelectMany(f => f.Evidence).Distinct(StringComparer.Ordinal).Take(MaxEvidenceLines).ToList();
        body.AppendLine(evidence.Count == 0 ? "  (no lines kept)" : string.Join('\n', evidence.Select(l => "  | " + Printable(l))));
        body.AppendLine();

        body.AppendLine("FIX");
        body.AppendLine(Indent(first?.Fix ?? "Collect the full restore.log (set CRIU_LOG_LEVEL=4) and run `criu check` on the node."));
        body.AppendLine();

        if (advice.CompatibleNodegroups is { Count: > 0 } targets)
        {
            body.AppendLine("MOVE THE WORKLOAD");
            body.AppendLine(CultureInfo.InvariantCulture, $"  Node groups of {group.Cluster} that can restore InstantOn: {string.Join(',', targets)}.");
            if (advice.NodeSelector is { } selector)
            {
                body.AppendLine(CultureInfo.InvariantCulture, $"  In the Deployment's pod template, nodeSelector: {{{selector}}}");
            }

            if (advice.Affinity is { } affinity)
            {
                body.AppendLine(CultureInfo.InvariantCulture, $"  or node affinity: {affinity}");
            }

            body.AppendLine();
        }

        body.AppendLine(group.Mode == Modes.Enforce ? "WHAT THE SERVICE DID" : $"WHAT THE SERVICE PROPOSES (mode: {group.Mode})");
        if (advice.Paused == true)
        {
            body.AppendLine("  Remediation is PAUSED: detection and alerts go on, nothing is changed until someone resumes.");
        }

        if (group.Actions.Count == 0)
        {
            body.AppendLine(advice.ActionsHeld is { } held
                ? Indent($"No automatic action yet: {held}.")
                : "  Nothing yet: this alert is for information.");
            body.AppendLine("  See what the service would do now:");
            Commands(body, "    ", group.Runbooks.Lines(PlanFor(group)));
        }

        foreach (var action in group.Actions)
        {
            body.AppendLine(CultureInfo.InvariantCulture, $"  - [{action.Status}] {Describe(action)}");
            body.AppendLine(CultureInfo.InvariantCulture, $"      why: {action.Reason}");
            if (action.Status == ActionStatuses.AwaitingApproval)
            {
                body.AppendLine("      approve:");
                Commands(body, "        ", group.Runbooks.Lines(new ApplyRequest(action.Id, RunbookPlaceholders.Person, RunbookPlaceholders.Reason) { PlanId = group.PlanId }));
            }

            if (action.Status == ActionStatuses.Executed && action.Undo is not null)
            {
                body.AppendLine(CultureInfo.InvariantCulture, $"      undo: {action.Undo}");
                Commands(body, "        ", group.Runbooks.Lines(new RollbackRequest(action.Id, RunbookPlaceholders.Person, RunbookPlaceholders.Reason) { DeleteCreatedNodegroup = action.Type == ActionTypes.EksCreateNodegroup }));
            }
        }

        body.AppendLine();
        body.AppendLine("PAUSE ALL AUTOMATIC ACTIONS");
        Commands(body, "  ", group.Runbooks.Lines(new PauseRequest(RunbookPlaceholders.Reason, RunbookPlaceholders.Person)));
        body.AppendLine();
        body.Append(CultureInfo.InvariantCulture, $"plan {group.PlanId} · cause {group.Cause} · remedy class {remedy}");

        var attributes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["cluster"] = group.Cluster,
            ["nodegroup"] = group.Nodegroup ?? "unknown",
            ["cause"] = group.Cause,
            ["remedy"] = remedy,
            ["verdict"] = verdict,
            ["planId"] = group.PlanId,
            ["mode"] = group.Mode,
            // SNS takes at most 10 message attributes, and delivery adds account and Region: counts beyond pods are in the text.
            ["pods"] = podCount.ToString(CultureInfo.InvariantCulture),
            ["severity"] = verdict == Verdicts.RestoreFailure && remedy is RemedyClasses.NodeKernel or RemedyClasses.NodeConfig ? "high" : "medium",
        };

        return new Alert
        {
            GroupKey = $"{group.Cluster}/{group.Nodegroup ?? "-"}/{group.Cause}",
            Subject = subject,
            Body = body.ToString(),
            Attributes = attributes,
        };
    }

    /// <summary>Short human title of a cause id (falls back to the id).</summary>
    public static string CauseTitle(string cause) => cause switch
    {
        "rseq-ptrace-unsupported" => "node kernel too old for this image (rseq, needs Linux 5.13+)",
        "rseq-criu-unaware" => "CRIU in the image too old for its glibc (rseq)",
        "seccomp" => "seccomp profile blocks syscalls CRIU needs",
        "seccomp-clone3-ns-last-pid" => "seccomp blocks clone3, CRIU cannot set PIDs",
        "missing-capability" => "pod lacks CHECKPOINT_RESTORE/SETPCAP capabilities",
        "prctl-set-mm-eperm" => "pod lacks CAP_SYS_RESOURCE for prctl(PR_SET_MM)",
        "ptrace-restricted" => "ptrace restricted on the node (Yama/LSM)",
        "selinux-netlink-blocked" => "SELinux blocks netlink for CRIU",
        "selinux-denied-mmap" => "SELinux denies a memory mapping",
        "lsm-profile" => "AppArmor profile from checkpoint not loaded",
        "cpu-feature-mismatch" => "CPU lacks features the checkpoint was made with",
        "arch-mismatch" => "checkpoint made for another CPU architecture",
        "pid-conflict" => "PID already in use (transient)",
        "file-mismatch" => "files differ from checkpoint time",
        "mount-namespace" => "mount namespace busy (transient)",
        "cgroup" => "cgroup setup failed on the node",
        "socket-restore" => "socket address in use (transient)",
        "external-unix-socket" => "external unix socket in the checkpoint",
        "io-uring" => "process uses io_uring (not supported by CRIU)",
        "vdso" => "kernel vDSO layout unknown to this CRIU",
        "memory-overcommit" => "not enough memory to map the checkpoint",
        "ghost-file-limit" => "deleted file too large for the checkpoint",
        "incomplete-image" => "checkpoint image incomplete",
        "criu-not-installed" => "CRIU not in the image",
        "jvm-restore-options" => "JVM restore options not accepted",
        "jvm-restore-hook-failure" => "a restore hook failed in the application",
        "liberty-unsupported-feature" => "Liberty feature not supported for checkpoint",
        "liberty-security-manager" => "Java Security Manager not supported",
        "runtime-regression" => "container runtime regression",
        "unknown" => "cause not identified",
        _ => cause,
    };

    private static string What(string verdict, int pods) => verdict switch
    {
        Verdicts.CheckpointFailure => "checkpoint failed",
        Verdicts.RestoreSuccess => "restore succeeded",
        _ => pods == 1 ? "restore failed" : $"restore failed ({pods.ToString(CultureInfo.InvariantCulture)} pods)",
    };

    private static string WhatHappened(string verdict, int pods, Finding? first)
    {
        var one = pods <= 1;
        var count = one ? "A pod" : pods.ToString(CultureInfo.InvariantCulture) + " pods";
        var (its, server, pod, looks) = one ? ("its", "the server exited", "the pod", "may look") : ("their", "the servers exited", "the pods", "may look");
        var evidence = first?.Evidence ?? [];
        var crashLoop = evidence.Any(l => l.Contains("CWWKE0964E", StringComparison.Ordinal));
        return verdict switch
        {
            Verdicts.CheckpointFailure => $"{count} of Open Liberty InstantOn could not take {its} checkpoint at image build or start-up time.",
            _ => $"{count} running Open Liberty InstantOn could not resume from {its} prebuilt checkpoint (a CRIU restore). " +
                 (crashLoop
                     ? $"Checkpoint recovery is disabled (CRIU_RESTORE_DISABLE_RECOVERY=true), so {server}: expect CrashLoopBackOff."
                     : $"Liberty fell back to a normal, slow start, so {pod} {looks} healthy while losing InstantOn's fast start."),
        };
    }

    private static string NodegroupLine(AlertGroup group)
    {
        if (group.Nodegroup is null)
        {
            return "unknown (the node could not be matched to a node group)";
        }

        var ng = group.NodegroupDetail;
        if (ng is null)
        {
            return group.Nodegroup;
        }

        var parts = new List<string>();
        if (ng.AmiType is not null)
        {
            parts.Add(ng.AmiType);
        }

        if (ng.ReleaseVersion is not null)
        {
            parts.Add("release " + ng.ReleaseVersion);
        }

        if (ng.Kernel is not null)
        {
            parts.Add($"kernel {ng.Kernel} (from {ng.KernelSource})");
        }

        return parts.Count == 0 ? group.Nodegroup : $"{group.Nodegroup} ({string.Join(", ", parts)})";
    }

    private static string? CompatibilityLine(AlertGroup group)
    {
        var c = group.Correlation.FirstOrDefault(x => x.Compatible is not null);
        if (c is null)
        {
            return group.Correlation.Count > 0 ? "Whether this node group can restore InstantOn is not known yet (kernel unknown)." : null;
        }

        if (c.Compatible == true)
        {
            return $"The node group's kernel ({c.Kernel}) has what CRIU needs, so moving the workload elsewhere would not help.";
        }

        var missing = string.Join(", ", c.Missing.Select(m => group.FeatureMinimums.TryGetValue(m, out var min) ? $"{m} (Linux {min}+)" : m));
        return $"This node group cannot restore InstantOn: its kernel {c.Kernel} lacks {missing}. Pods restored here will keep failing until they run on a compatible node group.";
    }

    private static void Commands(StringBuilder body, string indent, IReadOnlyList<string> lines)
    {
        foreach (var line in lines)
        {
            body.Append(indent).AppendLine(line);
        }
    }

    /// <summary>The runbook plan request scoped to the alert's cluster, node group (when one) and cause.</summary>
    private static PlanRequest PlanFor(AlertGroup group) => new(group.Cluster)
    {
        Cause = CauseIds.All.Contains(group.Cause) && group.Cause != CauseIds.None ? group.Cause : null,
        Nodegroup = group.Nodegroup is { } ng && IdentifierRules.IsNodegroupName(ng) ? ng : null,
    };

    private static string Describe(PlanAction a) => ActionKinds.Find(a.Type)?.Describe(a) ?? a.Type;

    private static string Or(string value) => value.Length > 0 ? value : "?";

    private static List<string> Distinct(IEnumerable<string?> values) =>
        values.Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).Distinct(StringComparer.Ordinal).ToList();

    private static string List(List<string> values) =>
        values.Count == 0 ? "unknown"
        : values.Count <= MaxListed ? string.Join(", ", values)
        : string.Join(", ", values.Take(MaxListed)) + $" and {(values.Count - MaxListed).ToString(CultureInfo.InvariantCulture)} more";

    private static string Row(string name, string value) => $"  {name,-11} {value}";

    private static string Indent(string text) => "  " + text.Replace("\n", "\n  ", StringComparison.Ordinal);

    /// <summary>Log lines are shown, never interpreted: control characters become spaces and long lines are cut.</summary>
    private static string Printable(string line)
    {
        var chars = line.Select(c => char.IsControl(c) ? ' ' : c).Take(300).ToArray();
        return new string(chars) + (line.Length > 300 ? " …" : string.Empty);
    }

    private static string Subject(string text)
    {
        var ascii = new string(text.Select(c => c is >= ' ' and <= '~' ? c : ' ').ToArray());
        return ascii.Length <= MaxSubject ? ascii : ascii[..(MaxSubject - 3)] + "...";
    }
}
