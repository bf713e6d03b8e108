namespace InstantOnRemediate.Core.Classification;

/// <summary>
/// One classified restore (or checkpoint) attempt of one container: the unit the planner reasons about.
/// Stable JSON shape (DESIGN §4 "findings").
/// </summary>
public sealed record Finding
{
    /// <summary>Deterministic id: a hash of log group, stream, pod, container and the first event id of the episode.</summary>
    public required string Id { get; init; }

    public required string Verdict { get; init; }

    /// <summary>A cause id from the catalog vocabulary, <c>unknown</c>, or <c>none</c>.</summary>
    public required string Cause { get; init; }

    public required string Remedy { get; init; }

    public string? Cluster { get; init; }

    public string? Pod { get; init; }

    public string? Namespace { get; init; }

    public string? Node { get; init; }

    public string? Container { get; init; }

    public string? Image { get; init; }

    public string? LogGroup { get; init; }

    public string? LogStream { get; init; }

    /// <summary>The lines that decided the cause (and the restore markers), in log order.</summary>
    public IReadOnlyList<string> Evidence { get; init; } = [];

    /// <summary>Lines recognised as benign (never a cause by themselves).</summary>
    public IReadOnlyList<string> Benign { get; init; } = [];

    /// <summary>Kernel release printed by the log itself, when it printed one.</summary>
    public string? Kernel { get; init; }

    /// <summary>Plain-language explanation of the cause, from the catalog.</summary>
    public string? Explanation { get; init; }

    /// <summary>The exact fix, from the catalog.</summary>
    public string? Fix { get; init; }

    /// <summary>
    /// Facts for later refinement (<see cref="Classification.Signals"/>), e.g. <c>restore-sigsegv</c>: a restore killed by
    /// SIGSEGV is rseq-ptrace-unsupported on a node kernel older than 5.13 and rseq-criu-unaware otherwise.
    /// </summary>
    public IReadOnlyList<string> Signals { get; init; } = [];

    /// <summary>Epoch milliseconds of the first and last log event of the episode.</summary>
    public long FirstTimestamp { get; init; }

    public long LastTimestamp { get; init; }

    /// <summary>CloudWatch Logs event ids that made up the episode (strings: they are 56 digits).</summary>
    public IReadOnlyList<string> EventIds { get; init; } = [];
}
