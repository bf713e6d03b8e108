namespace InstantOnRemediate.Core.State;

/// <summary>An action awaiting approval (since when) and, once given, who approved it.</summary>
public sealed record ApprovalRecord
{
    public required string ActionId { get; init; }

    public required string Cluster { get; init; }

    public DateTimeOffset PendingSince { get; init; }

    public string? ApprovedBy { get; init; }

    public DateTimeOffset? ApprovedAt { get; init; }
}
