using InstantOnRemediate.Core.Classification;

namespace InstantOnRemediate.Application.Reconcile;

/// <summary>The restore outcomes found in one container log group; <see cref="Complete"/> is false when the page limit cut the read short.</summary>
internal sealed record LogSearchResult(string LogGroup, IReadOnlyList<Finding> Findings, int Events, bool Complete);
