using System.Collections;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Lambda.Tests.Composition;

/// <summary>
/// A process environment that remembers every variable name it was asked for. Relative INVENTORY_FILE and POLICY
/// paths make the readers also ask for LAMBDA_TASK_ROOT; everything else is unset.
/// </summary>
internal sealed class RecordingEnvironment : Hashtable
{
    private static readonly Dictionary<string, string> Given = new(StringComparer.Ordinal)
    {
        ["INVENTORY_FILE"] = "prod-eks.json",
        ["LAMBDA_TASK_ROOT"] = RepoPaths.Event("inventory"),
        ["POLICY"] = "policy.json",
    };

    public SortedSet<string> Read { get; } = new(StringComparer.Ordinal);

    public override object? this[object key]
    {
        get
        {
            Read.Add((string)key);
            return Given.GetValueOrDefault((string)key);
        }

        set => base[key] = value;
    }
}
