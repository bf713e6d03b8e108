using InstantOnRemediate.Core.Classification;

namespace InstantOnRemediate.Cli.Commands;

/// <summary><c>filter-pattern</c>: prints the CloudWatch Logs subscription filter pattern generated from the signature catalog.</summary>
internal static class FilterPatternCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var parsed = CliArguments.Parse(args, [], []);
        if (parsed.Positional.Count > 0)
        {
            throw new UsageException("filter-pattern takes no arguments");
        }

        string pattern;
        try
        {
            pattern = FilterPatternGenerator.Generate(SignatureCatalog.LoadEmbedded());
        }
        catch (CatalogValidationException e)
        {
            await stderr.WriteLineAsync("instanton-remediate: internal error: " + e.Message).ConfigureAwait(false);
            return CliApplication.InternalFailure;
        }

        await stdout.WriteLineAsync(pattern).ConfigureAwait(false);
        return CliApplication.Ok;
    }
}
