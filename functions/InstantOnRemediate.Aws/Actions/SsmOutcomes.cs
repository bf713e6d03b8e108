using Amazon.Runtime;

namespace InstantOnRemediate.Aws.Actions;

/// <summary>SSM errors as outcomes: throttling and 5xx are retryable, the rest (bad instance, bad document) are not.</summary>
internal static class SsmOutcomes
{
    public static ActionOutcome From(AmazonServiceException error, string what)
    {
        var retryable = error.StatusCode == System.Net.HttpStatusCode.TooManyRequests || (int)error.StatusCode >= 500
            || error.ErrorCode is "ThrottlingException" or "TooManyUpdates" or "InternalServerError";
        return ActionOutcome.Failed($"{what}: SSM {error.ErrorCode}: {error.Message}", retryable);
    }
}
