namespace InstantOnRemediate.Core.Policy;

/// <summary>
/// Turns the policy's stack-document references (<c>"document": "&lt;key&gt;"</c>) into the names the stack deployed,
/// so that plans, executors and the probe use exactly the documents template.yaml created. External documents
/// (<c>"external": true</c>) keep the name the policy gives. A reference whose variable the stack did not pass is a
/// <see cref="PolicyException"/> naming the policy field and the variable: the service never guesses a name.
/// </summary>
public static class StackDocumentResolver
{
    /// <summary>The same policies, every stack-document reference resolved with <paramref name="names"/>.</summary>
    public static PolicySet Resolve(PolicySet policies, StackDocumentNames names)
    {
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(names);
        var errors = new List<string>();
        var account = Resolve(policies.Account, "policy", names, errors);
        var clusters = policies.OverriddenClusters.ToDictionary(
            c => c,
            c => Resolve(policies.For(c), $"policy.clusters.{c}", names, errors),
            StringComparer.Ordinal);
        return errors.Count > 0 ? throw new PolicyException("SSM documents", errors.Distinct().ToList()) : new PolicySet(account, clusters);
    }

    /// <summary>Shorthand: <see cref="StackDocumentNames.FromVariables"/> then <see cref="Resolve(PolicySet, StackDocumentNames)"/>.</summary>
    public static PolicySet Resolve(PolicySet policies, IReadOnlyDictionary<string, string?> variables) =>
        Resolve(policies, StackDocumentNames.FromVariables(variables));

    /// <summary>
    /// A loaded document with its names as they read before resolution: stack documents get
    /// <see cref="StackDocuments.Unresolved"/> placeholders (their undo from the catalog), external ones keep theirs.
    /// </summary>
    internal static ReviewedDocument Unresolved(ReviewedDocument document) =>
        document.External || StackDocuments.Find(document.Document) is not { } stack
            ? document with { IsResolved = document.External }
            : document with
            {
                Name = StackDocuments.Unresolved(stack.Key),
                UndoName = stack.UndoKey is { } undo ? StackDocuments.Unresolved(undo) : null,
                IsResolved = false,
            };

    private static RemediationPolicy Resolve(RemediationPolicy policy, string path, StackDocumentNames names, List<string> errors)
    {
        var documents = policy.Ssm.Documents.ToDictionary(
            d => d.Key,
            d => Resolve(d.Value, $"{path}.ssm.documents.{d.Key}", names, errors),
            StringComparer.Ordinal);
        var diagnostics = policy.Ssm.Diagnostics is { } d ? Resolve(d, $"{path}.ssm.diagnostics", names, errors) : null;
        return policy with { Ssm = policy.Ssm with { Documents = documents, Diagnostics = diagnostics } };
    }

    private static ReviewedDocument Resolve(ReviewedDocument document, string field, StackDocumentNames names, List<string> errors)
    {
        if (document.External || StackDocuments.Find(document.Document) is not { } stack)
        {
            return document;
        }

        var name = Deployed(stack.Key, $"{field}.document");
        var undo = stack.UndoKey is { } undoKey ? Deployed(undoKey, $"{field}.document (its undo, {undoKey})") : null;
        return name is null || (stack.UndoKey is not null && undo is null)
            ? document
            : document with { Name = name, UndoName = undo, IsResolved = true };

        string? Deployed(string key, string where)
        {
            if (names.NameOf(key) is { } deployed)
            {
                return deployed;
            }

            errors.Add($"{where}: the stack document '{key}' has no deployed name ({StackDocuments.Find(key)!.Variable} is not set); deploy template.yaml, which passes it, or mark the document \"external\": true with its \"name\"");
            return null;
        }
    }
}
