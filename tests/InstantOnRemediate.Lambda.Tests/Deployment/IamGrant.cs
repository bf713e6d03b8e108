namespace InstantOnRemediate.Lambda.Tests.Deployment;

/// <summary>One IAM action on one kind of resource (the <c>Resource</c> of <c>[IamAction]</c>), and where it comes from.</summary>
internal sealed record IamGrant(string Action, string Kind, string Origin)
{
    public (string Action, string Kind) Key => (Action, Kind);

    public override string ToString() => $"{Action} ({Kind})";
}
