using System.Text.Json;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Reliability.Tests.Support;

/// <summary>Batches for a seeded cluster and what the proxy saw of them.</summary>
internal static class AwsScenario
{
    public static string LogGroupOf(string cluster) => $"/aws/containerinsights/{cluster}/application";

    /// <summary>Three signal-11 restores from three pods on the AL2 node group's nodes: over the default threshold (3 failures, 2 pods).</summary>
    public static byte[] ThresholdBatch(string cluster, IReadOnlyList<string> al2Nodes, long idBase = 1) =>
        Batches.Envelope(
            [
                .. Batches.Episode(idBase, Batches.Start, "orders-7d9f8b6c5-aaaaa", node: al2Nodes[0]),
                .. Batches.Episode(idBase + 1, Batches.Start + 10_000, "orders-7d9f8b6c5-bbbbb", node: al2Nodes[1 % al2Nodes.Count]),
                .. Batches.Episode(idBase + 2, Batches.Start + 20_000, "orders-7d9f8b6c5-ccccc", node: al2Nodes[0]),
            ],
            LogGroupOf(cluster));

    /// <summary>Requests of <paramref name="operation"/> that reached moto (for EKS, only those about <paramref name="cluster"/>).</summary>
    public static List<ProxiedRequest> Reached(FaultProxy proxy, string operation, string? cluster = null) =>
        [.. proxy.Forwarded.Where(r => r.Operation == operation && (cluster is null || r.Service != "eks" || r.Request.Path.Contains("/clusters/" + cluster + "/", StringComparison.Ordinal)))];

    /// <summary>Requests of <paramref name="operation"/> that reached moto and were answered with success.</summary>
    public static List<ProxiedRequest> Succeeded(FaultProxy proxy, string operation, string? cluster = null) =>
        [.. Reached(proxy, operation, cluster).Where(r => r.Fault is null && r.Status is >= 200 and < 300)];

    /// <summary>SNS Publish calls about <paramref name="cluster"/> that reached moto and succeeded.</summary>
    public static List<ProxiedRequest> Publishes(FaultProxy proxy, string cluster) =>
        [.. Succeeded(proxy, "Publish").Where(p => p.DecodedBody.Contains(cluster, StringComparison.Ordinal))];

    public static IEnumerable<JsonElement> Actions(JsonElement response, string type) =>
        response.GetProperty("plan").GetProperty("actions").EnumerateArray().Where(a => a.GetProperty("type").GetString() == type);

    /// <summary>A form-encoded parameter of a query-protocol request (SNS Publish's Subject, ...).</summary>
    public static string? FormValue(ProxiedRequest request, string name)
    {
        foreach (var pair in request.Request.BodyText.Split('&'))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && Uri.UnescapeDataString(pair[..eq]) == name)
            {
                return Uri.UnescapeDataString(pair[(eq + 1)..].Replace('+', ' '));
            }
        }

        return null;
    }
}
