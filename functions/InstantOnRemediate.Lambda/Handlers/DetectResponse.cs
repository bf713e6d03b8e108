using InstantOnRemediate.Core.Classification;
using InstantOnRemediate.Core.Correlation;
using InstantOnRemediate.Core.Planning;

namespace InstantOnRemediate.Lambda.Handlers;

/// <summary>The detect function's response (DESIGN §4): batch summary, findings, correlation and plan.</summary>
internal sealed record DetectResponse
{
    public required BatchSummary Batch { get; init; }

    public IReadOnlyList<Finding> Findings { get; init; } = [];

    public IReadOnlyList<NodeCorrelation> Correlation { get; init; } = [];

    public required Plan Plan { get; init; }
}
