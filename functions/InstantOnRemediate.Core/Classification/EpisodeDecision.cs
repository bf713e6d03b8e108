namespace InstantOnRemediate.Core.Classification;

/// <summary>An episode's verdict and its best cause candidate (null: none held), before a result is built.</summary>
/// <param name="Effective">Candidates whose phase condition held.</param>
internal readonly record struct EpisodeDecision(string Verdict, SignatureHit? Best, int Effective);
