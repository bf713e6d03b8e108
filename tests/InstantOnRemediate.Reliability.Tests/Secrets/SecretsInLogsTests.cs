using System.Text;
using InstantOnRemediate.Reliability.Tests.BadInput;
using InstantOnRemediate.Reliability.Tests.Support;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Reliability.Tests.Secrets;

/// <summary>
/// With distinctive credentials in the environment, every log line, response and error the functions produce — in
/// process and from the published binary, through successes, AWS failures and bad requests — is searched for them.
/// </summary>
[Collection(AwsEnvironmentCollection.Name)]
public sealed class SecretsInLogsTests(MotoWorld world) : IDisposable
{
    private const string SecretKey = "ZzSecretKeyReliability0123456789abcdefXY";
    private const string SessionToken = "IQoJb3JpZ2luX2VjEReliabilitySessionTokenQQ9876543210zz";

    private readonly string state = Scratch.Directory("reliability-secrets-");

    [Fact]
    public async Task Detect_WithCredentialsSet_NoLogLineResponseOrErrorCarriesThem()
    {
        const string cluster = "secret-eks";
        var nodes = await world.SeedClusterAsync(cluster, 1);
        world.Proxy.Reset();
        world.Proxy.Inject("DescribeNodegroup", Fault.ServerError(500), times: 2);
        world.Proxy.Inject("Publish", new Fault { Name = "denied", Status = 403, ContentType = "text/xml",
            Body = "<ErrorResponse><Error><Type>Sender</Type><Code>AuthorizationError</Code><Message>User is not authorized</Message></Error><RequestId>r</RequestId></ErrorResponse>" });
        var seen = new StringBuilder();

        using (var detect = world.Detect(Batches.Now, state))
        {
            Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", SecretKey);
            Environment.SetEnvironmentVariable("AWS_SESSION_TOKEN", SessionToken);
            foreach (var payload in new[] { AwsScenario.ThresholdBatch(cluster, nodes[MotoWorld.Al2Nodegroup]), "{\"awslogs\":7}"u8.ToArray(), BadInputs.Named("gzip-bomb-1GiB").Build() })
            {
                var result = await detect.RunAsync(payload);
                seen.Append(result.Response is null ? "" : Encoding.UTF8.GetString(result.Response)).Append(result.Error?.ErrorMessage).AppendJoin('\n', result.Error?.StackTrace ?? []);
            }

            seen.Append(detect.Logs);
        }

        Assert.Contains(world.Proxy.Requests, r => r.Request.Header("X-Amz-Security-Token") == SessionToken);
        Assert.True(seen.Length > 1000, "too little output to search");
        Assert.DoesNotContain(SecretKey, seen.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(SessionToken, seen.ToString(), StringComparison.Ordinal);
    }

    [PublishedBootstrapFact]
    public async Task Bootstrap_WithCredentialsSet_NoOutputLineCarriesThem()
    {
        const string cluster = "secret-bin-eks";
        var nodes = await world.SeedClusterAsync(cluster, 1);
        world.Proxy.Reset();
        world.Proxy.Inject("UpdateNodegroupConfig", Fault.ServerError(500), times: 4);
        using var api = FakeRuntimeApi.Start();
        using var process = Bootstrap.Start(api, "detect", new Dictionary<string, string>
        {
            ["MODE"] = "enforce", ["STATE_DIRECTORY"] = state, ["NOW"] = "2025-05-08T10:45:00Z", ["LOG_LEVEL"] = "debug",
            ["AWS_ENDPOINT_URL"] = world.Proxy.Endpoint.ToString().TrimEnd('/'), ["TOPIC_ARN"] = world.TopicArn,
            ["AWS_SECRET_ACCESS_KEY"] = SecretKey, ["AWS_SESSION_TOKEN"] = SessionToken,
        });
        var ids = new[]
        {
            api.Enqueue(AwsScenario.ThresholdBatch(cluster, nodes[MotoWorld.Al2Nodegroup])),
            api.Enqueue("{\"awslogs\":{}}"),
            api.Enqueue(BadInputs.Named("truncated-gzip").Build()),
        };

        var posts = new List<RecordedPost>();
        foreach (var id in ids)
        {
            posts.Add(await api.WaitForResultAsync(id, TimeSpan.FromSeconds(60)));
        }

        await api.WaitForNextPollsAsync(ids.Length + 1);
        var everything = await process.StopAndReadOutputAsync(TimeSpan.FromSeconds(30)) + process.StandardError + string.Join("\n", posts.Select(p => p.BodyText));
        Assert.Contains(world.Proxy.Requests, r => r.Request.Header("X-Amz-Security-Token") == SessionToken);
        Assert.Contains("TransientFailureException", everything, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretKey, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(SessionToken, everything, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        TestEnvironment.ApplyStaticCredentials();
        Environment.SetEnvironmentVariable("AWS_SESSION_TOKEN", null);
        if (Directory.Exists(state))
        {
            Directory.Delete(state, recursive: true);
        }
    }
}
