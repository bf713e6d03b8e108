using System.Text.Json.Serialization;

namespace InstantOnRemediate.Core.Classification.Catalog;

/// <summary>A line that marks a restore/checkpoint attempt or its outcome (Liberty, CRIU, container runtime, OpenJ9).</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record MarkerDefinition
{
    public string Id { get; init => field = value ?? ""; } = "";

    public string Kind { get; init => field = value ?? ""; } = "";

    public IReadOnlyList<string> Literals { get; init => field = value ?? []; } = [];

    public string? Regex { get; init; }

    /// <summary>Printed once at the start of an attempt: a second one in the same episode starts a new episode.</summary>
    public bool StartsAttempt { get; init; }

    /// <summary>CRIU's last line of an attempt: a second one in the same episode starts a new episode.</summary>
    public bool Terminal { get; init; }

    public IReadOnlyList<string> Signals { get; init => field = value ?? []; } = [];

    /// <summary>
    /// A failure or crash the line alone cannot place (a bare <c>*_FAILED</c> token, a shell's <c>Aborted</c>): it
    /// counts only in an episode that also holds restore/checkpoint lines (CRIU, runtime, JVM or Liberty lines), and
    /// never over a success marker, so an application's own <c>LOGIN_FAILED</c> stays out.
    /// </summary>
    public bool RequiresContext { get; init; }

    /// <summary>
    /// Words the line must also hold, one of each list, in any order and anywhere in the line (ordinal, after the
    /// regex): "an error line of a runtime that names a restore and a container". An index search per word, where a
    /// regex would need one <c>(?=.*…)</c> lookahead per list, which the interpreter tries at every position.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> AlsoContains { get; init => field = value ?? []; } = [];

    /// <summary>False for markers the subscription filter does not need (e.g. checkpoint requested).</summary>
    [JsonPropertyName("inFilter")]
    public bool? InFilterValue { get; init; }

    [JsonIgnore]
    public bool InFilter => InFilterValue ?? true;

    /// <summary>Who prints the line: <c>criu</c>, <c>runtime</c> (runc, crun, Podman, containerd, Docker, CRI-O, kubelet, LXC), <c>jvm</c>, <c>liberty</c>, <c>test</c>, <c>kubernetes</c>; structural rules name it.</summary>
    public string? Origin { get; init; }

    public string? Source { get; init; }

    /// <summary>Filter terms covering every literal; the literals themselves when absent.</summary>
    public IReadOnlyList<string> FilterTerms { get; init => field = value ?? []; } = [];
}
