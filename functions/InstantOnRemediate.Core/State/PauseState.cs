namespace InstantOnRemediate.Core.State;

/// <summary>The pause switch as last read from its SSM parameter (cached so every batch does not read SSM).</summary>
public sealed record PauseState
{
    public bool Paused { get; init; }

    /// <summary>The SSM parameter the value came from (or "runbook" when set by the pause command).</summary>
    public string? Source { get; init; }

    public DateTimeOffset CheckedAt { get; init; }

    /// <summary>The cached value is not trusted after this.</summary>
    public DateTimeOffset ValidUntil { get; init; }
}
