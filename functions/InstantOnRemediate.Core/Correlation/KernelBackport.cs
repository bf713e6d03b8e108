namespace InstantOnRemediate.Core.Correlation;

/// <summary>A distribution kernel that carries (status present) or may carry (status unverified) a feature below its upstream minimum.</summary>
public sealed record KernelBackport
{
    public const string Present = "present";
    public const string Unverified = "unverified";

    /// <summary>A <see cref="KernelDistros"/> tag.</summary>
    public required string Distro { get; init; }

    /// <summary>Lowest kernel of that distribution the statement covers.</summary>
    public required string Minimum { get; init; }

    public required string Status { get; init; }

    public required string Note { get; init; }

    public required string Source { get; init; }
}
