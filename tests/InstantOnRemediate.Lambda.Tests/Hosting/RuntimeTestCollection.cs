namespace InstantOnRemediate.Lambda.Tests.Hosting;

/// <summary>The runtime loop sets the process-wide _X_AMZN_TRACE_ID: tests that run it do not run in parallel.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RuntimeTestCollection
{
    public const string Name = "Lambda runtime loop";
}
