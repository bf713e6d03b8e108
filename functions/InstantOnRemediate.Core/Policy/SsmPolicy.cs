using System.Text.Json.Serialization;

namespace InstantOnRemediate.Core.Policy;

/// <summary>The reviewed SSM documents the service may run, and how wide a command may go at once.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record SsmPolicy
{
    /// <summary>Per node-config cause, the one fixed document that fixes it. Nothing is ever taken from log text.</summary>
    public Dictionary<string, ReviewedDocument> Documents { get; set; } = [];

    /// <summary>The read-only diagnostics document run for unknown causes; null disables it.</summary>
    public ReviewedDocument? Diagnostics { get; init; }

    public string MaxConcurrency { get; set; } = "10%";

    public string MaxErrors { get; set; } = "1";

    public int TimeoutSeconds { get; set; } = 600;
}

/// <summary>
/// A reviewed document: one of the stack's own (<see cref="Document"/>, a key of <see cref="StackDocuments"/>,
/// resolved to the deployed name by <see cref="StackDocumentResolver"/>), or a document managed outside the stack
/// (<see cref="External"/> with its <see cref="Name"/>). A name without <c>external</c> is rejected at load.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ReviewedDocument
{
    /// <summary>Key of a stack document (node-diagnostics, yama-ptrace-scope, yama-ptrace-scope-undo).</summary>
    public string? Document { get; init; }

    /// <summary>True for a document the stack does not deploy; then <see cref="Name"/> names it.</summary>
    public bool External { get; init; }

    /// <summary>
    /// The SSM document name: the policy's own for an external document; for a stack document the deployed name once
    /// resolved, <see cref="StackDocuments.Unresolved"/> before.
    /// </summary>
    public string Name { get; set; } = "";

    /// <summary>What the document does, in words; shown in the plan and the alert.</summary>
    public string Description { get; set; } = "";

    /// <summary>The reviewed document that reverses it: the policy's own for an external document, the catalog's undo for a stack one.</summary>
    public string? UndoName { get; init; }

    /// <summary>True when <see cref="Name"/> (and <see cref="UndoName"/>) are real document names: external, or resolved to the stack's.</summary>
    [JsonIgnore]
    public bool IsResolved { get; init; }
}
