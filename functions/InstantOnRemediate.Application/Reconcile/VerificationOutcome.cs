namespace InstantOnRemediate.Application.Reconcile;

/// <summary>The judgement on one executed remediation, with the restore outcomes it rests on.</summary>
internal sealed record VerificationOutcome(string Status, string Reason)
{
    public IReadOnlyList<string> Evidence { get; init; } = [];
}
