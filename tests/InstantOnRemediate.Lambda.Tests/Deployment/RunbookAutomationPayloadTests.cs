using InstantOnRemediate.Core.Runbook;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using InstantOnRemediate.Application.Handlers;
using InstantOnRemediate.Application.Invocation;

namespace InstantOnRemediate.Lambda.Tests.Deployment;

/// <summary>
/// The Automation runbooks as Systems Manager runs them, for sample on-call inputs: parameters checked against their
/// allowedPattern (defaults filled in), aws:branch choices evaluated, the chosen step's Payload rendered
/// ({{ Parameter }} and {{ automation:EXECUTION_ID }} substituted), and the JSON fed to the runbook function's own
/// request reader, which must accept it as the request on-call meant.
/// </summary>
public sealed partial class RunbookAutomationPayloadTests
{
    private const string ExecutionId = "4105a4fc-f944-11e6-9d32-0a1b2c3d495e";
    private const string ActionId = "7b1e4d2f9a0c6e387b1e4d2f9a0c6e38";

    /// <summary>A reason with every punctuation mark the pattern allows: the payload must stay one JSON document.</summary>
    private const string Reason = "AL2 nodes can't restore (ticket #42): 100% sure; see runbook/ptrace, ok? a+b=c_d @oncall!";

    [Theory]
    [InlineData("DiagnoseRunbook", "Cluster=prod-eks", "DiagnoseCluster", "diagnose|prod-eks||||")]
    [InlineData("DiagnoseRunbook", "Cluster=prod-eks&Nodegroup=ng-al2", "DiagnoseNodegroup", "diagnose|prod-eks|ng-al2|||")]
    [InlineData("DiagnoseRunbook", "Cluster=prod-eks&Node=ip-10-0-1-2.ec2.internal", "DiagnoseNode", "diagnose|prod-eks||ip-10-0-1-2.ec2.internal||")]
    [InlineData("DiagnoseRunbook", "Cluster=prod-eks&Pod=orders-7d9f-x2", "DiagnosePod", "diagnose|prod-eks|||orders-7d9f-x2|default")]
    [InlineData("DiagnoseRunbook", "Cluster=prod-eks&Pod=orders-7d9f-x2&Namespace=shop", "DiagnosePod", "diagnose|prod-eks|||orders-7d9f-x2|shop")]
    [InlineData("PlanRunbook", "Cluster=prod-eks", "PlanCluster", "plan|prod-eks||||")]
    [InlineData("PlanRunbook", "Cluster=prod-eks&Cause=ptrace-restricted", "PlanCause", "plan|prod-eks||||")]
    [InlineData("PlanRunbook", "Cluster=prod-eks&Nodegroup=ng-al2", "PlanNodegroup", "plan|prod-eks|ng-al2|||")]
    [InlineData("PlanRunbook", "Cluster=prod-eks&Cause=rseq-ptrace-unsupported&Nodegroup=ng-al2", "PlanCauseNodegroup", "plan|prod-eks|ng-al2|||")]
    [InlineData("StatusRunbook", "", "StatusAll", "status|||||")]
    [InlineData("StatusRunbook", "Cluster=prod-eks", "StatusCluster", "status|prod-eks||||")]
    [InlineData("ApplyRunbook", "ActionId=" + ActionId + "&Reason=" + Reason, "Apply", "apply|||||")]
    [InlineData("RollbackRunbook", "ActionId=" + ActionId + "&Reason=" + Reason, "Rollback", "rollback|||||")]
    [InlineData("RollbackRunbook", "ActionId=" + ActionId + "&Reason=" + Reason + "&DeleteCreatedNodegroup=true", "Rollback", "rollback|||||")]
    [InlineData("PauseRunbook", "Reason=" + Reason + "&By=oncall@example.com", "Pause", "pause|||||")]
    [InlineData("ResumeRunbook", "Reason=" + Reason + "&By=arn:aws:iam::123456789012:role/OnCall", "Resume", "resume|||||")]
    public void Payload_SampleInput_IsAcceptedByTheRunbookRequestReader(string resource, string input, string expectedStep, string expected)
    {
        var content = SsmDocumentFiles.Content(resource);
        var parameters = Parameters(content, input);

        var step = Run(content, parameters);
        var read = RunbookRequestReader.Read(Encoding.UTF8.GetBytes(Render(step, parameters)));
        var request = Members.Of(read);

        Assert.Equal(expectedStep, (string?)step["name"]);
        Assert.Equal(expected, string.Join("|", read.Action, request.Cluster, request.Nodegroup, request.Node, request.Pod, request.Namespace));
        Assert.Equal(parameters.GetValueOrDefault("Cause") is { Length: > 0 } cause ? cause : null, request.Cause);
        Assert.Equal(parameters.GetValueOrDefault("ActionId"), request.ActionId);
        Assert.Equal(parameters.GetValueOrDefault("Reason"), request.Reason);
        Assert.Equal(parameters.GetValueOrDefault("DeleteCreatedNodegroup") == "true", request.DeleteCreatedNodegroup);
        Assert.Equal(
            resource is "ApplyRunbook" or "RollbackRunbook" ? "ssm-automation:" + ExecutionId : parameters.GetValueOrDefault("By"),
            request.Person);
    }

    [Fact]
    public void Diagnose_SeveralTargets_EndsInTheRejectStepWithoutInvokingTheFunction()
    {
        var content = SsmDocumentFiles.Content("DiagnoseRunbook");

        var step = Run(content, Parameters(content, "Cluster=prod-eks&Nodegroup=ng-al2&Node=ip-10-0-1-2.ec2.internal"));

        Assert.Equal(("RejectSeveralTargets", "aws:executeScript"), ((string?)step["name"], (string?)step["action"]));
        Assert.Contains("raise ValueError(\"give at most one of Nodegroup, Node or Pod\")", (string)step["inputs"]!["Script"]!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PauseRunbook", "Reason=stop \"now\"&By=oncall@example.com", "Reason")]
    [InlineData("PauseRunbook", "Reason=okay then&By=a b", "By")]
    [InlineData("DiagnoseRunbook", "Cluster=prod-eks&Pod=$(reboot)", "Pod")]
    [InlineData("ApplyRunbook", "ActionId=act-1&Reason=because it is needed", "ActionId")]
    [InlineData("RollbackRunbook", "ActionId=" + ActionId + "&Reason=undo it&DeleteCreatedNodegroup=yes", "DeleteCreatedNodegroup")]
    public void Parameters_OutsideTheirPattern_AreRefusedBeforeAnyStep(string resource, string input, string parameter)
    {
        var error = Assert.Throws<ArgumentException>(() => Parameters(SsmDocumentFiles.Content(resource), input));

        Assert.Contains(parameter, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Payload_UnknownMember_WouldBeRejectedByTheReader()
    {
        // The check above is not vacuous: the reader refuses what a wrong payload template would send.
        var e = Assert.Throws<InvalidRequestException>(() => RunbookRequestReader.Read(Encoding.UTF8.GetBytes("""{"action":"pause","reason":"ok then","by":"a@example.com","approvedBy":"x"}""")));

        Assert.Contains("unknown member 'approvedBy'", e.Message, StringComparison.Ordinal);
    }

    /// <summary>The runbook payload the Automation document <paramref name="resource"/> sends for these parameter values.</summary>
    internal static string PayloadFor(string resource, IReadOnlyDictionary<string, string> input)
    {
        var content = SsmDocumentFiles.Content(resource);
        var parameters = Parameters(content, string.Join("&", input.Select(p => $"{p.Key}={p.Value}")));
        return Render(Run(content, parameters), parameters);
    }

    /// <summary>Parameter values (<c>Name=value&amp;Name=value</c>) as Systems Manager accepts them: known names only, defaults filled in, each matching its allowedPattern.</summary>
    private static Dictionary<string, string> Parameters(JsonObject content, string input)
    {
        var declared = content["parameters"]!.AsObject();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in input.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var (name, value) = (pair[..pair.IndexOf('=', StringComparison.Ordinal)], pair[(pair.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            values[name] = declared.ContainsKey(name) ? value : throw new ArgumentException($"{name} is not a parameter");
        }

        foreach (var (name, parameter) in declared)
        {
            if (!values.ContainsKey(name))
            {
                values[name] = (string?)parameter!["default"] ?? throw new ArgumentException($"{name} is required");
            }

            if (!Regex.IsMatch(values[name], (string)parameter!["allowedPattern"]!))
            {
                throw new ArgumentException($"{name} '{values[name]}' does not match its allowedPattern");
            }
        }

        return values;
    }

    /// <summary>Follows mainSteps from the first: approvals pass, aws:branch jumps (Default, else the next step), until a step that ends the run.</summary>
    private static JsonObject Run(JsonObject content, Dictionary<string, string> parameters)
    {
        var steps = content["mainSteps"]!.AsArray().Select(s => s!.AsObject()).ToList();
        var index = 0;
        for (var hops = 0; hops < steps.Count; hops++)
        {
            var step = steps[index];
            switch ((string?)step["action"])
            {
                case "aws:approve":
                    index++;
                    continue;
                case "aws:branch":
                    var chosen = step["inputs"]!["Choices"]!.AsArray().FirstOrDefault(c => Holds(c!.AsObject(), parameters));
                    var next = (string?)chosen?["NextStep"] ?? (string?)step["inputs"]!["Default"];
                    index = next is null ? index + 1 : steps.FindIndex(s => (string?)s["name"] == next);
                    Assert.True(index >= 0, $"branch to unknown step {next}");
                    continue;
                default:
                    Assert.True((bool?)step["isEnd"] == true, $"{step["name"]} does not end the run");
                    return step;
            }
        }

        throw new InvalidOperationException("the runbook loops");
    }

    private static bool Holds(JsonObject choice, Dictionary<string, string> parameters) => choice switch
    {
        _ when choice["And"] is JsonArray all => all.All(c => Holds(c!.AsObject(), parameters)),
        _ when choice["Or"] is JsonArray any => any.Any(c => Holds(c!.AsObject(), parameters)),
        _ when choice["Not"] is JsonObject not => !Holds(not, parameters),
        _ when choice["StringEquals"] is { } equals => Substitute((string)choice["Variable"]!, parameters) == (string)equals!,
        _ => throw new InvalidOperationException($"unsupported choice {choice.ToJsonString()}"),
    };

    private static string Render(JsonObject step, Dictionary<string, string> parameters)
    {
        Assert.Equal("aws:invokeLambdaFunction", (string?)step["action"]);
        return Substitute((string)step["inputs"]!["Payload"]!, parameters);
    }

    private static string Substitute(string text, Dictionary<string, string> parameters) =>
        Placeholder().Replace(text, m => m.Groups[1].Value == "automation:EXECUTION_ID" ? ExecutionId : parameters[m.Groups[1].Value]);

    [GeneratedRegex(@"\{\{\s*([A-Za-z0-9_:]+)\s*\}\}")]
    private static partial Regex Placeholder();

    /// <summary>The members of a typed runbook request side by side, absent ones null (for one assertion per member).</summary>
    private sealed record Members(string? Cluster, string? Nodegroup, string? Node, string? Pod, string? Namespace, string? Cause, string? ActionId, string? Reason, bool DeleteCreatedNodegroup, string? Person)
    {
        public static Members Of(RunbookRequest request) => request switch
        {
            DiagnoseRequest d => new(d.Cluster, d.Nodegroup, d.Node, d.Pod, d.Namespace, null, null, null, false, null),
            PlanRequest p => new(p.Cluster, p.Nodegroup, null, null, null, p.Cause, null, null, false, null),
            StatusRequest s => new(s.Cluster, null, null, null, null, null, null, null, false, null),
            ApplyRequest a => new(null, null, null, null, null, null, a.ActionId, a.Reason, false, a.ApprovedBy),
            RollbackRequest r => new(null, null, null, null, null, null, r.ActionId, r.Reason, r.DeleteCreatedNodegroup, r.ApprovedBy),
            PauseRequest p => new(null, null, null, null, null, null, null, p.Reason, false, p.By),
            ResumeRequest r => new(null, null, null, null, null, null, null, r.Reason, false, r.By),
            _ => throw new ArgumentOutOfRangeException(nameof(request)),
        };
    }
}
