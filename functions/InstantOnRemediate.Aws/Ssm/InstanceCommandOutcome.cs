namespace InstantOnRemediate.Aws.Ssm;

/// <summary>Where one instance stands in one Run Command command (<see cref="CommandOutcomes"/>).</summary>
public sealed record InstanceCommandOutcome(string InstanceId, string Outcome, string? Status, string? StatusDetails)
{
    /// <summary>True once the instance will not change any more (succeeded, failed, timed-out, cancelled, undeliverable).</summary>
    public bool IsFinal => Outcome is not (CommandOutcomes.Pending or CommandOutcomes.InProgress);
}
