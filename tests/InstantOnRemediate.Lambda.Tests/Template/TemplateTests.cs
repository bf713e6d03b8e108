using System.Diagnostics;
using System.Text.RegularExpressions;
using InstantOnRemediate.Application.Composition;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Lambda.Tests.Template;

public sealed partial class TemplateTests
{
    private static string TemplatePath => Path.Combine(RepoPaths.Root, "template.yaml");

    [Fact]
    public async Task CfnLint_Template_ReportsNoError()
    {
        var start = new ProcessStartInfo("cfn-lint", ["--format", "parseable", "--", TemplatePath])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepoPaths.Root,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(limit.Token);

        // cfn-lint exit codes are bit flags: 2 = error, 4 = warning, 8 = informational. Errors and warnings fail
        // (no warning is accepted today; one that had to be would be listed here with its reason).
        var output = await stdout + await stderr;
        Assert.True((process.ExitCode & 7) == 0, $"cfn-lint exit {process.ExitCode}:\n{output}");
    }

    [Fact]
    public void Template_Functions_UseTheCustomRuntimeAndKnownHandlers()
    {
        var text = File.ReadAllText(TemplatePath);

        Assert.Contains("Transform: AWS::Serverless-2016-10-31", text, StringComparison.Ordinal);
        Assert.Contains("Runtime: provided.al2023", text, StringComparison.Ordinal);
        Assert.Equal(HandlerNames.All.Order(), HandlerLine().Matches(text).Select(m => m.Groups[1].Value).Order());
        Assert.Equal(3, MakefileBuild().Matches(text).Count);
    }

    // Function handlers only: an SSM document's aws:executeScript step has a Handler of its own, deeper in the template.
    [GeneratedRegex(@"^ {6}Handler:\s*(\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex HandlerLine();

    [GeneratedRegex(@"BuildMethod:\s*makefile")]
    private static partial Regex MakefileBuild();
}
