namespace InstantOnRemediate.Cli.Tests;

/// <summary>
/// Tests that measure the process's managed allocations (GC.GetTotalAllocatedBytes is process-wide): they run
/// alone, never in parallel with other test classes.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AllocationMeasuredCollection
{
    public const string Name = "allocation-measured";
}
