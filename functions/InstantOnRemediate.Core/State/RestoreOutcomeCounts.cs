namespace InstantOnRemediate.Core.State;

/// <summary>Observed restores per AMI release: an evidence-based compatibility matrix next to the catalog's claims.</summary>
public sealed record RestoreOutcomeCounts
{
    public required string AmiType { get; init; }

    public required string ReleaseVersion { get; init; }

    public long Successes { get; init; }

    public long Failures { get; init; }
}
