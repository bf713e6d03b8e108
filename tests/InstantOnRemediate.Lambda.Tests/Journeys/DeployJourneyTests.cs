using System.Text.Json;
using System.Text.Json.Nodes;
using InstantOnRemediate.Application.Composition;
using InstantOnRemediate.Lambda.Tests.Deployment;
using InstantOnRemediate.Lambda.Tests.EndToEnd;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Lambda.Tests.Journeys;

/// <summary>
/// Journey 3, a platform team deploying one stack per account: each environment of infra/samconfig.toml, its
/// parameter overrides resolved through template.yaml into the detect function's environment exactly as
/// CloudFormation would set it, the published bootstrap started with that environment against moto_server. An
/// environment whose policy lives in an SSM parameter fails to start, naming the parameter, until the parameter
/// exists; then a failed restore is decided by that policy (its thresholds and mode) and alerted.
/// </summary>
public sealed class DeployJourneyTests : IClassFixture<MotoServer>
{
    private static readonly string Bootstrap = Path.Combine(RepoPaths.Artifacts, "lambda", "bootstrap");
    private static readonly DateTimeOffset Now = new(2025, 5, 8, 10, 41, 0, TimeSpan.Zero);
    private readonly MotoServer moto;

    public DeployJourneyTests(MotoServer moto) => this.moto = moto;

    public static TheoryData<string> Environments => ["prod-eu", "staging-us"];

    [Theory]
    [MemberData(nameof(Environments))]
    public async Task SamConfigEnvironment_DeployedDetect_LoadsItsPolicyAndActsByIt(string name)
    {
        Assert.True(File.Exists(Bootstrap), $"not built: run 'make publish' ({Bootstrap})");
        var deploy = DeploymentFiles.SamConfig[name]!["deploy"]!;
        var overrides = deploy["parameter_overrides"]!.AsObject().ToDictionary(p => p.Key, p => (string)p.Value!);
        var stack = (string)deploy["stack_name"]!;
        var cluster = overrides["Clusters"].Split(',')[0];
        await moto.ResetAsync();
        var world = await EksCaseWorld.SeedAsync(moto.Endpoint, cluster, 0);
        var environment = DetectEnvironment(overrides, stack, world);
        var policyParameter = environment[FunctionOptions.PolicyVariable];
        var policyFile = Path.Combine(RepoPaths.Root, "infra", "policy", policyParameter.Length > 0 ? "prod.json" : "default.json");

        if (policyParameter.Length > 0)
        {
            // Deployed before the parameter exists: the function does not start, and says which parameter it needs.
            var missing = await StartAsync(environment, world.Events[0], initError: true);
            Assert.Contains(policyParameter, missing.BodyText, StringComparison.Ordinal);
            await Boto3Script.RunAsync(moto.Endpoint,
                $"boto3.client('ssm').put_parameter(Name={JsonSerializer.Serialize(policyParameter)}, Type='String', Value=open({JsonSerializer.Serialize(policyFile)}).read())");
        }

        var answer = (await StartAsync(environment, world.Events[0], initError: false)).Json;

        var policy = JsonNode.Parse(File.ReadAllText(policyFile))!;
        var (failures, pods) = ((int?)policy["thresholds"]?["failures"] ?? 3, (int?)policy["thresholds"]?["distinctPods"] ?? 2);
        var plan = answer.GetProperty("plan");
        Assert.Equal(overrides["Mode"], plan.GetProperty("mode").GetString());
        var actions = plan.GetProperty("actions").EnumerateArray().ToList();
        Assert.Contains(actions, a => a.GetProperty("reason").GetString()!.Contains($"acting needs {failures} failures across {pods} pods", StringComparison.Ordinal));
        Assert.Single(actions, a => a.GetProperty("type").GetString() == "notify" && a.GetProperty("status").GetString() == "executed");
        var alert = Assert.Single(await world.DrainAlertsAsync(moto.Endpoint));
        Assert.StartsWith($"[InstantOn] restore failed on {cluster}/ng-al2-general", alert.Subject, StringComparison.Ordinal);
        // The stack's Systems Manager runbooks are offered next to the function command (their names as deployed).
        Assert.Contains($"aws ssm start-automation-execution --document-name {stack}-PauseRunbook", alert.Message, StringComparison.Ordinal);
    }

    /// <summary>The detect function's environment as CloudFormation sets it from the template and the overrides.</summary>
    private Dictionary<string, string> DetectEnvironment(Dictionary<string, string> overrides, string stack, EksCaseWorld world)
    {
        var template = DeploymentFiles.Template;
        var parameters = template["Parameters"]!.AsObject();
        var resources = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["StateTable"] = world.Table,
            ["AlertTopic"] = world.Topic,
            ["PauseParameter"] = $"/instanton-remediate/{stack}/paused",
            ["RunbookFunction"] = $"{stack}-RunbookFunction",
        };

        var conditions = template["Conditions"]!.AsObject();
        string Ref(string name) => overrides.TryGetValue(name, out var given) ? given
            : parameters[name] is { } p ? Flat(p["Default"])
            : resources.TryGetValue(name, out var made) ? made
            : $"{stack}-{name}"; // any other resource: the physical name CloudFormation generates
        JsonNode? Eval(JsonNode? node) => node switch
        {
            JsonValue or null => node,
            JsonArray list => new JsonArray([.. list.Select(n => Eval(n)?.DeepClone())]),
            JsonObject o when o["Ref"] is { } r => parameters[(string)r!]?["Type"]?.ToString() == "CommaDelimitedList"
                ? new JsonArray([.. Ref((string)r!).Split(',').Select(x => (JsonNode)x)]) : JsonValue.Create(Ref((string)r!)),
            JsonObject o when o["Fn::Join"] is JsonArray join => string.Join((string)join[0]!, ((JsonArray)Eval(join[1])!).Select(Text)),
            JsonObject o when o["Fn::Sub"] is JsonValue sub => System.Text.RegularExpressions.Regex.Replace((string)sub!, @"\$\{([^}]+)\}", m => Ref(m.Groups[1].Value)),
            JsonObject o when o["Fn::If"] is JsonArray when_ => IsTrue(conditions[(string)when_[0]!]) ? Eval(when_[1]) : Eval(when_[2]),
            JsonObject o when o["Fn::Select"] is JsonArray sel => ((JsonArray)Eval(sel[1])!)[(int)sel[0]!]!.DeepClone(),
            JsonObject o when o["Fn::Split"] is JsonArray split => new JsonArray([.. Text(Eval(split[1])).Split((string)split[0]!).Select(x => (JsonNode)x)]),
            _ => throw new InvalidOperationException($"the test cannot resolve {node.ToJsonString()}"),
        };
        bool IsTrue(JsonNode? condition) => condition switch
        {
            JsonObject o when o["Fn::Not"] is JsonArray not => !IsTrue(not[0]),
            JsonObject o when o["Fn::Equals"] is JsonArray eq => Text(Eval(eq[0])) == Text(Eval(eq[1])),
            JsonObject o when o["Condition"] is { } named => IsTrue(conditions[(string)named!]),
            _ => throw new InvalidOperationException($"the test cannot evaluate {condition?.ToJsonString()}"),
        };
        static string Text(JsonNode? node) => node is JsonArray list ? string.Join(',', list.Select(n => n!.ToString())) : node?.ToString() ?? "";
        string Resolve(JsonNode? node) => Text(Eval(node));

        var variables = template["Globals"]!["Function"]!["Environment"]!["Variables"]!.AsObject()
            .Concat(DeploymentFiles.Function(template, "detect").Value["Properties"]!["Environment"]?["Variables"]?.AsObject() ?? []);
        var environment = new Dictionary<string, string>(TestEnvironment.ChildEnvironment(moto.Endpoint))
        {
            ["_HANDLER"] = "detect",
            ["NOW"] = Now.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in variables)
        {
            environment[key] = Resolve(value);
        }

        return environment;
    }

    private static string Flat(JsonNode? value) => value switch
    {
        null => "",
        JsonArray list => string.Join(',', list.Select(v => v!.ToString())),
        _ => value.ToString(),
    };

    private static async Task<RecordedPost> StartAsync(Dictionary<string, string> environment, string payload, bool initError)
    {
        using var runtime = FakeRuntimeApi.Start();
        using var process = ProcessRunner.Start(Bootstrap, [], new Dictionary<string, string>(environment) { ["AWS_LAMBDA_RUNTIME_API"] = runtime.Address });
        if (initError)
        {
            var error = await runtime.WaitForInitErrorAsync(TimeSpan.FromSeconds(60));
            Assert.Equal(RecordedPost.InitError, error.Kind);
            return error;
        }

        var result = await runtime.WaitForResultAsync(runtime.Enqueue(payload), TimeSpan.FromSeconds(60));
        Assert.True(result.Kind == RecordedPost.Response, $"{result.BodyText} {process.StandardError}");
        return result;
    }
}
