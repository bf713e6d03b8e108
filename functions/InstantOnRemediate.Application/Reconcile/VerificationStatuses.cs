namespace InstantOnRemediate.Application.Reconcile;

/// <summary>What verification of one executed remediation came to this run.</summary>
internal static class VerificationStatuses
{
    /// <summary>Too soon after the action to judge (pods are still being rescheduled).</summary>
    public const string Settling = "settling";

    /// <summary>No restore outcome of the affected workloads yet; asked again next run.</summary>
    public const string Waiting = "waiting";

    /// <summary>A later restore of an affected workload (or on the target node group) succeeded: fix recorded.</summary>
    public const string Verified = "verified";

    /// <summary>The same cause failed again after the action: escalated.</summary>
    public const string FixNotWorking = "fix-not-working";

    /// <summary>No restore outcome at all within the escalation timeout: escalated.</summary>
    public const string NoOutcome = "no-outcome";

    public static bool IsEscalation(string status) => status is FixNotWorking or NoOutcome;
}
