namespace InstantOnRemediate.Application.Reconcile;

/// <summary>Where an in-flight action stands, as reconcile reports it.</summary>
internal static class FollowStatuses
{
    /// <summary>Still rolling out (EKS update InProgress, node group CREATING, SSM command Pending/InProgress).</summary>
    public const string InProgress = "in-progress";

    /// <summary>Finished as asked: removed from the in-flight list.</summary>
    public const string Successful = "successful";

    /// <summary>EKS update Failed, node group CREATE_FAILED, an SSM invocation failed or timed out.</summary>
    public const string Failed = "failed";

    /// <summary>EKS update or SSM command cancelled.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>The status could not be read this run (an AWS call failed); read again next run.</summary>
    public const string Unknown = "unknown";

    /// <summary>Not followed: a local run without AWS, or an action kind reconcile does not follow.</summary>
    public const string NotFollowed = "not-followed";

    public static bool IsFinal(string status) => status is Successful or Failed or Cancelled;
}
