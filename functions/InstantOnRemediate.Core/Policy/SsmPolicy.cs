using System.Text.Json.Serialization;

namespace InstantOnRemediate.Core.Policy;

/// <summary>The reviewed SSM documents the service may run, and how wide a command may go at once.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record SsmPolicy
{
    /// <summary>Per node-config cause, the one fixed document that fixes it. Nothing is ever taken from log text.</summary>
    public Dictionary<string, ReviewedDocument> Documents { get; set; } = [];

    /// <summary>The read-only diagnostics document (e.g. <c>criu check</c>) run for unknown causes; null disables it.</summary>
    public ReviewedDocument? Diagnostics { get; init; }

    public string MaxConcurrency { get; set; } = "10%";

    public string MaxErrors { get; set; } = "1";

    public int TimeoutSeconds { get; set; } = 600;
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ReviewedDocument
{
    public string Name { get; set; } = "";

    /// <summary>What the document does, in words; shown in the plan and the alert.</summary>
    public string Description { get; set; } = "";

    /// <summary>Optional reviewed document that reverses it.</summary>
    public string? UndoName { get; init; }
}
