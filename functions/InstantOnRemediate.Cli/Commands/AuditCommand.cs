using System.Globalization;
using System.Text;
using System.Text.Json;
using InstantOnRemediate.Core.Correlation;
using InstantOnRemediate.Core.Json;

namespace InstantOnRemediate.Cli.Commands;

/// <summary>
/// <c>audit [--cluster NAME]... [--aws | --inventory FILE] [--json]</c>: InstantOn compatibility of every node group —
/// family, release, kernel, compatible or not and why, and the compatible amiType to move to. With <c>--aws</c> the
/// clusters come from <c>--cluster</c>, else from <c>CLUSTERS</c> (comma-separated); there is no "every cluster".
/// </summary>
internal static class AuditCommand
{
    /// <summary>Comma-separated cluster names for <c>audit --aws</c> when no <c>--cluster</c> is given.</summary>
    private const string ClustersVariable = Application.Composition.FunctionOptions.ClustersVariable;

    private static readonly string[] ValueOptions = ["--cluster", "--inventory"];
    private static readonly string[] FlagOptions = ["--aws", "--json"];

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Contains("--central"))
        {
            return await CentralAuditCommand.RunAsync([.. args.Where(a => a != "--central")], stdout, stderr).ConfigureAwait(false);
        }

        var parsed = CliArguments.Parse(args, ValueOptions, FlagOptions);
        if (parsed.Positional.Count > 0)
        {
            throw new UsageException($"audit takes no positional arguments (got '{parsed.Positional[0]}')");
        }

        var aws = parsed.Has("--aws");
        var clusters = parsed.Values("--cluster");
        if (aws && clusters.Count == 0)
        {
            clusters = [.. (CliRoot.Variable(ClustersVariable) ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
            if (clusters.Count == 0)
            {
                throw new UsageException($"audit --aws needs the clusters: --cluster NAME (repeatable) or {ClustersVariable}=a,b");
            }
        }

        var inventories = await InventoryCommand.LoadAsync(clusters, aws, parsed.Value("--inventory")).ConfigureAwait(false);
        var report = CompatibilityAudit.Default.Audit(inventories);

        if (parsed.Has("--json"))
        {
            await stdout.WriteLineAsync(JsonSerializer.Serialize(report, CoreJsonContext.Default.CompatibilityAuditReport)).ConfigureAwait(false);
        }
        else
        {
            await stdout.WriteAsync(RenderText(report)).ConfigureAwait(false);
        }

        return CliApplication.Ok;
    }

    internal static string RenderText(CompatibilityAuditReport report)
    {
        var s = report.Summary;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"InstantOn compatibility audit: {s.Nodegroups} node group(s): {s.Compatible} compatible, {s.Incompatible} incompatible, {s.Unknown} unknown\n\n");
        text.Append(InventoryCommand.RenderTable(
            ["CLUSTER", "NODEGROUP", "FAMILY", "AMI TYPE", "RELEASE", "KERNEL", "SOURCE", "INSTANTON", "MISSING (MIN KERNEL)", "MOVE TO"],
            report.Nodegroups.Select(n => new[]
            {
                n.Cluster,
                n.Nodegroup,
                n.AmiFamily ?? "-",
                n.AmiType ?? "-",
                n.ReleaseVersion ?? "-",
                n.Kernel ?? "?",
                n.KernelSource,
                InventoryCommand.Verdict(n.Compatible, n.Confidence),
                n.Missing.Count == 0 ? "-" : string.Join(", ", n.Missing.Select(m => $"{m.Id} (≥{m.Minimum})")),
                n.TargetAmiType is null ? "-" : $"{n.TargetAmiType}{(n.TargetKernel is null ? "" : $" (kernel {n.TargetKernel})")}",
            })));
        var notes = report.Nodegroups.Where(n => n.Status != CompatibilityStatuses.Compatible).ToList();
        if (notes.Count > 0)
        {
            text.Append("\nWhy:\n");
            foreach (var n in notes)
            {
                text.Append(CultureInfo.InvariantCulture, $"  {n.Cluster}/{n.Nodegroup}: {n.Reason}\n");
            }
        }

        return text.ToString();
    }
}
