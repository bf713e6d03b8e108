using System.Text.RegularExpressions;
using Amazon.EC2;
using Amazon.EC2.Model;
using InstantOnRemediate.Core.Security;

namespace InstantOnRemediate.Aws.Inventory;

/// <summary>
/// EC2 lookups for correlation: node names → instances (<c>private-dns-name</c>, or <c>instance-id</c> when nodes are
/// named by id), instances of Auto Scaling groups, and AMI names. Filter values go out in batches of 200, pages followed.
/// </summary>
internal sealed partial class Ec2Inventory(IAmazonEC2 ec2)
{
    public const int MaxFilterValues = 200;
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
        DescribeAsync("tag:" + AutoScalingGroupTagKey, [.. groups.Distinct(StringComparer.Ordinal)], new Filter("instance-state-name", ["pending", "running"]), cancellationToken);

    [IamAction("ec2:DescribeImages")]
    public async Task<IReadOnlyList<AmiFacts>> DescribeImagesAsync(IReadOnlyCollection<string> imageIds, CancellationToken cancellationToken)
    {
        var result = new List<AmiFacts>();
        foreach (var batch in imageIds.Distinct(StringComparer.Ordinal).Chunk(MaxFilterValues))
        {
            var response = await ec2.DescribeImagesAsync(new DescribeImagesRequest { Filters = [new Filter("image-id", [.. batch])] }, cancellationToken).ConfigureAwait(false);
            result.AddRange((response.Images ?? []).Select(i => new AmiFacts(i.ImageId, i.Name, i.Description)));
        }

        return result;
    }

    private async Task<IReadOnlyList<Ec2InstanceFacts>> DescribeAsync(string filterName, List<string> values, Filter? extra, CancellationToken cancellationToken)
    {
        var result = new List<Ec2InstanceFacts>();
        foreach (var batch in values.Chunk(MaxFilterValues))
        {
            string? token = null;
            do
            {
                var request = new DescribeInstancesRequest { Filters = [new Filter(filterName, [.. batch])], MaxResults = 1000, NextToken = token };
                if (extra is not null)
                {
                    request.Filters.Add(extra);
                }

                var response = await ec2.DescribeInstancesAsync(request, cancellationToken).ConfigureAwait(false);
                result.AddRange((response.Reservations ?? []).SelectMany(r => r.Instances ?? []).Select(ToFacts));
                token = string.IsNullOrEmpty(response.NextToken) ? null : response.NextToken;
            }
            while (token is not null);
        }

        return result;
    }

    private static Ec2InstanceFacts ToFacts(Instance i)
    {
        var tags = (i.Tags ?? []).Where(t => t.Key is not null).GroupBy(t => t.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
        return new Ec2InstanceFacts
        {
            InstanceId = i.InstanceId,
            PrivateDnsName = string.IsNullOrEmpty(i.PrivateDnsName) ? null : i.PrivateDnsName,
            ImageId = i.ImageId,
            InstanceType = i.InstanceType?.Value,
            Architecture = i.Architecture?.Value,
            State = i.State?.Name?.Value,
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
