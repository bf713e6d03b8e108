using System.Globalization;
using InstantOnRemediate.Core.Correlation;

namespace InstantOnRemediate.Benchmarks;

/// <summary>A synthetic EKS cluster: node groups of up to 100 AL2 / AL2023 instances each.</summary>
internal static class SampleInventory
{
    public static ClusterInventory Create(string cluster, int nodes)
    {
        var groups = new List<NodegroupInventory>();
        for (var g = 0; g * 100 < nodes; g++)
        {
            var al2 = g % 2 == 0;
            var count = Math.Min(100, nodes - (g * 100));
            groups.Add(new NodegroupInventory
            {
                Name = string.Create(CultureInfo.InvariantCulture, $"ng-{g:D3}"),
                AmiType = al2 ? "AL2_x86_64" : "AL2023_x86_64_STANDARD",
                ReleaseVersion = al2 ? "1.30.9-20250212" : "1.30.9-20250212",
                KubernetesVersion = "1.30",
                Instances = [.. Enumerable.Range(0, count).Select(i => new InstanceRef
                {
                    InstanceId = string.Create(CultureInfo.InvariantCulture, $"i-{g:x5}{i:x12}"),
                    Node = string.Create(CultureInfo.InvariantCulture, $"ip-10-{g % 250}-{i / 250}-{i % 250}.us-west-2.compute.internal"),
                    AmiId = al2 ? "ami-0a1b2c3d4e5f60718" : "ami-0f1e2d3c4b5a69788",
                    InstanceType = "m5.xlarge",
                    Architecture = "x86_64",
                })],
            });
        }

        return new ClusterInventory { Cluster = cluster, Version = "1.30", Nodegroups = groups };
    }
}
