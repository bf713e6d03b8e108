namespace InstantOnRemediate.Core.Correlation;

/// <summary>Builds the audit report: every node group of every inventory, assessed against the default profile. Pure.</summary>
public sealed class CompatibilityAudit(KernelFeatureMatrix matrix, AmiCatalog catalog)
{
    private readonly NodegroupAssessor assessor = new(matrix, catalog);

    public static CompatibilityAudit Default { get; } = new(KernelFeatureMatrix.Default, AmiCatalog.Default);

    public CompatibilityAuditReport Audit(IEnumerable<ClusterInventory> inventories)
    {
        var rows = new List<AuditedNodegroup>();
        foreach (var inventory in inventories)
        {
            foreach (var ng in inventory.Nodegroups.OrderBy(n => n.Name, StringComparer.Ordinal))
            {
                var a = assessor.Assess(ng);
                var status = a.Compatible switch { true => CompatibilityStatuses.Compatible, false => CompatibilityStatuses.Incompatible, null => CompatibilityStatuses.Unknown };
                var k8s = a.KubernetesVersion ?? AmiRelease.Parse(a.ReleaseVersion)?.KubernetesMinor;
                string? targetKernel = null;
                if (a.TargetAmiType is { } target)
                {
                    targetKernel = catalog.KernelFor(new AmiKernelQuery { Family = catalog.FamilyOf(target)!, AmiType = target, KubernetesMinor = k8s })?.Kernel;
                }

                rows.Add(new AuditedNodegroup
                {
                    Cluster = inventory.Cluster,
                    Nodegroup = a.Name,
                    AmiType = a.AmiType,
                    AmiFamily = a.AmiFamily,
                    ReleaseVersion = a.ReleaseVersion,
                    KubernetesVersion = k8s,
                    Kernel = a.Kernel,
                    KernelSource = a.KernelSource,
                    Confidence = a.Confidence,
                    Status = status,
                    Compatible = a.Compatible,
                    Missing = [.. a.Missing.Select(id => matrix.Feature(id)).Select(f => new MissingFeature { Id = f.Id, Name = f.Name, Minimum = f.UpstreamMinimum })],
                    Reason = a.Reason ?? "",
                    TargetAmiType = a.TargetAmiType,
                    TargetKernel = targetKernel,
                    Instances = a.Instances.Count,
                });
            }
        }

        return new CompatibilityAuditReport
        {
            Nodegroups = rows,
            Summary = new AuditSummary
            {
                Nodegroups = rows.Count,
                Compatible = rows.Count(r => r.Status == CompatibilityStatuses.Compatible),
                Incompatible = rows.Count(r => r.Status == CompatibilityStatuses.Incompatible),
                Unknown = rows.Count(r => r.Status == CompatibilityStatuses.Unknown),
            },
        };
    }
}
