using System.Globalization;
using System.Text.Json;
using InstantOnRemediate.Core.Correlation;
using InstantOnRemediate.Core.Json;
using InstantOnRemediate.Core.Migration;
using InstantOnRemediate.Core.Policy;

namespace InstantOnRemediate.Cli.Commands;

/// <summary>
/// <c>migration-step --record FILE --inventory FILE --now ISO [--policy FILE] [--successes N] [--paused] [--out FILE]</c>:
/// one step of a node-group migration's stage machine, offline: the pure decision reconcile makes for the migration
/// record, with the node groups as the inventory snapshot shows them (instances counted as running) and the
/// successful restores on the target given by <c>--successes</c>. Nothing is carried out; an EKS call the step would
/// make is named, and the record after the step is written to <c>--out</c> (as reconcile would save it, without the
/// EKS update id).
/// </summary>
internal static class MigrationStepCommand
{
    private static readonly string[] ValueOptions = ["--record", "--inventory", "--now", "--policy", "--successes", "--out"];
    private static readonly string[] FlagOptions = ["--paused"];

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var parsed = CliArguments.Parse(args, ValueOptions, FlagOptions);
        var recordPath = parsed.Value("--record") ?? throw new UsageException("migration-step needs --record FILE (a migration record, e.g. events/migration/record.json)");
        var inventoryPath = parsed.Value("--inventory") ?? throw new UsageException("migration-step needs --inventory FILE (an inventory snapshot, e.g. events/migration/02-target-active.json)");
        if (!DateTimeOffset.TryParse(parsed.Value("--now") ?? "", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var now))
        {
            throw new UsageException("migration-step needs --now ISO-8601 (the decision time)");
        }

        var successes = 0;
        if (parsed.Value("--successes") is { } text && !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out successes))
        {
            throw new UsageException($"--successes must be a whole number (got '{text}')");
        }

        MigrationRecord record;
        IReadOnlyList<ClusterInventory> inventories;
        try
        {
            record = JsonSerializer.Deserialize(await File.ReadAllTextAsync(recordPath).ConfigureAwait(false), CoreJsonContext.Default.MigrationRecord)
                ?? throw new UsageException($"{recordPath}: not a migration record");
            inventories = InventorySnapshots.Parse(await File.ReadAllTextAsync(inventoryPath).ConfigureAwait(false), inventoryPath);
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException or CorrelationDataException)
        {
            throw new UsageException($"migration-step: {e.Message}");
        }

        var policies = parsed.Value("--policy") is { } policyPath ? PolicyLoader.Load(policyPath) : PolicyLoader.LoadDefault();
        var inventory = inventories.FirstOrDefault(i => i.Cluster == record.Cluster) ?? throw new UsageException($"{inventoryPath} has no inventory of cluster {record.Cluster}");
        var seen = MigrationProgress.FromInventory(record, inventory) with { TargetSuccesses = successes, Paused = parsed.Has("--paused") };
        var step = MigrationStepper.Next(record, seen, policies.For(record.Cluster).Migration, now);
        var next = MigrationProgress.After(record, step, now, retireActionId: step.Operation == MigrationOperation.RequestRetireApproval ? "(retire action, awaiting approval)" : null);

        var call = step.Operation switch
        {
            MigrationOperation.Fence => record.FenceMode == "label"
                ? $" -> would call UpdateNodegroupConfig {record.Source} labels.addOrUpdateLabels {record.FenceKey}={record.FenceValue} (offline: not called)"
                : $" -> would call UpdateNodegroupConfig {record.Source} taints.addOrUpdateTaints {record.FenceKey}={record.FenceValue}:{record.FenceEffect} (offline: not called)",
            MigrationOperation.Scale => $" -> would call UpdateNodegroupConfig {record.Source} scalingConfig minSize={step.MinSize?.ToString(CultureInfo.InvariantCulture)} desiredSize={step.DesiredSize?.ToString(CultureInfo.InvariantCulture)} (offline: not called)",
            MigrationOperation.RequestRetireApproval => " -> would save a delete action awaiting its own approval",
            _ => "",
        };
        await stdout.WriteLineAsync($"{now:yyyy-MM-dd HH:mm}Z  {record.Stage,-11} {step.Kind.ToString().ToLowerInvariant(),-8} {step.Reason}{call}").ConfigureAwait(false);
        if (record.Stage != next.Stage)
        {
            await stdout.WriteLineAsync($"{"",18}stage {record.Stage} -> {next.Stage}{(step.Alert is { } alert ? $" (alert '{alert}' in thread migration/{record.Id})" : "")}").ConfigureAwait(false);
        }

        if (parsed.Value("--out") is { } output)
        {
            await File.WriteAllTextAsync(output, JsonSerializer.Serialize(next, CoreJsonContext.Default.MigrationRecord)).ConfigureAwait(false);
        }

        return CliApplication.Ok;
    }
}
