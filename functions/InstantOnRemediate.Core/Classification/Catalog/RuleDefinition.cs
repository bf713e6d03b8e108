using System.Text.Json.Serialization;

namespace InstantOnRemediate.Core.Classification.Catalog;

/// <summary>
/// A structural rule: a failure line from one of <see cref="Origins"/> (CRIU subsystems or a wrapper such as
/// <c>runtime</c>, <c>jvm</c>, <c>liberty</c>) reporting one of <see cref="Errnos"/> about an object named by one of
/// <see cref="Objects"/> means <see cref="Cause"/>. Each present condition must hold; at least origins or errnos
/// must be given (a rule of words alone is a signature). Specific signatures usually outrank rules.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record RuleDefinition
{
    public string Id { get; init => field = value ?? ""; } = "";

    public string Cause { get; init => field = value ?? ""; } = "";

    /// <summary>Subsystem ids (see <see cref="SubsystemDefinition"/>) or wrapper origins; empty: any origin.</summary>
    public IReadOnlyList<string> Origins { get; init => field = value ?? []; } = [];

    /// <summary>Errno names; empty: any (or no) errno.</summary>
    public IReadOnlyList<string> Errnos { get; init => field = value ?? []; } = [];

    /// <summary>Words naming the object (file, mount, socket, cgroup, task, mapping…), case-sensitive (list the spellings, or a stem without the capital); empty: any.</summary>
    public IReadOnlyList<string> Objects { get; init => field = value ?? []; } = [];

    /// <summary>Only CRIU <c>Error</c> lines (default) or also <c>Warn</c> lines.</summary>
    public bool IncludeWarnings { get; init; }

    /// <summary>The verdict when no marker says otherwise; absent: from the phase (checkpoint-side code or markers → checkpoint).</summary>
    public string? Verdict { get; init; }

    public int Precedence { get; init; }

    public string? RequiresPhase { get; init; }

    public KernelThreshold? KernelBelow { get; init; }

    public IReadOnlyList<string> Signals { get; init => field = value ?? []; } = [];

    /// <summary>Why the condition means the cause (the mechanism), in a sentence.</summary>
    public string Mechanism { get; init => field = value ?? ""; } = "";

    /// <summary>
    /// What to do when this rule decided the cause and the cause's general fix does not fit (a checkpoint-side case of
    /// a cause whose fix is written for the restore); null: the cause's fix.
    /// </summary>
    public string? Fix { get; init; }

    /// <summary>Where that is documented (issue, source file, docs page).</summary>
    public string Source { get; init => field = value ?? ""; } = "";
}
