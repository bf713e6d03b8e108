using InstantOnRemediate.Aws.Eks;

namespace InstantOnRemediate.Aws.Actions;

/// <summary>EKS errors as outcomes: InUse → skipped (another update in flight), throttling/5xx → failed-retryable.</summary>
internal static class EksOutcomes
{
    public static ActionOutcome From(EksServiceException error, string what) => error.Kind switch
    {
        EksErrorKind.InUse => ActionOutcome.Skipped($"{what}: another update is in flight on the node group or the name is taken ({error.ErrorCode})"),
        EksErrorKind.Throttled or EksErrorKind.Server => ActionOutcome.Failed($"{what}: EKS {error.ErrorCode} (HTTP {error.StatusCode}), retryable", retryable: true),
        EksErrorKind.NotFound => ActionOutcome.Failed($"{what}: not found ({error.ErrorCode}): {error.Message}"),
        EksErrorKind.AccessDenied => ActionOutcome.Failed($"{what}: access denied ({error.ErrorCode}): the function role lacks the permission"),
        EksErrorKind.Invalid => ActionOutcome.Failed($"{what}: rejected by EKS ({error.ErrorCode}): {error.Message}"),
        _ => ActionOutcome.Failed($"{what}: {error.ErrorCode}: {error.Message}", retryable: true),
    };
}
