namespace InstantOnRemediate.Lambda.Service;

/// <summary>What one read of an in-flight action's status came to, with the details AWS gave (errors, per-instance status).</summary>
internal sealed record FollowResult(string Status, string Detail)
{
    public IReadOnlyList<string> Errors { get; init; } = [];

    /// <summary>SSM commands: the instances where the command succeeded, with the command that ran there.</summary>
    public IReadOnlyList<CommandInstance> Succeeded { get; init; } = [];
}

/// <summary>One instance an SSM command ran on.</summary>
internal sealed record CommandInstance(string CommandId, string InstanceId);

/// <summary>What the diagnostics document printed on one instance: the validated report, or why it could not be read.</summary>
internal sealed record NodeReading(string InstanceId, string CommandId, Core.Correlation.NodeDiagnostics? Diagnostics, string? Problem);
