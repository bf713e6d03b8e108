using InstantOnRemediate.Cli.Commands;

namespace InstantOnRemediate.Cli;

/// <summary>
/// instanton-remediate: exit 0 on success, 2 on bad usage or unreadable input (one-line reason on stderr),
/// 1 on internal failure (DESIGN §4).
/// </summary>
internal static class CliApplication
{
    public const int Ok = 0;
    public const int InternalFailure = 1;
    public const int BadUsage = 2;

    private const string Usage = """
        usage: instanton-remediate <command> [options]

          classify FILE... [--json]                 classify CRIU/InstantOn logs (- for stdin); every FILE is
                                                     printed, exit 2 if any could not be read (lines over 64 KiB
                                                     are read only that far, shown lines cut at 512 characters)
          filter-pattern                             the CloudWatch Logs subscription filter pattern (from the catalog)
          migration-step --record F --inventory F --now T   one offline step of a node-group migration's stage machine
          invoke detect|runbook|reconcile EVENT.json [--inventory FILE | --aws]
                 [--mode observe|recommend|enforce] [--state DIR] [--now ISO-8601] [--json]
                                                     run a handler exactly as Lambda would
          inventory --cluster NAME [--aws | --inventory FILE] [--json]
                                                     the correlated node-group snapshot
          audit [--cluster NAME]... [--aws | --inventory FILE] [--json]
                                                     InstantOn compatibility of every node group
                                                     (--aws: clusters from --cluster, else CLUSTERS=a,b)
          audit --central (--events FILE | --aws [--table NAME] [--account ID]) [--json]
                                                     which node groups in which accounts cannot restore
                                                     InstantOn: a file of events, or the central table
                                                     (--aws: table from --table, else CENTRAL_EVENTS_TABLE)
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            await stdout.WriteLineAsync(Usage).ConfigureAwait(false);
            return args.Length == 0 ? BadUsage : Ok;
        }

        var rest = args[1..];
        try
        {
            return args[0] switch
            {
                "classify" => await ClassifyCommand.RunAsync(rest, stdout, stderr).ConfigureAwait(false),
                "invoke" => await InvokeCommand.RunAsync(rest, stdout, stderr).ConfigureAwait(false),
                "inventory" => await InventoryCommand.RunAsync(rest, stdout, stderr).ConfigureAwait(false),
                "audit" => await AuditCommand.RunAsync(rest, stdout, stderr).ConfigureAwait(false),
                "filter-pattern" => await FilterPatternCommand.RunAsync(rest, stdout, stderr).ConfigureAwait(false),
                "migration-step" => await MigrationStepCommand.RunAsync(rest, stdout, stderr).ConfigureAwait(false),
                _ => throw new UsageException($"unknown command '{args[0]}' (try --help)"),
            };
        }
        catch (UsageException e)
        {
            await stderr.WriteLineAsync("instanton-remediate: " + e.Message).ConfigureAwait(false);
            return BadUsage;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // An internal failure (e.g. an AWS call that failed after its retries): one line, exit 1, no stack trace.
            await stderr.WriteLineAsync($"instanton-remediate: {args[0]} failed: {e.GetType().Name}: {e.Message}").ConfigureAwait(false);
            return InternalFailure;
        }
    }
}
