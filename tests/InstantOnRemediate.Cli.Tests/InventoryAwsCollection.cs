namespace InstantOnRemediate.Cli.Tests;

/// <summary>
/// Tests that point the process-wide AWS environment (AWS_ENDPOINT_URL, CLUSTERS) at moto: they run alone, never in
/// parallel with other test classes, and restore the variables afterwards.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class InventoryAwsCollection : ICollectionFixture<InventoryAwsEnvironment>
{
    public const string Name = "aws-environment";
}
