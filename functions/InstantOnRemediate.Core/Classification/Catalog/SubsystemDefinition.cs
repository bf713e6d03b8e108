using System.Text.Json.Serialization;

namespace InstantOnRemediate.Core.Classification.Catalog;

/// <summary>
/// Where a CRIU message comes from: the source files (from <c>Error (criu/&lt;file&gt;.c:&lt;line&gt;):</c>) and the
/// log prefixes (CRIU's per-file <c>LOG_PREFIX</c>, e.g. <c>mnt: </c>) of one CRIU subsystem.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record SubsystemDefinition
{
    public string Id { get; init => field = value ?? ""; } = "";

    /// <summary>Source file names without directory (<c>files-reg.c</c>); the directory (criu/, criu/pie/, compel/…) is ignored.</summary>
    public IReadOnlyList<string> Files { get; init => field = value ?? []; } = [];

    /// <summary>Message prefixes CRIU prints for this subsystem, matched at the start of the message.</summary>
    public IReadOnlyList<string> Prefixes { get; init => field = value ?? []; } = [];

    /// <summary><c>checkpoint</c> for code that only runs while dumping, <c>restore</c> for restore-only code, else <c>any</c>.</summary>
    public string Phase { get; init => field = value ?? ""; } = "";

    public string Source { get; init => field = value ?? ""; } = "";
}
