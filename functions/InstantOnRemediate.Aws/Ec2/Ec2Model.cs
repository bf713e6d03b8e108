namespace InstantOnRemediate.Aws.Ec2;

/// <summary>A Describe* filter: a filter name (e.g. <c>private-dns-name</c>, <c>tag:aws:autoscaling:groupName</c>) and the values any of which match.</summary>
public sealed record Ec2Filter(string Name, IReadOnlyList<string> Values);

/// <summary>The members of an EC2 <c>Instance</c> the inventory reads; strings as EC2 sent them (enums stay open).</summary>
public sealed record Ec2Instance
{
    public required string InstanceId { get; init; }

    public string? PrivateDnsName { get; init; }

    public string? ImageId { get; init; }

    public string? InstanceType { get; init; }

    public string? Architecture { get; init; }

    /// <summary><c>instanceState/name</c>: pending, running, shutting-down, terminated, stopping, stopped.</summary>
    public string? State { get; init; }

    public IReadOnlyList<Ec2Tag> Tags { get; init; } = [];
}

public sealed record Ec2Tag(string Key, string? Value);

/// <summary>The members of an EC2 <c>Image</c> the inventory reads.</summary>
public sealed record Ec2Image
{
    public required string ImageId { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }
}
