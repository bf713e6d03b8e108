using InstantOnRemediate.Core.Alerts;
using InstantOnRemediate.Core.Classification;
using InstantOnRemediate.Core.Correlation;
using InstantOnRemediate.Core.Planning;

namespace InstantOnRemediate.Application.Handlers;

/// <summary>The detect function's response (DESIGN §4): batch summary, findings, correlation and plan.</summary>
internal sealed record DetectResponse
{
    public required BatchSummary Batch { get; init; }

    public IReadOnlyList<Finding> Findings { get; init; } = [];

    public IReadOnlyList<NodeCorrelation> Correlation { get; init; } = [];

    public required Plan Plan { get; init; }

    /// <summary>The alerts written for people (also what SNS receives), one per cluster and cause.</summary>
    public IReadOnlyList<Alert> Alerts { get; init; } = [];

    /// <summary>What was set aside or could not be done, in words.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>True when an action failed for a transient reason and the invocation is reported as failed so Lambda retries it.</summary>
    public bool RetryRequested { get; init; }
}
