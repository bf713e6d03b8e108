namespace InstantOnRemediate.Core.Policy;

/// <summary>
/// The catalog of SSM documents the stack deploys. A policy names them by <see cref="StackDocument.Key"/>
/// (<c>"document": "yama-ptrace-scope"</c>); template.yaml passes each deployed name to the functions as
/// <c>!Ref</c> of its <c>AWS::SSM::Document</c> in <see cref="StackDocument.Variable"/>, and
/// <see cref="StackDocumentResolver"/> turns keys into those names. Every variable name is defined here once.
/// </summary>
public static class StackDocuments
{
    public const string NodeDiagnosticsKey = "node-diagnostics";
    public const string YamaPtraceScopeKey = "yama-ptrace-scope";
    public const string YamaPtraceScopeUndoKey = "yama-ptrace-scope-undo";

    /// <summary>Deployed name of infra/ssm/node-diagnostics.yaml (read-only node facts, one JSON document).</summary>
    public const string DiagnosticsVariable = "SSM_DIAGNOSTICS_DOCUMENT";

    /// <summary>Deployed name of infra/ssm/yama-ptrace-scope.yaml (sets kernel.yama.ptrace_scope, records the old value).</summary>
    public const string YamaFixVariable = "SSM_YAMA_FIX_DOCUMENT";

    /// <summary>Deployed name of infra/ssm/yama-ptrace-scope-undo.yaml (restores the recorded value).</summary>
    public const string YamaUndoVariable = "SSM_YAMA_UNDO_DOCUMENT";

    public static readonly IReadOnlyList<StackDocument> All =
    [
        new(NodeDiagnosticsKey, DiagnosticsVariable, null, "name of the stack's read-only node diagnostics document (Run Command; the node probe and diagnostics actions)"),
        new(YamaPtraceScopeKey, YamaFixVariable, YamaPtraceScopeUndoKey, "name of the stack's Yama ptrace-scope fix document (node-config fix of ptrace-restricted)"),
        new(YamaPtraceScopeUndoKey, YamaUndoVariable, null, "name of the stack's document that restores the ptrace scope recorded by the fix"),
    ];

    /// <summary>The variables that carry the deployed names, with their meaning (documentation and tests).</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> EnvironmentVariables { get; } =
        [.. All.Select(d => KeyValuePair.Create(d.Variable, d.Meaning))];

    public static IEnumerable<string> Keys => All.Select(d => d.Key);

    public static StackDocument? Find(string? key) => All.FirstOrDefault(d => d.Key == key);

    /// <summary>
    /// What a policy's stack-document reference reads as before it is resolved to a deployed name (local runs, tests):
    /// <c>{stack:yama-ptrace-scope}</c>. Braces are not allowed in SSM document names, so an unresolved reference can
    /// never be sent as a document name (executors reject it as not an SSM document name).
    /// </summary>
    public static string Unresolved(string key) => "{stack:" + key + "}";
}
