using System.Text.Json;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Cli.Tests;

/// <summary>
/// The alert printed in the README ("What on-call receives") is the one the code writes for the demo's EKS case:
/// three replicas fail on the AL2 node group (recommend mode). UPDATE_GOLDEN=1 rewrites the README block on
/// purpose and still fails the run, so a rewrite is never silent.
/// </summary>
[Collection(InventoryAwsCollection.Name)]
public sealed class ReadmeAlertSampleTests
{
    private const string Fence = "```text\n";

    [Fact]
    public async Task Readme_AlertSample_IsWhatTheCodeWritesForTheDemo()
    {
        var state = Directory.CreateTempSubdirectory("readme-alert-");
        try
        {
            string last = "";
            foreach (var (file, now) in new[] { ("eks-rseq-al2.json", "2025-05-08T10:41:00Z"), ("eks-rseq-al2-pod2.json", "2025-05-08T10:44:00Z"), ("eks-rseq-al2-pod3.json", "2025-05-08T10:47:00Z") })
            {
                using var stdout = new StringWriter();
                Assert.Equal(0, await CliApplication.RunAsync(
                    ["invoke", "detect", RepoPaths.Event("detect", file), "--mode", "recommend", "--now", now, "--state", state.FullName, "--json"], stdout, new StringWriter()));
                last = stdout.ToString();
            }

            var alert = JsonDocument.Parse(last).RootElement.GetProperty("alerts")[0];
            var rendered = $"Subject: {alert.GetProperty("subject").GetString()}\n\n{alert.GetProperty("body").GetString()!.TrimEnd()}\n";

            var readmePath = Path.Combine(RepoPaths.Root, "README.md");
            var readme = await File.ReadAllTextAsync(readmePath);
            var section = readme.IndexOf("## What on-call receives", StringComparison.Ordinal);
            Assert.True(section >= 0, "README has no 'What on-call receives' section");
            var start = readme.IndexOf(Fence, section, StringComparison.Ordinal) + Fence.Length;
            var end = readme.IndexOf("```", start, StringComparison.Ordinal);
            if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1" && readme[start..end] != rendered)
            {
                await File.WriteAllTextAsync(readmePath, readme[..start] + rendered + readme[end..]);
                Assert.Fail("README alert sample rewritten on purpose: review the diff");
            }

            Assert.Equal(rendered, readme[start..end]);
        }
        finally
        {
            state.Delete(recursive: true);
        }
    }
}
