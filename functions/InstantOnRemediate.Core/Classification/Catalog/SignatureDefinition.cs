using System.Text.Json.Serialization;

namespace InstantOnRemediate.Core.Classification.Catalog;

/// <summary>A log line shape that identifies a cause. Highest <see cref="Precedence"/> wins within an episode.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record SignatureDefinition
{
    public string Id { get; init => field = value ?? ""; } = "";

    public string Cause { get; init => field = value ?? ""; } = "";

    /// <summary>The verdict this line implies when no marker says otherwise.</summary>
    public string Verdict { get; init => field = value ?? ""; } = "";

    /// <summary>Case-sensitive substrings; a line is a candidate when it contains one of them.</summary>
    public IReadOnlyList<string> Literals { get; init => field = value ?? []; } = [];

    /// <summary>Confirms a candidate line (.NET regex, backtracking interpreter, first 4096 characters of the line).</summary>
    public string? Regex { get; init; }

    public int Precedence { get; init; }

    /// <summary>Only counts when the episode shows this phase (e.g. a netlink error is a cause only at checkpoint).</summary>
    public string? RequiresPhase { get; init; }

    public KernelThreshold? KernelBelow { get; init; }

    public IReadOnlyList<string> Signals { get; init => field = value ?? []; } = [];

    /// <summary>The subscription-filter term that covers this signature (a substring of every literal); the literal itself when absent.</summary>
    public string? FilterTerm { get; init; }

    /// <summary>Where the line shape and its meaning are documented (issue, CRIU source, docs).</summary>
    public string? Source { get; init; }
}
