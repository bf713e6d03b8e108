using System.Text.RegularExpressions;
using InstantOnRemediate.Aws.Ec2;
using InstantOnRemediate.Core.Security;

namespace InstantOnRemediate.Aws.Inventory;

/// <summary>
/// EC2 lookups for correlation: node names → instances (<c>private-dns-name</c>, or <c>instance-id</c> when nodes are
/// named by id), instances of Auto Scaling groups, and AMI names. Filter values go out in batches of 200, pages followed.
/// </summary>
internal sealed partial class Ec2Inventory(IAmazonEc2 ec2)
{
    public const int MaxFilterValues = Ec2QueryForm.MaxFilterValues;
    public const string NodegroupTagKey = "eks:nodegroup-name";
    public const string AutoScalingGroupTagKey = "aws:autoscaling:groupName";

    [IamAction("ec2:DescribeInstances")]
    public async Task<IReadOnlyList<Ec2InstanceFacts>> FindByNodeNamesAsync(IReadOnlyCollection<string> nodeNames, CancellationToken cancellationToken)
    {
        var byId = nodeNames.Where(n => InstanceIdPattern().IsMatch(n)).Distinct(StringComparer.Ordinal).ToList();
        var byDns = nodeNames.Where(n => !InstanceIdPattern().IsMatch(n) && PrivateDnsPattern().IsMatch(n)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var found = new List<Ec2InstanceFacts>();
        found.AddRange(await DescribeAsync("instance-id", byId, null, cancellationToken).ConfigureAwait(false));
        found.AddRange(await DescribeAsync("private-dns-name", byDns, null, cancellationToken).ConfigureAwait(false));
        return found;
    }

    [IamAction("ec2:DescribeInstances")]
    public Task<IReadOnlyList<Ec2InstanceFacts>> FindByAutoScalingGroupsAsync(IReadOnlyCollection<string> groups, CancellationToken cancellationToken) =>
        DescribeAsync("tag:" + AutoScalingGroupTagKey, [.. groups.Distinct(StringComparer.Ordinal)], new Ec2Filter("instance-state-name", ["pending", "running"]), cancellationToken);

    [IamAction("ec2:DescribeImages")]
    public async Task<IReadOnlyList<AmiFacts>> DescribeImagesAsync(IReadOnlyCollection<string> imageIds, CancellationToken cancellationToken)
    {
        var result = new List<AmiFacts>();
        foreach (var batch in imageIds.Distinct(StringComparer.Ordinal).Chunk(MaxFilterValues))
        {
            string? token = null;
            do
            {
                var request = new DescribeImagesRequest { Filters = [new Ec2Filter("image-id", batch)], NextToken = token };
                var response = await ec2.DescribeImagesAsync(request, cancellationToken).ConfigureAwait(false);
                result.AddRange(response.Images.Select(i => new AmiFacts(i.ImageId, i.Name, i.Description)));
                token = response.NextToken;
            }
            while (token is not null);
        }

        return result;
    }

    private async Task<IReadOnlyList<Ec2InstanceFacts>> DescribeAsync(string filterName, List<string> values, Ec2Filter? extra, CancellationToken cancellationToken)
    {
        var result = new List<Ec2InstanceFacts>();
        foreach (var batch in values.Chunk(MaxFilterValues))
        {
            List<Ec2Filter> filters = extra is null ? [new(filterName, batch)] : [new(filterName, batch), extra];
            string? token = null;
            do
            {
                var response = await ec2.DescribeInstancesAsync(new DescribeInstancesRequest { Filters = filters, MaxResults = 1000, NextToken = token }, cancellationToken).ConfigureAwait(false);
                result.AddRange(response.Instances.Select(ToFacts));
                token = response.NextToken;
            }
            while (token is not null);
        }

        return result;
    }

    private static Ec2InstanceFacts ToFacts(Ec2Instance i)
    {
        var tags = i.Tags.GroupBy(t => t.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
        return new Ec2InstanceFacts
        {
            InstanceId = i.InstanceId,
            PrivateDnsName = i.PrivateDnsName,
            ImageId = i.ImageId,
            InstanceType = i.InstanceType,
            Architecture = i.Architecture,
            State = i.State,
            NodegroupTag = tags.GetValueOrDefault(NodegroupTagKey),
            AutoScalingGroup = tags.GetValueOrDefault(AutoScalingGroupTagKey),
        };
    }

    [GeneratedRegex(@"^i-[0-9a-f]{8,17}$", RegexOptions.CultureInvariant)]
    internal static partial Regex InstanceIdPattern();

    /// <summary>Node names that can be EC2 private DNS names (ip-… or i-… hostnames); anything else is not sent to EC2.</summary>
    [GeneratedRegex(@"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    internal static partial Regex PrivateDnsPattern();
}
