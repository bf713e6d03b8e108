using InstantOnRemediate.Core.Classification;

namespace InstantOnRemediate.Core.Correlation;

/// <summary>
/// Places each failing node of a batch of findings: node name → instance → node group → AMI → kernel → verdict, over
/// one inventory snapshot. Kernel evidence: a probe on the instance, else the kernel the CRIU log printed, else the
/// node group's (AMI catalog), else unknown. Nodes are found through the inventory's <see cref="InventoryIndex"/>,
/// built once per inventory, so the cost per batch does not grow with the cluster. Pure.
/// </summary>
public sealed class NodeCorrelator(KernelFeatureMatrix matrix, AmiCatalog catalog)
{
    private readonly NodegroupAssessor assessor = new(matrix, catalog);
    private readonly CompatibilityEvaluator evaluator = new(matrix);

    public static NodeCorrelator Default { get; } = new(KernelFeatureMatrix.Default, AmiCatalog.Default);

    public IReadOnlyList<NodeCorrelation> Correlate(IEnumerable<Finding> findings, ClusterInventory inventory)
    {
        var index = InventoryIndex.Of(inventory);
        var results = new List<NodeCorrelation>();
        foreach (var group in findings.Where(f => !string.IsNullOrWhiteSpace(f.Node)).GroupBy(f => f.Node!, StringComparer.OrdinalIgnoreCase))
        {
            var node = group.Key;
            var logKernel = group.Select(f => f.Kernel).FirstOrDefault(k => KernelVersion.TryParse(k, out _));
            var features = matrix.DefaultProfile.Features
                .Concat(group.Select(f => f.Cause).Distinct(StringComparer.Ordinal).SelectMany(matrix.FeaturesFor))
                .Distinct(StringComparer.Ordinal)
                .ToList();

            if (!index.TryFind(node, out var ng, out var instance))
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
}
