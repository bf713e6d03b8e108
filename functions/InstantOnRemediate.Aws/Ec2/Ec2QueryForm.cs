using System.Globalization;
using InstantOnRemediate.Aws.Http;

namespace InstantOnRemediate.Aws.Ec2;

/// <summary>
/// Describe* requests as EC2 Query forms (model ec2/2016-11-15): <c>Action=…&amp;Version=2016-11-15</c>, lists
/// flattened with 1-based indexes (<c>Filter.1.Name</c>, <c>Filter.1.Value.1</c>), then <c>MaxResults</c> and
/// <c>NextToken</c>. Every name and value is percent-encoded (RFC 3986), so no value can add a field; requests EC2
/// would refuse are refused here first.
/// </summary>
internal static class Ec2QueryForm
{
    public const string ContentType = "application/x-www-form-urlencoded; charset=utf-8";

    public const string ApiVersion = "2016-11-15";

    /// <summary>EC2's limit on the values of one filter.</summary>
    public const int MaxFilterValues = 200;

    public static byte[] DescribeInstances(DescribeInstancesRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Encode("DescribeInstances", request.Filters, CheckedMaxResults(request.MaxResults, 5), request.NextToken);
    }

    public static byte[] DescribeImages(DescribeImagesRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Encode("DescribeImages", request.Filters, CheckedMaxResults(request.MaxResults, 1), request.NextToken);
    }

    private static byte[] Encode(string action, IReadOnlyList<Ec2Filter> filters, int? maxResults, string? nextToken)
    {
        var form = new AwsQueryString().Add("Action", action).Add("Version", ApiVersion);
        for (var f = 0; f < filters.Count; f++)
        {
            var filter = filters[f] ?? throw new ArgumentException($"filter {f + 1} is null", nameof(filters));
            if (string.IsNullOrEmpty(filter.Name))
            {
                throw new ArgumentException($"filter {f + 1} has no name", nameof(filters));
            }

            if (filter.Values is not { Count: > 0 and <= MaxFilterValues })
            {
                throw new ArgumentException($"filter '{filter.Name}' needs 1..{MaxFilterValues} values, got {filter.Values?.Count ?? 0}", nameof(filters));
            }

            var prefix = "Filter." + Index(f);
            form.Add(prefix + ".Name", filter.Name);
            for (var v = 0; v < filter.Values.Count; v++)
            {
                form.Add(prefix + ".Value." + Index(v), filter.Values[v] ?? throw new ArgumentException($"filter '{filter.Name}' has a null value", nameof(filters)));
            }
        }

        return form.Add("MaxResults", maxResults).Add("NextToken", string.IsNullOrEmpty(nextToken) ? null : nextToken).ToFormBody();
    }

    /// <summary>DescribeInstances pages hold 5..1000 instances, DescribeImages 1..1000 images (EC2 API reference).</summary>
    private static int? CheckedMaxResults(int? value, int minimum) =>
        value is null || (value >= minimum && value <= 1000)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"MaxResults must be {minimum}..1000");

    private static string Index(int zeroBased) => (zeroBased + 1).ToString(CultureInfo.InvariantCulture);
}
