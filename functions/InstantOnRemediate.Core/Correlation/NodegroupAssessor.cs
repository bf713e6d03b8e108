namespace InstantOnRemediate.Core.Correlation;

/// <summary>
/// Fills in a node group's AMI family, kernel (with source and confidence), InstantOn verdict and compatible target
/// from what was gathered: probed instance kernels beat a kernel already recorded from a probe or log, which beats
/// the AMI catalog (amiType × Kubernetes version × release date). Pure; the same snapshot always gives the same answer.
/// </summary>
public sealed class NodegroupAssessor(KernelFeatureMatrix matrix, AmiCatalog catalog)
{
    private readonly CompatibilityEvaluator evaluator = new(matrix);

    public static NodegroupAssessor Default { get; } = new(KernelFeatureMatrix.Default, AmiCatalog.Default);

    public AmiCatalog Catalog => catalog;

    public KernelFeatureMatrix Matrix => matrix;

    public ClusterInventory Assess(ClusterInventory inventory) =>
        inventory with { Nodegroups = [.. inventory.Nodegroups.Select(Assess)] };

    public NodegroupInventory Assess(NodegroupInventory nodegroup)
    {
        var amiName = FirstAmiName(nodegroup);
        var family = ResolveFamily(nodegroup, amiName);
        var evidence = KernelEvidenceFor(nodegroup, family, amiName);
        var verdict = catalog.PlatformOf(family) == "windows"
            ? CompatibilityEvaluator.NotLinux("Windows")
            : evaluator.Evaluate(evidence);

        return nodegroup with
        {
            AmiFamily = family,
            Kernel = evidence.Kernel,
            KernelSource = evidence.Source,
            Confidence = verdict.Confidence,
            Compatible = verdict.Compatible,
            Missing = [.. verdict.Missing.Select(m => m.Id)],
            Reason = verdict.Reason,
            TargetAmiType = verdict.Compatible == true ? null : CompatibleTarget(nodegroup),
        };
    }

    /// <summary>The kernel evidence of a node group, best source first (see type summary).</summary>
    public KernelEvidence KernelEvidenceFor(NodegroupInventory nodegroup)
    {
        var amiName = FirstAmiName(nodegroup);
        return KernelEvidenceFor(nodegroup, ResolveFamily(nodegroup, amiName), amiName);
    }

    /// <summary>The family a node group's AMI belongs to (amiType first, then the AMI name for custom AMIs).</summary>
    public string FamilyOf(NodegroupInventory nodegroup) => ResolveFamily(nodegroup, FirstAmiName(nodegroup));

    /// <summary>amiType to move to (same architecture) when it can restore at the group's Kubernetes version; null otherwise.</summary>
    public string? CompatibleTarget(NodegroupInventory nodegroup)
    {
        var target = catalog.TargetFor(nodegroup.AmiType);
        if (target is null)
        {
            return null;
        }

        var k8s = nodegroup.KubernetesVersion ?? AmiRelease.Parse(nodegroup.ReleaseVersion)?.KubernetesMinor;
        var kernel = catalog.KernelFor(new AmiKernelQuery { Family = catalog.FamilyOf(target)!, AmiType = target, KubernetesMinor = k8s });
        if (kernel?.Kernel is null)
        {
            return null;
        }

        var verdict = evaluator.Evaluate(new KernelEvidence { Kernel = kernel.Kernel, Source = KernelSources.AmiCatalog, Confidence = kernel.Confidence });
        return verdict.Compatible == true ? target : null;
    }

    private static AmiName? FirstAmiName(NodegroupInventory nodegroup) =>
        nodegroup.Instances.Select(i => AmiName.Parse(i.AmiName)).FirstOrDefault(n => n is not null);

    private string ResolveFamily(NodegroupInventory nodegroup, AmiName? amiName)
    {
        var family = catalog.FamilyOf(nodegroup.AmiType);
        if (family is null or AmiFamilies.Custom)
        {
            return amiName?.Family ?? nodegroup.AmiFamily ?? family ?? AmiFamilies.Custom;
        }

        return family;
    }

    private KernelEvidence KernelEvidenceFor(NodegroupInventory nodegroup, string family, AmiName? amiName)
    {
        if (KernelVersion.LowestOf(nodegroup.Instances, i => i.Kernel) is { } probed)
        {
            var evidence = KernelEvidence.FromProbe(probed.Kernel!, probed.KernelFeatures);
            return evidence with { Note = $"probed on {probed.InstanceId} (lowest kernel of the group)" };
        }

        if (nodegroup.Kernel is not null && nodegroup.KernelSource is KernelSources.SsmProbe or KernelSources.CriuLog)
        {
            return new KernelEvidence
            {
                Kernel = nodegroup.Kernel,
                Source = nodegroup.KernelSource,
                Confidence = Confidences.High,
                Note = "recorded in the snapshot",
            };
        }

        var release = AmiRelease.Parse(nodegroup.ReleaseVersion, family);
        var customFromName = catalog.FamilyOf(nodegroup.AmiType) is null or AmiFamilies.Custom;
        var query = new AmiKernelQuery
        {
            Family = family,
            AmiType = customFromName ? amiName?.AmiType : nodegroup.AmiType,
            KubernetesMinor = nodegroup.KubernetesVersion ?? release?.KubernetesMinor ?? amiName?.KubernetesMinor,
            ReleaseDate = release?.Date ?? amiName?.Date,
            OsVersion = amiName?.OsVersion,
        };
        var catalogKernel = catalog.KernelFor(query);
        if (catalogKernel?.Kernel is { } series)
        {
            return new KernelEvidence
            {
                Kernel = series,
                Distro = catalog.KernelDistroOf(family),
                Source = KernelSources.AmiCatalog,
                Confidence = customFromName ? Confidences.Min(catalogKernel.Confidence, Confidences.Low) : catalogKernel.Confidence,
                Note = $"{catalogKernel.Evidence} [{catalogKernel.Source}]",
            };
        }

        var why = catalogKernel is not null
            ? catalogKernel.Evidence
            : $"no AMI catalog entry for {family} {nodegroup.AmiType} Kubernetes {query.KubernetesMinor ?? "?"} release {nodegroup.ReleaseVersion ?? "?"}";
        return KernelEvidence.Unknown with { Note = why };
    }
}
