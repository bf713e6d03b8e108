namespace InstantOnRemediate.Aws.Ec2;

/// <summary>
/// The two EC2 reads the inventory makes, shaped like AWSSDK.EC2 (replaceable in one file). Instances come flattened
/// out of their reservations; each type carries only the fields the inventory reads.
/// </summary>
public interface IAmazonEc2
{
    Task<DescribeInstancesResponse> DescribeInstancesAsync(DescribeInstancesRequest request, CancellationToken cancellationToken = default);

    Task<DescribeImagesResponse> DescribeImagesAsync(DescribeImagesRequest request, CancellationToken cancellationToken = default);
}

public sealed record DescribeInstancesRequest
{
    public IReadOnlyList<Ec2Filter> Filters { get; init; } = [];

    /// <summary>5..1000 instances per page; absent: EC2 decides.</summary>
    public int? MaxResults { get; init; }

    public string? NextToken { get; init; }
}

public sealed record DescribeInstancesResponse
{
    /// <summary>The instances of every reservation on this page, in document order.</summary>
    public IReadOnlyList<Ec2Instance> Instances { get; init; } = [];

    public string? NextToken { get; init; }
}

public sealed record DescribeImagesRequest
{
    public IReadOnlyList<Ec2Filter> Filters { get; init; } = [];

    /// <summary>1..1000 images per page; absent: every match in one answer.</summary>
    public int? MaxResults { get; init; }

    public string? NextToken { get; init; }
}

public sealed record DescribeImagesResponse
{
    public IReadOnlyList<Ec2Image> Images { get; init; } = [];

    public string? NextToken { get; init; }
}
