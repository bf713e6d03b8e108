namespace InstantOnRemediate.Aws.Http;

/// <summary>An AWS error as the service reported it: code (namespace stripped) and message.</summary>
internal sealed record AwsErrorDetails(string Code, string Message);
