using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using InstantOnRemediate.Core.Correlation;
using InstantOnRemediate.Core.Security;

namespace InstantOnRemediate.Aws.Inventory;

/// <summary>A public AMI release and whether the catalog says it can restore InstantOn images.</summary>
public sealed record PublicRelease(string AmiType, string KubernetesVersion, string Parameter, string? ReleaseVersion, string? Kernel, bool? Compatible);

/// <summary>
/// Reads the newest EKS-optimized AMI release per amiType and Kubernetes version from the public SSM parameters
/// (<c>/aws/service/eks/optimized-ami/…/recommended/release_version</c>, <c>/aws/service/bottlerocket/…/latest/image_version</c>),
/// cached per parameter. <paramref name="parameterRoot"/> replaces <c>/aws/service</c> for private mirrors of those parameters.
/// </summary>
public sealed class EksPublicReleases(IAmazonSimpleSystemsManagement ssm, TimeProvider time, TimeSpan lifetime, NodegroupAssessor assessor, string parameterRoot = "/aws/service")
{
    private readonly ExpiringCache<string, string?> cache = new(time, lifetime, StringComparer.Ordinal);

    [IamAction("ssm:GetParameter", Resource = "parameter")]
    public async Task<PublicRelease?> NewestAsync(string amiType, string kubernetesVersion, CancellationToken cancellationToken)
    {
        var parameter = assessor.Catalog.ReleaseParameterFor(amiType, kubernetesVersion);
        if (parameter is null)
        {
            return null;
        }

        if (parameterRoot != "/aws/service")
        {
            parameter = parameterRoot.TrimEnd('/') + parameter["/aws/service".Length..];
        }

        if (!cache.TryGet(parameter, out var release))
        {
            try
            {
                var response = await ssm.GetParameterAsync(new GetParameterRequest { Name = parameter }, cancellationToken).ConfigureAwait(false);
                release = response.Parameter?.Value;
            }
            catch (ParameterNotFoundException)
            {
                release = null;
            }

            cache.Set(parameter, release);
        }

        var assessed = assessor.Assess(new NodegroupInventory { Name = "candidate", AmiType = amiType, KubernetesVersion = kubernetesVersion, ReleaseVersion = release });
        return new PublicRelease(amiType, kubernetesVersion, parameter, release, assessed.Kernel, release is null ? null : assessed.Compatible);
    }

    /// <summary>The newest release of the group's amiType if it can restore, else of its compatible target amiType.</summary>
    public async Task<PublicRelease?> NewestCompatibleAsync(NodegroupInventory nodegroup, CancellationToken cancellationToken)
    {
        if (nodegroup.AmiType is null || nodegroup.KubernetesVersion is null)
        {
            return null;
        }

        var same = await NewestAsync(nodegroup.AmiType, nodegroup.KubernetesVersion, cancellationToken).ConfigureAwait(false);
        if (same?.Compatible == true)
        {
            return same;
        }

        var target = assessor.CompatibleTarget(nodegroup);
        return target is null ? null : await NewestAsync(target, nodegroup.KubernetesVersion, cancellationToken).ConfigureAwait(false);
    }
}
