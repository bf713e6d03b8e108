using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using InstantOnRemediate.Aws.Eks;
using InstantOnRemediate.Aws.Http;
using InstantOnRemediate.Aws.Inventory;
using InstantOnRemediate.Core.Correlation;
using InstantOnRemediate.Core.Json;

namespace InstantOnRemediate.Cli.Commands;

/// <summary>
/// <c>inventory --cluster NAME [--aws | --inventory FILE] [--json]</c>: the correlated snapshot of one cluster (node
/// groups, instances, AMIs, kernels, verdicts). The JSON output is a snapshot that <c>--inventory</c> replays offline.
/// <c>--aws</c> gathers live with the shared <see cref="AwsClientFactory"/>: region, credentials and endpoint
/// overrides (<c>AWS_ENDPOINT_URL</c>, <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c>) from the standard environment.
/// </summary>
internal static partial class InventoryCommand
{
    public const string DemoInventory = "prod-eks.json";

    private static readonly string[] ValueOptions = ["--cluster", "--inventory"];
    private static readonly string[] FlagOptions = ["--aws", "--json"];

    /// <summary>Which EKS client <c>--aws</c> uses from the factory: its hand-written <see cref="AwsClientFactory.Eks"/>.</summary>
    internal static Func<AwsClientFactory, IAmazonEks> EksClientFactory { get; set; } = aws => aws.Eks;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var parsed = CliArguments.Parse(args, ValueOptions, FlagOptions);
        if (parsed.Positional.Count > 0)
        {
            throw new UsageException($"inventory takes no positional arguments (got '{parsed.Positional[0]}')");
        }

        var cluster = parsed.Value("--cluster") ?? throw new UsageException("inventory needs --cluster NAME");
        var inventories = await LoadAsync([cluster], parsed.Has("--aws"), parsed.Value("--inventory")).ConfigureAwait(false);
        var inventory = NodegroupAssessor.Default.Assess(inventories[0]);

        if (parsed.Has("--json"))
        {
            await stdout.WriteLineAsync(JsonSerializer.Serialize(inventory, CoreJsonContext.Default.ClusterInventory)).ConfigureAwait(false);
        }
        else
        {
            await stdout.WriteAsync(RenderText(inventory)).ConfigureAwait(false);
        }

        return CliApplication.Ok;
    }

    /// <summary>
    /// The inventories of <paramref name="clusters"/> (all of the file's when empty): gathered live with <paramref name="aws"/>,
    /// else read from <paramref name="file"/>, else from the shipped demo snapshot.
    /// </summary>
    internal static async Task<IReadOnlyList<ClusterInventory>> LoadAsync(IReadOnlyList<string> clusters, bool aws, string? file)
    {
        if (aws && file is not null)
        {
            throw new UsageException("use either --aws or --inventory FILE, not both");
        }

        if (aws)
        {
            return await GatherAsync(clusters).ConfigureAwait(false);
        }

        var path = file ?? FindDemoInventory();
        string json;
        try
        {
            json = await File.ReadAllTextAsync(path).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read inventory {path}: {e.Message}", e);
        }

        IReadOnlyList<ClusterInventory> all;
        try
        {
            all = InventorySnapshots.Parse(json, path);
        }
        catch (CorrelationDataException e)
        {
            throw new UsageException(e.Message, e);
        }

        if (clusters.Count == 0)
        {
            return all;
        }

        var selected = new List<ClusterInventory>();
        foreach (var name in clusters)
        {
            selected.Add(all.FirstOrDefault(c => string.Equals(c.Cluster, name, StringComparison.Ordinal))
                ?? throw new UsageException($"inventory {path} has no cluster '{name}' (it has: {string.Join(", ", all.Select(c => c.Cluster))})"));
        }

        return selected;
    }

    /// <summary>Live inventories of <paramref name="clusters"/> through EKS, EC2 (and SSM when probing), one client set for all.</summary>
    private static async Task<IReadOnlyList<ClusterInventory>> GatherAsync(IReadOnlyList<string> clusters)
    {
        if (clusters.Count == 0)
        {
            throw new UsageException("--aws needs at least one --cluster NAME");
        }

        foreach (var name in clusters)
        {
            if (!ClusterNamePattern().IsMatch(name))
            {
                throw new UsageException($"'{Printable(name)}' is not an EKS cluster name (letters, digits, '-' and '_', at most 100)");
            }
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

        using var aws = new AwsClientFactory(settings, CliRoot.Clock, SharedRandomJitter.Instance);
        var gatherer = new InventoryGatherer(EksClientFactory(aws), aws.Ec2, aws.Ssm, CliRoot.Clock);
        var gathered = new List<ClusterInventory>();
        foreach (var name in clusters)
        {
            try
            {
                gathered.Add(await gatherer.GatherAsync(name).ConfigureAwait(false) with { Region = settings.Region });
            }
            catch (EksServiceException e) when (e.Kind == EksErrorKind.NotFound)
            {
                throw new UsageException($"EKS cluster '{name}' was not found in {settings.Region}", e);
            }
        }

        return gathered;
    }

    /// <summary>EKS cluster names (CreateCluster: 1-100 characters, <c>^[0-9A-Za-z][A-Za-z0-9\-_]*$</c>).</summary>
    [GeneratedRegex(@"^[0-9A-Za-z][A-Za-z0-9\-_]{0,99}$", RegexOptions.CultureInvariant)]
    private static partial Regex ClusterNamePattern();

    /// <summary>A rejected value shown in an error: control characters replaced, length bounded.</summary>
    private static string Printable(string value)
    {
        var text = new string([.. value.Take(100).Select(c => char.IsControl(c) ? '?' : c)]);
        return value.Length > 100 ? text + "…" : text;
    }

    /// <summary>events/inventory/prod-eks.json above the executable or the working directory.</summary>
    internal static string FindDemoInventory()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "events", "inventory", DemoInventory);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new UsageException($"the demo inventory events/inventory/{DemoInventory} was not found; pass --inventory FILE or --aws");
    }

    internal static string RenderText(ClusterInventory inventory)
    {
        var text = new StringBuilder();
        var where = string.Join(", ", new[] { inventory.Region, inventory.Version is null ? null : "Kubernetes " + inventory.Version }.OfType<string>());
        text.Append(CultureInfo.InvariantCulture, $"Cluster {inventory.Cluster}{(where.Length > 0 ? $" ({where})" : "")}: {inventory.Nodegroups.Count} node group(s)\n\n");
        text.Append(RenderTable(
            ["NODEGROUP", "AMI TYPE", "RELEASE", "K8S", "KERNEL", "SOURCE", "INSTANTON", "MISSING", "MOVE TO"],
            inventory.Nodegroups.Select(ng => new[]
            {
                ng.Name,
                ng.AmiType ?? "-",
                ng.ReleaseVersion ?? "-",
                ng.KubernetesVersion ?? "-",
                ng.Kernel ?? "?",
                ng.KernelSource,
                Verdict(ng.Compatible, ng.Confidence),
                ng.Missing.Count == 0 ? "-" : string.Join(",", ng.Missing),
                ng.TargetAmiType ?? "-",
            })));
        text.Append('\n');
        text.Append(RenderTable(
            ["NODEGROUP", "INSTANCE", "NODE", "AMI", "AMI NAME", "KERNEL (PROBED)"],
            inventory.Nodegroups.SelectMany(ng => ng.Instances.Select(i => new[]
            {
                ng.Name, i.InstanceId, i.Node ?? "-", i.AmiId ?? "-", i.AmiName ?? "-", i.Kernel ?? "-",
            }))));
        var notes = inventory.Nodegroups.Where(ng => ng.Compatible != true && ng.Reason is not null).ToList();
        if (notes.Count > 0)
        {
            text.Append("\nWhy:\n");
            foreach (var ng in notes)
            {
                text.Append(CultureInfo.InvariantCulture, $"  {ng.Name}: {ng.Reason}\n");
            }
        }

        return text.ToString();
    }

    internal static string Verdict(bool? compatible, string confidence) => compatible switch
    {
        true => $"yes ({confidence})",
        false => $"NO ({confidence})",
        null => "unknown",
    };

    /// <summary>A plain, aligned text table (two spaces between columns) for terminals and pasted incident notes.</summary>
    internal static string RenderTable(IReadOnlyList<string> headers, IEnumerable<string[]> rows)
    {
        var all = new List<string[]> { headers.ToArray() };
        all.AddRange(rows);
        var widths = headers.Select((_, c) => all.Max(r => c < r.Length ? r[c].Length : 0)).ToArray();
        var text = new StringBuilder();
        foreach (var row in all)
        {
            var line = string.Join("  ", row.Select((cell, c) => c == row.Length - 1 ? cell : cell.PadRight(widths[c])));
            text.Append(line.TrimEnd()).Append('\n');
        }

        return text.ToString();
    }
}
