namespace InstantOnRemediate.Aws.Inventory;

/// <summary>DescribeImages facts of one AMI.</summary>
internal sealed record AmiFacts(string ImageId, string? Name, string? Description);
