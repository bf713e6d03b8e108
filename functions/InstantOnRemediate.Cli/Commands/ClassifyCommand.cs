using InstantOnRemediate.Cli.Input;
using InstantOnRemediate.Core.Classification;

namespace InstantOnRemediate.Cli.Commands;

/// <summary>
/// <c>classify FILE... [--json]</c> (<c>-</c> reads stdin): one result per file, each read by
/// <see cref="BoundedLineReader"/> so any log, whatever its line lengths, classifies in bounded memory. Every file
/// is processed: one that cannot be read gets a one-line reason on stderr and makes the exit code 2, the others are
/// still printed. An internal failure stops the run (exit 1).
/// </summary>
internal static class ClassifyCommand
{
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr) => RunAsync(args, stdout, stderr, null);

    /// <param name="args">The command's arguments.</param>
    /// <param name="stdout">Where results go.</param>
    /// <param name="stderr">Where reasons go.</param>
    /// <param name="stdin">What "-" reads; null for the process's standard input.</param>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, Stream? stdin)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var parsed = CliArguments.Parse(args, [], ["--json"]);
        if (parsed.Positional.Count == 0)
        {
            throw new UsageException("classify needs at least one FILE (or - for stdin)");
        }

        SignatureCatalog catalog;
        try
        {
            catalog = SignatureCatalog.LoadEmbedded();
        }
        catch (CatalogValidationException e)
        {
            await stderr.WriteLineAsync("instanton-remediate: internal error: " + e.Message).ConfigureAwait(false);
            return CliApplication.InternalFailure;
        }

        var json = parsed.Has("--json");
        var exit = CliApplication.Ok;
        foreach (var file in parsed.Positional)
        {
            ClassificationResult result;
            LineCounts counts;
            try
            {
                (result, counts) = Classify(file, stdin, catalog);
            }
            catch (UsageException e)
            {
                await stderr.WriteLineAsync("instanton-remediate: " + e.Message).ConfigureAwait(false);
                exit = CliApplication.BadUsage;
                continue;
            }

            await stdout.WriteLineAsync(json ? ClassificationOutput.ToJson(file, result, counts) : ClassificationOutput.ToText(file, result, counts))
                .ConfigureAwait(false);
        }

        return exit;
    }

    /// <summary>Reads and classifies one log; a log that cannot be read is a <see cref="UsageException"/>.</summary>
    private static (ClassificationResult Result, LineCounts Counts) Classify(string file, Stream? stdin, SignatureCatalog catalog)
    {
        if (file == "-")
        {
            return Classify(stdin ?? Console.OpenStandardInput(), "stdin", catalog);
        }

        using var stream = InputFile.OpenRead(file, file);
        return Classify(stream, file, catalog);
    }

    /// <param name="stream">The log.</param>
    /// <param name="what">How a reason names it: the path, or "stdin".</param>
    /// <param name="catalog">The signature catalog.</param>
    private static (ClassificationResult Result, LineCounts Counts) Classify(Stream stream, string what, SignatureCatalog catalog)
    {
        var reader = new BoundedLineReader(stream, what);
        try
        {
            var result = RestoreDetector.ClassifyLines(reader.ReadLines(), catalog);
            return (result, reader.Counts);
        }
        catch (IOException e)
        {
            throw InputFile.Unreadable(what, e.Message, e);
        }
    }
}
