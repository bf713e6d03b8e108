using InstantOnRemediate.Core.Planning;

namespace InstantOnRemediate.Core.Policy;

/// <summary>
/// The deployed names of the stack's SSM documents, by key, read from the values of their environment variables
/// (<see cref="StackDocuments"/>). Pure: the caller passes the variable values; nothing here reads the environment.
/// </summary>
public sealed class StackDocumentNames
{
    private readonly IReadOnlyDictionary<string, string> names;

    private StackDocumentNames(IReadOnlyDictionary<string, string> names) => this.names = names;

    /// <summary>No stack: every reference stays unresolved (local runs, offline tests).</summary>
    public static StackDocumentNames None { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal));

    /// <summary>
    /// The names given by <paramref name="variables"/> (variable name → value; absent or empty = not deployed). A value
    /// that is not an SSM document name is a <see cref="PolicyException"/> naming the variable.
    /// </summary>
    public static StackDocumentNames FromVariables(IReadOnlyDictionary<string, string?> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var errors = new List<string>();
        foreach (var document in StackDocuments.All)
        {
            var value = variables.TryGetValue(document.Variable, out var v) ? v?.Trim() : null;
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            if (!IdentifierRules.IsSsmDocumentName(value) || value.Contains(':', StringComparison.Ordinal) || value.Contains('/', StringComparison.Ordinal))
            {
                errors.Add($"{document.Variable}: '{Shown(value)}' is not an SSM document name (3-128 of A-Z a-z 0-9 _ . -)");
                continue;
            }

            names[document.Key] = value;
        }

        return errors.Count > 0 ? throw new PolicyException("SSM document variables", errors)
            : names.Count == 0 ? None // no stack (local runs): references stay unresolved
            : new StackDocumentNames(names);
    }

    /// <summary>The deployed name of <paramref name="key"/>, or null when the stack did not pass it.</summary>
    public string? NameOf(string key) => names.GetValueOrDefault(key);

    /// <summary>Every deployed name (key → name).</summary>
    public IReadOnlyDictionary<string, string> ByKey => names;

    private static string Shown(string value) => value.Length <= 60 ? value : value[..60] + "...";
}
