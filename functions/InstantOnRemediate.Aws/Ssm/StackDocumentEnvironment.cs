using System.Collections;
using InstantOnRemediate.Core.Policy;

namespace InstantOnRemediate.Aws.Ssm;

/// <summary>
/// The deployed names of the stack's SSM documents from the process environment (template.yaml sets each
/// <see cref="StackDocuments"/> variable to the <c>!Ref</c> of its document). The core resolves; this only reads.
/// </summary>
public static class StackDocumentEnvironment
{
    /// <summary>The names in <paramref name="environment"/> (the composition root passes the process environment).</summary>
    public static StackDocumentNames Read(IDictionary environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var values = StackDocuments.All.ToDictionary(d => d.Variable, d => environment[d.Variable] as string, StringComparer.Ordinal);
        return StackDocumentNames.FromVariables(values);
    }
}
