namespace InstantOnRemediate.Application.Handlers;

/// <summary>diagnose: what the container log search read and what the lines came to.</summary>
internal sealed record RunbookLogSearch
{
    public required string LogGroup { get; init; }

    public IReadOnlyList<string> StreamPrefixes { get; init; } = [];

    public int Events { get; init; }

    public int Pages { get; init; }

    /// <summary>False when the page limit cut the search short.</summary>
    public bool Complete { get; init; }

    public required string Verdict { get; init; }

    public required string Cause { get; init; }

    public required string Remedy { get; init; }

    public IReadOnlyList<string> Evidence { get; init; } = [];

    public string? Kernel { get; init; }
}
