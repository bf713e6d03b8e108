using System.Globalization;
using System.Text;
using InstantOnRemediate.Aws.Events;
using InstantOnRemediate.Aws.Http;
using InstantOnRemediate.Core.Events;

namespace InstantOnRemediate.Cli.Commands;

/// <summary>
/// <c>audit --central (--events FILE | --aws [--table NAME] [--account ID]) [--json]</c>: the organisation's view —
/// which node groups in which accounts cannot restore InstantOn, with the latest verdict (and its source) and the
/// open episodes. <c>--events</c> folds a file of events offline (JSON array or JSON lines of EventBridge envelopes or
/// bare details, <c>-</c> for stdin); <c>--aws</c> reads the central table of infra/central/template.yaml (name from
/// <c>--table</c> or <see cref="TableVariable"/>).
/// </summary>
internal static class CentralAuditCommand
{
    public const string TableVariable = "CENTRAL_EVENTS_TABLE";

    private const long MaxFileBytes = 512L * 1024 * 1024;

    private static readonly string[] ValueOptions = ["--events", "--table", "--account"];
    private static readonly string[] FlagOptions = ["--aws", "--json"];

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var parsed = CliArguments.Parse(args, ValueOptions, FlagOptions);
        if (parsed.Positional.Count > 0)
        {
            throw new UsageException($"audit --central takes no positional arguments (got '{parsed.Positional[0]}')");
        }

        var file = parsed.Value("--events");
        var aws = parsed.Has("--aws");
        if ((file is null) == !aws)
        {
            throw new UsageException("audit --central needs exactly one of --events FILE and --aws");
        }

        IReadOnlyList<RemediationEventDetail> details;
        IReadOnlyList<string> skipped;
        if (file is not null)
        {
            if (parsed.Value("--table") is not null || parsed.Value("--account") is not null)
            {
                throw new UsageException("--table and --account go with --aws");
            }

            (details, skipped) = CentralEvents.Parse(await ReadAsync(file).ConfigureAwait(false));
        }
        else
        {
            var table = parsed.Value("--table") ?? CliRoot.Variable(TableVariable);
            if (string.IsNullOrWhiteSpace(table))
            {
                throw new UsageException($"audit --central --aws needs the table: --table NAME or {TableVariable}");
            }

            AwsSettings settings;
            try
            {
                settings = AwsSettings.FromEnvironment(CliRoot.Variable, AwsSettings.ProfileRegion);
            }
            catch (AwsConfigurationException e)
            {
                throw new UsageException(e.Message, e);
            }

            using var factory = new AwsClientFactory(settings, CliRoot.Clock, SharedRandomJitter.Instance);
            var read = await new CentralEventTable(factory.DynamoDb, table).ReadAsync(parsed.Value("--account")).ConfigureAwait(false);
            (details, skipped) = (read.Details, read.Skipped);
            if (!read.Complete)
            {
                await stderr.WriteLineAsync("instanton-remediate: the central table has more events than the page limit; the view is partial").ConfigureAwait(false);
            }
        }

        foreach (var reason in skipped.Take(5))
        {
            await stderr.WriteLineAsync("instanton-remediate: skipped " + reason).ConfigureAwait(false);
        }

        if (skipped.Count > 5)
        {
            await stderr.WriteLineAsync($"instanton-remediate: skipped {skipped.Count - 5} more").ConfigureAwait(false);
        }

        var view = FleetAggregator.Fold(details);
        await stdout.WriteAsync(parsed.Has("--json") ? RemediationEventJson.Fleet(view) + "\n" : RenderText(view)).ConfigureAwait(false);
        return CliApplication.Ok;
    }

    internal static string RenderText(FleetView view)
    {
        var s = view.Summary;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"InstantOn across accounts: {s.Accounts} account(s), {s.Nodegroups} node group(s), {s.CannotRestore} cannot restore, {s.OpenEpisodes} open episode(s) ({s.Events} events)\n\n");
        text.Append(InventoryCommand.RenderTable(
            ["ACCOUNT", "REGION", "CLUSTER", "NODEGROUP", "INSTANTON", "VERDICT (SOURCE)", "OPEN EPISODES", "LAST ACTION"],
            view.Nodegroups.Select(n => new[]
            {
                n.Account,
                n.Region,
                n.Cluster,
                n.Nodegroup,
                n.CanRestore switch { false => "CANNOT RESTORE", true => "ok", null => "?" },
                n.Verdict is null ? "-" : $"{n.Verdict.Status} ({n.Verdict.Source})",
                n.OpenEpisodes.Count == 0 ? "-" : string.Join(", ", n.OpenEpisodes.Select(e => e.Cause + (e.Escalated ? " (escalated)" : ""))),
                n.LastAction is null ? "-" : $"{n.LastAction.Kind} {n.LastAction.ActionType}".TrimEnd(),
            })));
        var cannot = view.Nodegroups.Where(n => n.CanRestore == false).ToList();
        if (cannot.Count > 0)
        {
            text.Append("\nCannot restore InstantOn:\n");
            foreach (var n in cannot)
            {
                text.Append(CultureInfo.InvariantCulture, $"  {n.Account} {n.Region} {n.Cluster}/{n.Nodegroup}: {n.Why}\n");
            }
        }

        return text.ToString();
    }

    private static async Task<string> ReadAsync(string file)
    {
        try
        {
            if (file == "-")
            {
                return await Console.In.ReadToEndAsync().ConfigureAwait(false);
            }

            var info = new FileInfo(file);
            if (info.Exists && info.Length > MaxFileBytes)
            {
                throw new UsageException($"{file} is larger than {MaxFileBytes} bytes");
            }

            return await File.ReadAllTextAsync(file).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            throw new UsageException($"cannot read {file}: {e.Message}", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new UsageException($"cannot read {file}: {e.Message}", e);
        }
    }
}
