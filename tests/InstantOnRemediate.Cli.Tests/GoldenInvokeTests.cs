using System.Text.Json;
using System.Text.Json.Nodes;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Cli.Tests;

/// <summary>
/// Every sample in events/ run through `instanton-remediate invoke` exactly as Lambda would (shipped demo
/// inventory, recommend mode, a fixed clock), its stdout pinned in events/golden/. UPDATE_GOLDEN=1 rewrites the
/// files on purpose and still fails the run, so a rewrite is never silent.
/// </summary>
[Collection(InventoryAwsCollection.Name)]
public sealed class GoldenInvokeTests
{
    private const string Now = "2025-05-08T10:50:00Z";

    public static TheoryData<string, string> Samples()
    {
        var data = new TheoryData<string, string>();
        foreach (var handler in new[] { "detect", "runbook", "reconcile" })
        {
            var dir = RepoPaths.Event(handler);
            if (!Directory.Exists(dir))
            {
                continue;
            }

            foreach (var file in Directory.GetFiles(dir, "*.json").Where(f => !f.EndsWith(".decoded.json", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                data.Add(handler, Path.GetFileName(file));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Invoke_ShippedSample_MatchesGoldenResponse(string handler, string file)
    {
        var state = Directory.CreateTempSubdirectory("golden-state-");
        try
        {
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            var exit = await CliApplication.RunAsync(
                ["invoke", handler, RepoPaths.Event(handler, file), "--mode", "recommend", "--now", Now, "--state", state.FullName, "--json"], stdout, stderr);

            var actual = Normalize(exit, stdout.ToString());
            var golden = RepoPaths.Event("golden", handler, Path.ChangeExtension(file, ".response.json"));
            if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
            {
                Directory.CreateDirectory(Path.GetDirectoryName(golden)!);
                await File.WriteAllTextAsync(golden, actual);
                Assert.Fail($"golden file rewritten on purpose: {golden}");
            }

            Assert.True(File.Exists(golden), $"no golden file {golden}: run with UPDATE_GOLDEN=1 and review the diff");
            Assert.Equal(await File.ReadAllTextAsync(golden), actual);
        }
        finally
        {
            state.Delete(recursive: true);
        }
    }

    /// <summary>Exit code + the response as indented JSON (or as a JSON string when it is not JSON, "" when empty).</summary>
    private static string Normalize(int exit, string stdout)
    {
        string body;
        try
        {
            body = JsonNode.Parse(stdout)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        }
        catch (JsonException)
        {
            // Nothing (an event refused before any handler ran) or text: pinned as a JSON string.
            body = JsonValue.Create(stdout.Trim()).ToJsonString();
        }

        return $"{{\n  \"exitCode\": {exit},\n  \"stdout\": {body.Replace("\n", "\n  ", StringComparison.Ordinal)}\n}}\n";
    }
}
