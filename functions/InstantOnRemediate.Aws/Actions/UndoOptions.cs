namespace InstantOnRemediate.Aws.Actions;

/// <summary>What a rollback may do beyond the reversible: deleting a created node group needs an explicit request.</summary>
public sealed record UndoOptions
{
    /// <summary>Allow DeleteNodegroup of a node group this service created.</summary>
    public bool DeleteCreatedNodegroup { get; init; }

    public static readonly UndoOptions Reversible = new();
}
