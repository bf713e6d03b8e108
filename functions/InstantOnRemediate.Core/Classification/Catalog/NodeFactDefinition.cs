using System.Text.Json.Serialization;

namespace InstantOnRemediate.Core.Classification.Catalog;

/// <summary>
/// A line CRIU prints while probing the kernel that says something about the node whether or not anything failed
/// (e.g. <c>ptrace(PTRACE_GET_RSEQ_CONFIGURATION) isn't supported</c>). It adds <see cref="Signal"/> to the result.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record NodeFactDefinition
{
    public string Id { get; init => field = value ?? ""; } = "";

    public IReadOnlyList<string> Literals { get; init => field = value ?? []; } = [];

    public string? Regex { get; init; }

    public string Signal { get; init => field = value ?? ""; } = "";

    /// <summary>The cause of a failure in the same episode when no line names one (e.g. missing rseq ptrace → rseq-ptrace-unsupported).</summary>
    public string? Cause { get; init; }

    public string Note { get; init => field = value ?? ""; } = "";

    public string Source { get; init => field = value ?? ""; } = "";
}
