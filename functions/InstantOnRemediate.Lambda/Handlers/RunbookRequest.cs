namespace InstantOnRemediate.Lambda.Handlers;

/// <summary>
/// One on-call request, every member validated by <see cref="RunbookRequestReader"/> (grammar, length, which
/// members the action takes). Members the action does not take are null.
/// </summary>
internal sealed record RunbookRequest
{
    public required string Action { get; init; }

    public string? Cluster { get; init; }

    public string? Nodegroup { get; init; }

    public string? Node { get; init; }

    public string? Pod { get; init; }

    public string? Namespace { get; init; }

    public string? Cause { get; init; }

    public string? PlanId { get; init; }

    public string? ActionId { get; init; }

    /// <summary>Who approves (apply, rollback) or who pauses/resumes (<c>by</c>).</summary>
    public string? Person { get; init; }

    public string? Reason { get; init; }

    public bool DeleteCreatedNodegroup { get; init; }
}
