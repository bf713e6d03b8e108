using System.Globalization;
using System.Text;
using InstantOnRemediate.Core.Alerts;
using InstantOnRemediate.Core.Migration;
using InstantOnRemediate.Core.Runbook;

namespace InstantOnRemediate.Application.Reconcile;

/// <summary>
/// The alerts of a node-group migration, one per stage event, all in one thread: the group key is the migration
/// id. Each says what happened, where the migration stands, what every stage did, and the rollback command.
/// </summary>
internal static class MigrationAlertWriter
{
    private const int MaxSubject = 100;

    public static Alert Write(MigrationRecord record, string kind, string reason, string runbookFunction, string? approveActionId = null)
    {
        var body = new StringBuilder();
        body.AppendLine(Title(kind).ToUpperInvariant());
        body.AppendLine($"  {reason}.");
        body.AppendLine();
        body.AppendLine("MIGRATION");
        body.AppendLine(Row("id", record.Id));
        body.AppendLine(Row("from", $"{record.Cluster}/{record.Source} (cannot restore InstantOn{(record.Cause is { } c ? ": " + c : "")})"));
        body.AppendLine(Row("to", $"{record.Cluster}/{record.Target}{(record.TargetCreated ? " (created by the migration)" : "")}"));
        body.AppendLine(Row("stage", record.Stage));
        body.AppendLine(Row("workloads", record.Workloads.Count == 0 ? "-" : string.Join(", ", record.Workloads)));
        body.AppendLine();
        body.AppendLine("STAGES");
        foreach (var stage in record.History)
        {
            var end = stage.FinishedAt is { } f ? Time(f) : "running";
            var updates = stage.UpdateIds.Count > 0 ? $" [EKS updates {string.Join(", ", stage.UpdateIds)}]" : "";
            body.AppendLine($"  {stage.Stage,-11} {Time(stage.StartedAt)} .. {end}{updates}{(stage.Detail is { } d ? " - " + d : "")}");
        }

        body.AppendLine();
        body.AppendLine("WHAT TO DO");
        if (approveActionId is not null)
        {
            body.AppendLine($"  Approve deleting {record.Source}: {RunbookCommands.LambdaInvoke(runbookFunction, new ApplyRequest(approveActionId, RunbookPlaceholders.Person, RunbookPlaceholders.Reason))}");
        }

        body.AppendLine($"  Status:    {RunbookCommands.LambdaInvoke(runbookFunction, new StatusRequest { Cluster = record.Cluster })}");
        if (!MigrationStages.IsFinal(record.Stage))
        {
            body.AppendLine($"  Pause:     {RunbookCommands.LambdaInvoke(runbookFunction, new PauseRequest(RunbookPlaceholders.Reason, RunbookPlaceholders.Person))}");
            body.AppendLine($"  Roll back: {RunbookCommands.LambdaInvoke(runbookFunction, Rollback(record))}");
        }

        var attributes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["cluster"] = record.Cluster, ["nodegroup"] = record.Source, ["severity"] = kind == MigrationAlerts.Stalled ? "high" : "info", ["source"] = "reconcile",
            ["actionId"] = record.Id, ["migrationStage"] = record.Stage,
        };
        return new Alert
        {
            GroupKey = $"migration/{record.Id}",
            Subject = Subject($"[InstantOn] MIGRATION {record.Cluster}/{record.Source} -> {record.Target}: {Title(kind)}"),
            Body = body.ToString(),
            Attributes = attributes,
        };
    }

    /// <summary>The rollback request of a migration: deletes the target only when the migration created it.</summary>
    public static RollbackRequest Rollback(MigrationRecord record) =>
        new(record.Id, RunbookPlaceholders.Person, RunbookPlaceholders.Reason) { DeleteCreatedNodegroup = record.TargetCreated };

    private static string Title(string kind) => kind switch
    {
        MigrationAlerts.Started => "started",
        MigrationAlerts.TargetReady => "target ready",
        MigrationAlerts.Fenced => "old group fenced",
        MigrationAlerts.Drained => "old group drained",
        MigrationAlerts.Verified => "verified",
        MigrationAlerts.Retired => "finished, old group retired",
        MigrationAlerts.Stalled => "waiting too long",
        MigrationAlerts.RetireApproval => "approve deleting the old group",
        MigrationAlerts.RolledBack => "rolled back",
        _ => kind,
    };

    private static string Row(string name, string value) => $"  {name,-11} {value}";

    private static string Time(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture);

    private static string Subject(string text)
    {
        var ascii = new string([.. text.Select(c => c is >= ' ' and <= '~' ? c : ' ')]);
        return ascii.Length <= MaxSubject ? ascii : ascii[..(MaxSubject - 3)] + "...";
    }
}
