namespace InstantOnRemediate.Core.Classification;

/// <summary>
/// What one log (or one episode) came to. The CLI prints it; <see cref="Finding"/> carries the same fields plus
/// where the lines came from.
/// </summary>
public sealed record ClassificationResult
{
    public required string Verdict { get; init; }

    public required string Cause { get; init; }

    public required string Remedy { get; init; }

    /// <summary>Marker lines and the lines that decided the cause, in log order.</summary>
    public IReadOnlyList<string> Evidence { get; init; } = [];

    /// <summary>Lines recognised as benign (distinct, in log order): never the cause.</summary>
    public IReadOnlyList<string> Benign { get; init; } = [];

    /// <summary>The kernel release the log itself printed, if any.</summary>
    public string? Kernel { get; init; }

    public string? Explanation { get; init; }

    public string? Fix { get; init; }

    /// <summary>
    /// Facts for later refinement (see <see cref="Classification.Signals"/>), e.g. <c>restore-sigsegv</c>: correlation
    /// turns rseq-criu-unaware into rseq-ptrace-unsupported when the node kernel is older than 5.13.
    /// </summary>
    public IReadOnlyList<string> Signals { get; init; } = [];

    /// <summary>Catalog ids of the signatures and markers that matched.</summary>
    public IReadOnlyList<string> Matched { get; init; } = [];

    /// <summary>How many episodes (restore/checkpoint attempts) the input held; this result is the most significant one.</summary>
    public int Episodes { get; init; }

    public static ClassificationResult NoFinding { get; } = new() { Verdict = Verdicts.None, Cause = CauseIds.None, Remedy = RemedyClasses.None };
}
