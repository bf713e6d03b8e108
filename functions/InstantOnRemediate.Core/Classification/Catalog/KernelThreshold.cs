using System.Text.Json.Serialization;

namespace InstantOnRemediate.Core.Classification.Catalog;

/// <summary>When the log shows a kernel older than <see cref="Version"/>, the cause is <see cref="Cause"/> instead.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record KernelThreshold
{
    public string Version { get; init => field = value ?? ""; } = "";

    public string Cause { get; init => field = value ?? ""; } = "";
}
