using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Cli.Tests;

/// <summary>The offline migration demo: the shipped record carried through the shipped snapshot sequence (what make demo shows).</summary>
public sealed class MigrationStepCommandTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("migration-step-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task MigrationStep_ShippedSnapshotSequence_WalksEveryStageToDone()
    {
        var record = Path.Combine(directory, "record.json");
        File.Copy(RepoPaths.Event("migration", "record.json"), record);
        var policy = Path.Combine(directory, "policy.json");
        await File.WriteAllTextAsync(policy, """{"migration":{"enabled":true,"drainStep":1}}""");
        (string Now, string Snapshot, string? Successes, string Expected)[] steps =
        [
            ("2025-05-08T10:55:00Z", "01-target-creating", null, "wait-target wait"),
            ("2025-05-08T11:00:00Z", "02-target-active", null, "stage wait-target -> fence"),
            ("2025-05-08T11:05:00Z", "02-target-active", null, "would call UpdateNodegroupConfig ng-al2-general taints.addOrUpdateTaints"),
            ("2025-05-08T11:10:00Z", "03-old-fenced", null, "stage fence -> drain"),
            ("2025-05-08T11:15:00Z", "03-old-fenced", null, "scalingConfig minSize=1 desiredSize=1"),
            ("2025-05-08T11:20:00Z", "04-old-at-1", null, "scalingConfig minSize=0 desiredSize=0"),
            ("2025-05-08T11:25:00Z", "05-old-at-0", null, "stage drain -> verify"),
            ("2025-05-08T11:30:00Z", "05-old-at-0", null, "verify      wait"),
            ("2025-05-08T11:35:00Z", "05-old-at-0", "1", "stage verify -> retire"),
            ("2025-05-08T11:40:00Z", "05-old-at-0", null, "stage retire -> done"),
        ];

        foreach (var (now, snapshot, successes, expected) in steps)
        {
            List<string> args = ["migration-step", "--record", record, "--out", record, "--policy", policy, "--now", now, "--inventory", RepoPaths.Event("migration", snapshot + ".json")];
            if (successes is not null)
            {
                args.AddRange(["--successes", successes]);
            }

            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            var exit = await CliApplication.RunAsync([.. args], stdout, stderr);

            Assert.True(exit == 0, stderr.ToString());
            Assert.Contains(expected, stdout.ToString(), StringComparison.Ordinal);
        }

        Assert.Equal("done", System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(record)).RootElement.GetProperty("stage").GetString());
    }

    [Fact]
    public async Task MigrationStep_NoNow_BadUsage()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await CliApplication.RunAsync(["migration-step", "--record", RepoPaths.Event("migration", "record.json"), "--inventory", RepoPaths.Event("migration", "01-target-creating.json")], stdout, stderr);

        Assert.Equal(CliApplication.BadUsage, exit);
        Assert.Contains("--now", stderr.ToString(), StringComparison.Ordinal);
    }
}
