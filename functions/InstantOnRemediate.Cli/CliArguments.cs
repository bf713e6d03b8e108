namespace InstantOnRemediate.Cli;

/// <summary>Minimal option parsing: positional arguments, flags and --name value options, unknown options rejected.</summary>
internal sealed class CliArguments
{
    private readonly Dictionary<string, List<string>> options = new(StringComparer.Ordinal);
    private readonly HashSet<string> flags = new(StringComparer.Ordinal);

    private CliArguments()
    {
    }

    public List<string> Positional { get; } = [];

    /// <param name="args">The command's arguments.</param>
    /// <param name="valueOptions">Options that take a value (e.g. --cluster).</param>
    /// <param name="flagOptions">Options without a value (e.g. --json).</param>
    public static CliArguments Parse(string[] args, IReadOnlyCollection<string> valueOptions, IReadOnlyCollection<string> flagOptions)
    {
        var parsed = new CliArguments();
        for (var i = 0; i < args.Length; i++)
        {
            var a = args[i];
            if (a == "-" || !a.StartsWith('-'))
            {
                parsed.Positional.Add(a);
            }
            else if (flagOptions.Contains(a))
            {
                parsed.flags.Add(a);
            }
            else if (valueOptions.Contains(a))
            {
                if (i + 1 >= args.Length)
                {
                    throw new UsageException($"{a} needs a value");
                }

                if (!parsed.options.TryGetValue(a, out var list))
                {
                    parsed.options[a] = list = [];
                }

                list.Add(args[++i]);
            }
            else
            {
                throw new UsageException($"unknown option '{a}'");
            }
        }

        return parsed;
    }

    public bool Has(string flag) => flags.Contains(flag);

    public string? Value(string option) => options.TryGetValue(option, out var v) ? v[^1] : null;

    public IReadOnlyList<string> Values(string option) => options.TryGetValue(option, out var v) ? v : [];
}
