using InstantOnRemediate.Core.Classification.Catalog;

namespace InstantOnRemediate.Core.Classification;

/// <summary>What a specific signature (layer 3) or a structural rule (layers 1 + 2) says a line means.</summary>
/// <param name="Verdict">The verdict the line implies; null: from the episode's phase.</param>
internal sealed record CauseCandidate(
    string Id,
    string Cause,
    string? Verdict,
    int Precedence,
    string? RequiresPhase,
    KernelThreshold? KernelBelow,
    IReadOnlyList<string> Signals,
    bool Structural,
    string? Mechanism = null,
    string? Fix = null)
{
    public static CauseCandidate From(SignatureDefinition s) =>
        new(s.Id, s.Cause, s.Verdict.Length == 0 ? null : s.Verdict, s.Precedence, s.RequiresPhase, s.KernelBelow, s.Signals, Structural: false);

    public static CauseCandidate From(RuleDefinition r) =>
        new(r.Id, r.Cause, r.Verdict, r.Precedence, r.RequiresPhase, r.KernelBelow, r.Signals, Structural: true, r.Mechanism, r.Fix);
}
