namespace InstantOnRemediate.Lambda.Tests.Runbook;

/// <summary>Tests that point the process-wide AWS environment (AWS_ENDPOINT_URL) at moto: they run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunbookAwsCollection : ICollectionFixture<RunbookAwsEnvironment>
{
    public const string Name = "runbook-aws";
}
