using System.Text.Json.Serialization;

namespace InstantOnRemediate.Core.Classification.Catalog;

/// <summary>
/// One errno as logs spell it: the name (<c>EPERM</c>), the number (CRIU prints <c>-1</c>, <c>(-2)</c>, <c>errno 1</c>
/// or the negative value as an unsigned 64-bit hex, <c>0xffffffffffffffff</c>) and the strerror text
/// (<c>Operation not permitted</c>; Go runtimes print it in lower case).
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ErrnoDefinition
{
    public string Name { get; init => field = value ?? ""; } = "";

    public int Number { get; init; }

    public string Text { get; init => field = value ?? ""; } = "";
}
