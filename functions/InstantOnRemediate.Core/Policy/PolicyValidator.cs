using System.Globalization;
using InstantOnRemediate.Core.Planning;

namespace InstantOnRemediate.Core.Policy;

/// <summary>Checks every field of a policy and reports each problem with its path (e.g. <c>policy.thresholds.failures</c>).</summary>
internal static class PolicyValidator
{
    private static readonly HashSet<string> NodeConfigCauses = new(StringComparer.Ordinal)
    {
        "ptrace-restricted", "selinux-netlink-blocked", "selinux-denied-mmap", "lsm-profile", "cgroup", "memory-overcommit", "runtime-regression",
    };

    public static void Validate(RemediationPolicy p, string path, List<string> errors)
    {
        void Fail(string field, string message) => errors.Add($"{path}.{field}: {message}");

        if (p.Version != 1)
        {
            Fail("version", $"unsupported version {p.Version} (this build reads version 1)");
        }

        if (!Modes.All.Contains(p.Mode))
        {
            Fail("mode", $"'{p.Mode}' is not one of {string.Join(" | ", Modes.All)}");
        }

        foreach (var (type, mode) in p.ActionModes)
        {
            if (!ActionTypes.All.Contains(type) || type == ActionTypes.None)
            {
                Fail($"actionModes.{type}", $"unknown action type (expected one of {string.Join(", ", ActionTypes.All.Where(t => t != ActionTypes.None))})");
            }
            else if (!Modes.All.Contains(mode))
            {
                Fail($"actionModes.{type}", $"'{mode}' is not one of {string.Join(" | ", Modes.All)}");
            }
        }

        foreach (var type in p.Approval.Exempt)
        {
            if (!ActionTypes.All.Contains(type))
            {
                Fail("approval.exempt", $"unknown action type '{type}'");
            }
        }

        Positive(p.Thresholds.Failures, "thresholds.failures");
        Positive(p.Thresholds.DistinctPods, "thresholds.distinctPods");
        Positive(p.Thresholds.WindowMinutes, "thresholds.windowMinutes");
        if (p.Thresholds.DistinctPods > p.Thresholds.Failures)
        {
            Fail("thresholds.distinctPods", $"must not exceed thresholds.failures ({p.Thresholds.Failures}): each pod contributes at least one failure");
        }

        NonNegative(p.Cooldowns.AfterActionMinutes, "cooldowns.afterActionMinutes");
        NonNegative(p.Cooldowns.SuppressAfterVerifiedFixMinutes, "cooldowns.suppressAfterVerifiedFixMinutes");

        var b = p.BlastRadius;
        Positive(b.MaxNodegroupUpdatesInFlightPerCluster, "blastRadius.maxNodegroupUpdatesInFlightPerCluster");
        if (!(b.MaxNodegroupShareTouchedPerWindow > 0 && b.MaxNodegroupShareTouchedPerWindow <= 1))
        {
            Fail("blastRadius.maxNodegroupShareTouchedPerWindow", $"must be in (0, 1] (got {b.MaxNodegroupShareTouchedPerWindow.ToString(CultureInfo.InvariantCulture)})");
        }

        Positive(b.TouchWindowMinutes, "blastRadius.touchWindowMinutes");
        Positive(b.MinCompatibleHealthyNodegroups, "blastRadius.minCompatibleHealthyNodegroups");
        Positive(b.MaxUnhealthyNodegroups, "blastRadius.maxUnhealthyNodegroups");

        for (var i = 0; i < p.MaintenanceWindows.Count; i++)
        {
            var w = p.MaintenanceWindows[i];
            var field = $"maintenanceWindows[{i}]";
            if (w.Days.Count == 0)
            {
                Fail($"{field}.days", "must list at least one day (sun..sat)");
            }

            foreach (var day in w.Days.Where(d => !MaintenanceWindow.DayNames.Contains(d)))
            {
                Fail($"{field}.days", $"'{day}' is not one of {string.Join(", ", MaintenanceWindow.DayNames)}");
            }

            if (w.StartHour is < 0 or > 23)
            {
                Fail($"{field}.startHour", $"must be 0..23 (got {w.StartHour})");
            }

            if (w.EndHour is < 1 or > 24 || w.EndHour <= w.StartHour)
            {
                Fail($"{field}.endHour", $"must be startHour+1..24 (got {w.EndHour})");
            }
        }

        if (!IdentifierRules.IsLabelKey(p.Markers.Label.Key))
        {
            Fail("markers.label.key", $"'{p.Markers.Label.Key}' is not a Kubernetes label key (optional DNS prefix + '/' + name ≤ 63)");
        }

        if (!IdentifierRules.IsLabelValue(p.Markers.Label.Value))
        {
            Fail("markers.label.value", $"'{p.Markers.Label.Value}' is not a Kubernetes label value (≤ 63, alphanumeric ends)");
        }

        if (!IdentifierRules.IsLabelKey(p.Markers.Taint.Key))
        {
            Fail("markers.taint.key", $"'{p.Markers.Taint.Key}' is not a Kubernetes taint key");
        }

        if (!IdentifierRules.IsLabelValue(p.Markers.Taint.Value))
        {
            Fail("markers.taint.value", $"'{p.Markers.Taint.Value}' is not a valid taint value");
        }

        if (!IdentifierRules.IsTaintEffect(p.Markers.Taint.Effect))
        {
            Fail("markers.taint.effect", $"'{p.Markers.Taint.Effect}' is not NO_SCHEDULE | PREFER_NO_SCHEDULE | NO_EXECUTE (EKS API spelling)");
        }

        for (var i = 0; i < p.AmiTypeMigrations.Count; i++)
        {
            var m = p.AmiTypeMigrations[i];
            if (!IdentifierRules.IsAmiType(m.From))
            {
                Fail($"amiTypeMigrations[{i}].from", $"'{m.From}' is not an EKS amiType");
            }

            if (!IdentifierRules.IsAmiType(m.To) || m.To == "CUSTOM")
            {
                Fail($"amiTypeMigrations[{i}].to", $"'{m.To}' is not an EKS-managed amiType");
            }

            if (!IdentifierRules.IsLabelValue(m.NameSuffix) || m.NameSuffix.Length is 0 or > 20)
            {
                Fail($"amiTypeMigrations[{i}].nameSuffix", $"'{m.NameSuffix}' must be 1..20 chars of [A-Za-z0-9-_.]");
            }
        }

        if (p.AmiTypeMigrations.GroupBy(m => m.From, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } dup)
        {
            Fail("amiTypeMigrations", $"'{dup.Key}' is listed more than once");
        }

        if (p.NodegroupUpdates.Via is not "eks")
        {
            Fail("nodegroupUpdates.via", $"'{p.NodegroupUpdates.Via}' is not supported: node groups are updated through EKS UpdateNodegroupVersion (eks); SSM Automation would need an automation role the stack does not create");
        }


        if (!IdentifierRules.IsSsmParameterName(p.Pause.ParameterName))
        {
            Fail("pause.parameterName", $"'{p.Pause.ParameterName}' is not an SSM parameter name (e.g. /instanton-remediate/paused)");
        }

        NonNegative(p.Pause.CacheSeconds, "pause.cacheSeconds");

        if (p.Notifications.TopicArn is not null && !IdentifierRules.IsSnsTopicArn(p.Notifications.TopicArn))
        {
            Fail("notifications.topicArn", $"'{p.Notifications.TopicArn}' is not an SNS topic ARN");
        }

        foreach (var (cause, doc) in p.Ssm.Documents)
        {
            if (!NodeConfigCauses.Contains(cause))
            {
                Fail($"ssm.documents.{cause}", $"SSM documents fix node-config causes only ({string.Join(", ", NodeConfigCauses.Order(StringComparer.Ordinal))})");
            }

            Document(doc, $"ssm.documents.{cause}");
        }

        if (p.Ssm.Diagnostics is not null)
        {
            Document(p.Ssm.Diagnostics, "ssm.diagnostics");
        }

        if (!IdentifierRules.IsSsmRate(p.Ssm.MaxConcurrency))
        {
            Fail("ssm.maxConcurrency", $"'{p.Ssm.MaxConcurrency}' is not a count or a percentage");
        }

        if (!IdentifierRules.IsSsmRate(p.Ssm.MaxErrors))
        {
            Fail("ssm.maxErrors", $"'{p.Ssm.MaxErrors}' is not a count or a percentage");
        }

        if (p.Ssm.TimeoutSeconds is < 30 or > 2592000)
        {
            Fail("ssm.timeoutSeconds", $"must be 30..2592000 (got {p.Ssm.TimeoutSeconds})");
        }

        for (var i = 0; i < p.LoopGuard.IgnoreLogGroupPrefixes.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(p.LoopGuard.IgnoreLogGroupPrefixes[i]))
            {
                Fail($"loopGuard.ignoreLogGroupPrefixes[{i}]", "must not be empty (an empty prefix would ignore every log group)");
            }
        }

        Positive(p.Escalation.ApprovalTimeoutMinutes, "escalation.approvalTimeoutMinutes");
        NonNegative(p.Escalation.TransientRetryMinutes, "escalation.transientRetryMinutes");
        Positive(p.Migration.DrainStep, "migration.drainStep");
        Positive(p.Migration.StageTimeoutMinutes, "migration.stageTimeoutMinutes");
        Positive(p.Migration.VerifySuccesses, "migration.verifySuccesses");
        if (!MigrationPolicy.RetireModes.Contains(p.Migration.Retire))
        {
            Fail("migration.retire", $"'{p.Migration.Retire}' is not one of {string.Join(" | ", MigrationPolicy.RetireModes)}");
        }

        if (!MigrationPolicy.FenceModes.Contains(p.Migration.Fence))
        {
            Fail("migration.fence", $"'{p.Migration.Fence}' is not one of {string.Join(" | ", MigrationPolicy.FenceModes)}");
        }

        void Positive(int value, string field)
        {
            if (value < 1)
            {
                Fail(field, $"must be ≥ 1 (got {value})");
            }
        }

        void NonNegative(int value, string field)
        {
            if (value < 0)
            {
                Fail(field, $"must be ≥ 0 (got {value})");
            }
        }

        void Document(ReviewedDocument doc, string field)
        {
            if (doc.External)
            {
                if (doc.Document is not null)
                {
                    Fail($"{field}.document", $"an external document is named by \"name\", not by a stack document key; set \"document\": null (an override merges over the stack document '{doc.Document}')");
                }

                if (!IdentifierRules.IsSsmDocumentName(doc.Name))
                {
                    Fail($"{field}.name", $"'{doc.Name}' is not an SSM document name");
                }

                if (doc.Name.StartsWith("AWS-RunShellScript", StringComparison.Ordinal) || doc.Name.StartsWith("AWS-RunPowerShellScript", StringComparison.Ordinal))
                {
                    Fail($"{field}.name", "generic shell documents are not allowed: name a reviewed document with fixed content");
                }

                if (doc.UndoName is not null && !IdentifierRules.IsSsmDocumentName(doc.UndoName))
                {
                    Fail($"{field}.undoName", $"'{doc.UndoName}' is not an SSM document name");
                }
            }
            else if (doc.Document is null)
            {
                Fail(
                    doc.Name.Length > 0 ? $"{field}.name" : $"{field}.document",
                    (doc.Name.Length > 0 ? $"'{doc.Name}' is not a document this stack deploys: " : "no document: ")
                    + $"refer to a stack document with \"document\": {StackKeys()}, or mark a document managed outside the stack \"external\": true with its \"name\"");
            }
            else if (StackDocuments.Find(doc.Document) is null)
            {
                Fail($"{field}.document", $"'{doc.Document}' is not a document this stack deploys ({StackKeys()}); mark a document managed outside the stack \"external\": true with its \"name\"");
            }
            else if (doc.Name.Length > 0 || doc.UndoName is not null)
            {
                Fail(doc.Name.Length > 0 ? $"{field}.name" : $"{field}.undoName", $"a stack document's name{(doc.UndoName is not null ? " and undo" : "")} come from the stack (template.yaml); remove it, or mark the document \"external\": true");
            }

            if (string.IsNullOrWhiteSpace(doc.Description))
            {
                Fail($"{field}.description", "say what the document does");
            }
        }

        static string StackKeys() => string.Join(" | ", StackDocuments.Keys);
    }
}
