namespace InstantOnRemediate.Aws.Http;

/// <summary>The runtime dependencies of every channel: retry limits, attempt timeout, clock and jitter.</summary>
internal sealed record AwsChannelOptions(AwsRetryPolicy Retry, TimeSpan AttemptTimeout, TimeProvider Time, IJitterSource Jitter);
