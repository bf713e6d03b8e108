namespace InstantOnRemediate.Lambda.Service;

/// <summary>What one read of an in-flight action's status came to, with the details AWS gave (errors, per-instance status).</summary>
internal sealed record FollowResult(string Status, string Detail)
{
    public IReadOnlyList<string> Errors { get; init; } = [];
}
