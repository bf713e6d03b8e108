using Amazon.Runtime;
using InstantOnRemediate.Aws.Http;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Aws.Tests.Http;

/// <summary>Clients pointed at a loopback endpoint or a recording handler, with no backoff waits and static credentials.</summary>
internal static class TestAws
{
    public const string SessionToken = "IQoJb3JpZ2luX2VjEXAMPLE//session+token=";

    public static AwsSettings Settings(Uri endpoint, int maxAttempts = 3, AWSCredentials? credentials = null) => new()
    {
        Region = MotoServer.Region,
        GlobalEndpoint = endpoint,
        Credentials = credentials ?? new BasicAWSCredentials(MotoServer.AccessKey, MotoServer.SecretKey),
        Retry = new AwsRetryPolicy { MaxAttempts = maxAttempts },
        AttemptTimeout = TimeSpan.FromSeconds(30),
    };

    public static AWSCredentials SessionCredentials() => new SessionAWSCredentials(MotoServer.AccessKey, MotoServer.SecretKey, SessionToken);

    public static AwsClientFactory Factory(AwsSettings settings, HttpMessageHandler? handler = null, TimeProvider? time = null, IJitterSource? jitter = null) =>
        new(settings, time ?? TimeProvider.System, jitter ?? new FixedJitter(0), handler);

    public static AwsClientFactory Loopback(LoopbackHttpServer server, int maxAttempts = 3, AWSCredentials? credentials = null, TimeProvider? time = null, IJitterSource? jitter = null) =>
        Factory(Settings(server.Endpoint, maxAttempts, credentials), null, time, jitter);

    public static AwsClientFactory Recording(RecordingHandler handler) =>
        Factory(Settings(new Uri("https://aws.example.test")), handler);
}
