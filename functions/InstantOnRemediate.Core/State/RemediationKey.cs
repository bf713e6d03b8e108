namespace InstantOnRemediate.Core.State;

/// <summary>The unit thresholds, cooldowns and suppression count by: one cause on one node group of one cluster.</summary>
public sealed record RemediationKey(string Cluster, string Nodegroup, string Cause)
{
    /// <summary>Node group used when correlation could not place the node.</summary>
    public const string UnknownNodegroup = "-";

    public override string ToString() => $"{Cluster}/{Nodegroup}/{Cause}";
}
