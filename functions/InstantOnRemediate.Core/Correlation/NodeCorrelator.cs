using InstantOnRemediate.Core.Classification;

namespace InstantOnRemediate.Core.Correlation;

/// <summary>
/// Places each failing node of a batch of findings: node name → instance → node group → AMI → kernel → verdict, over
/// one inventory snapshot. Kernel evidence: a probe on the instance, else the kernel the CRIU log printed, else the
/// node group's (AMI catalog), else unknown. Pure.
/// </summary>
public sealed class NodeCorrelator(KernelFeatureMatrix matrix, AmiCatalog catalog)
{
    private readonly NodegroupAssessor assessor = new(matrix, catalog);
    private readonly CompatibilityEvaluator evaluator = new(matrix);

    public static NodeCorrelator Default { get; } = new(KernelFeatureMatrix.Default, AmiCatalog.Default);

    public IReadOnlyList<NodeCorrelation> Correlate(IEnumerable<Finding> findings, ClusterInventory inventory)
    {
        var byNode = new Dictionary<string, (NodegroupInventory Nodegroup, InstanceRef Instance)>(StringComparer.OrdinalIgnoreCase);
        foreach (var ng in inventory.Nodegroups)
        {
            foreach (var instance in ng.Instances)
            {
                byNode.TryAdd(instance.InstanceId, (ng, instance));
                if (!string.IsNullOrEmpty(instance.Node))
                {
                    byNode.TryAdd(instance.Node, (ng, instance));
                }
            }
        }

        var results = new List<NodeCorrelation>();
        foreach (var group in findings.Where(f => !string.IsNullOrWhiteSpace(f.Node)).GroupBy(f => f.Node!, StringComparer.OrdinalIgnoreCase))
        {
            var node = group.Key;
            var logKernel = group.Select(f => f.Kernel).FirstOrDefault(k => KernelVersion.TryParse(k, out _));
            var features = matrix.DefaultProfile.Features
                .Concat(group.Select(f => f.Cause).Distinct(StringComparer.Ordinal).SelectMany(matrix.FeaturesFor))
                .Distinct(StringComparer.Ordinal)
                .ToList();

            if (!Lookup(byNode, node, out var place))
            {
                var evidence = logKernel is null ? KernelEvidence.Unknown : KernelEvidence.FromLog(logKernel);
                var verdict = evaluator.Evaluate(evidence, features);
                results.Add(new NodeCorrelation
                {
                    Node = node,
                    Cluster = group.Select(f => f.Cluster).FirstOrDefault(c => c is not null) ?? inventory.Cluster,
                    Kernel = evidence.Kernel,
                    KernelSource = evidence.Source,
                    Compatible = verdict.Compatible,
                    Missing = [.. verdict.Missing.Select(m => m.Id)],
                    Confidence = verdict.Confidence,
                    Reason = $"Node {node} is not in the inventory of cluster {inventory.Cluster}. {verdict.Reason}",
                });
                continue;
            }

            var (ng, instance) = place;
            var assessed = assessor.Assess(ng);
            var kernel = instance.Kernel is not null && KernelVersion.TryParse(instance.Kernel, out _)
                ? KernelEvidence.FromProbe(instance.Kernel, instance.KernelFeatures)
                : logKernel is not null
                    ? KernelEvidence.FromLog(logKernel)
                    : assessor.KernelEvidenceFor(ng);
            var result = catalog.PlatformOf(assessed.AmiFamily) == "windows"
                ? CompatibilityEvaluator.NotLinux("Windows")
                : evaluator.Evaluate(kernel, features);

            results.Add(new NodeCorrelation
            {
                Node = node,
                Cluster = inventory.Cluster,
                InstanceId = instance.InstanceId,
                Nodegroup = ng.Name,
                AmiId = instance.AmiId,
                AmiFamily = assessed.AmiFamily,
                AmiRelease = ng.ReleaseVersion,
                Kernel = kernel.Kernel,
                KernelSource = kernel.Source,
                Compatible = result.Compatible,
                Missing = [.. result.Missing.Select(m => m.Id)],
                Confidence = result.Confidence,
                Reason = result.Reason,
            });
        }

        return results;
    }

    private static bool Lookup(Dictionary<string, (NodegroupInventory, InstanceRef)> byNode, string node, out (NodegroupInventory Nodegroup, InstanceRef Instance) place)
    {
        if (byNode.TryGetValue(node, out place))
        {
            return true;
        }

        // Resource-name hostnames: i-0123456789abcdef0.us-west-2.compute.internal
        var dot = node.IndexOf('.', StringComparison.Ordinal);
        return node.StartsWith("i-", StringComparison.Ordinal) && dot > 0 && byNode.TryGetValue(node[..dot], out place);
    }
}
