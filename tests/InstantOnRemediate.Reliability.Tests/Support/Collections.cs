namespace InstantOnRemediate.Reliability.Tests.Support;

/// <summary>
/// Tests that measure the process's allocations: they run alone (after the parallel ones), so no other test's
/// allocations are counted.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ResourceBoundsCollection
{
    public const string Name = "resource-bounds";
}

/// <summary>
/// Tests that point the process-wide AWS environment (AWS_ENDPOINT_URL, credentials) at moto_server through a
/// proxy: one at a time, never beside another test that builds AWS clients.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AwsEnvironmentCollection : ICollectionFixture<MotoWorld>
{
    public const string Name = "aws-environment";
}
