using System.Text.RegularExpressions;
using InstantOnRemediate.Core.Actions.Definitions;
using InstantOnRemediate.Core.Alerts;
using InstantOnRemediate.Core.Classification;
using InstantOnRemediate.Core.Planning;
using InstantOnRemediate.Core.Runbook;
using InstantOnRemediate.Application.Handlers;
using InstantOnRemediate.Application.Reconcile;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Lambda.Tests.Journeys;

/// <summary>
/// Every runbook command the service prints anywhere (detect alerts, reconcile alerts, status' approveWith, apply's
/// next step, the README, the docs, the shipped samples) is accepted by the runbook's reader once its placeholders
/// are filled. The commands all come from <see cref="RunbookCommands"/>; these tests catch a hand-built one.
/// </summary>
public sealed partial class PrintedCommandsTests
{
    private const string ActionId = "7b1e4d2f9a0c6e387b1e4d2f9a0c6e38";

    public static TheoryData<string> Requests() =>
    [
        RunbookCommands.Payload(new DiagnoseRequest("prod-eks") { Pod = "orders-7d9f8b6c5-x2k4q", Namespace = "shop" }),
        RunbookCommands.Payload(new DiagnoseRequest("prod-eks") { Nodegroup = "ng-al2" }),
        RunbookCommands.Payload(new PlanRequest("prod-eks") { Cause = "rseq-ptrace-unsupported", Nodegroup = "ng-al2" }),
        RunbookCommands.Payload(new ApplyRequest(ActionId, RunbookPlaceholders.Person, RunbookPlaceholders.Reason) { PlanId = "plan-3f6c1a9e0b7d2c45" }),
        RunbookCommands.Payload(new StatusRequest()),
        RunbookCommands.Payload(new StatusRequest { Cluster = "prod-eks" }),
        RunbookCommands.Payload(new RollbackRequest(ActionId, RunbookPlaceholders.Person, RunbookPlaceholders.Reason) { DeleteCreatedNodegroup = true }),
        RunbookCommands.Payload(new PauseRequest(RunbookPlaceholders.Reason, RunbookPlaceholders.Person)),
        RunbookCommands.Payload(new ResumeRequest(RunbookPlaceholders.Reason, RunbookPlaceholders.Person)),
    ];

    [Theory]
    [MemberData(nameof(Requests))]
    public void Payload_EveryRequestKind_IsReadBackAsTheSameRequest(string payload)
    {
        var read = RunbookRequestReader.Read(SubscriptionEnvelopes.Utf8(PrintedCommands.Fill(payload)));

        Assert.Equal(PrintedCommands.Fill(payload), RunbookCommands.Payload(read));
    }

    [Fact]
    public void Payload_ReasonWithAQuote_StaysInsideTheShellQuotes()
    {
        var command = RunbookCommands.LambdaInvoke("fn", new PauseRequest("don't act tonight", "a@example.com"));

        Assert.Single(PrintedCommands.Payloads(command));
        Assert.Equal("don't act tonight", Assert.IsType<PauseRequest>(RunbookRequestReader.Read(SubscriptionEnvelopes.Utf8(PrintedCommands.Payloads(command)[0]))).Reason);
    }

    [Fact]
    public void DetectAlert_ApprovePauseRollbackAndPlanLines_AreAccepted()
    {
        PlanAction Action(string id, string type, string status) => new()
        {
            Id = id, Type = type, Target = new ActionTarget { Cluster = "prod-eks", Nodegroup = "ng-al2" }, Status = status, Reason = "because",
            Cause = "rseq-ptrace-unsupported", Undo = "undo it",
            Parameters = type == ActionTypes.EksCreateNodegroup
                ? new EksCreateNodegroupParameters { NodegroupName = "ng-al2-al2023" }
                : new EksLabelNodegroupParameters { LabelKey = "instanton.openliberty.io/restore-compatible", LabelValue = "false" },
        };
        var finding = new Finding { Id = "f-1", Verdict = Verdicts.RestoreFailure, Cause = "rseq-ptrace-unsupported", Remedy = RemedyClasses.NodeKernel, Pod = "orders-1", Evidence = ["Error (criu/cr-restore.c:1492): 133 killed by signal 11"] };
        var group = new AlertGroup { Cluster = "prod-eks", Nodegroup = "ng-al2", Cause = "rseq-ptrace-unsupported", Findings = [finding], PlanId = "plan-3f6c1a9e0b7d2c45", Mode = Modes.Enforce, Runbooks = Links };

        var withActions = AlertWriter.Compose(group with
        {
            Actions = [Action(ActionId, ActionTypes.EksCreateNodegroup, ActionStatuses.AwaitingApproval), Action("0123456789abcdef0123456789abcdef", ActionTypes.EksLabelNodegroup, ActionStatuses.Executed)],
        });
        var without = AlertWriter.Compose(group);

        var payloads = PrintedCommands.Payloads(withActions.Body).Concat(PrintedCommands.Payloads(without.Body)).Distinct(StringComparer.Ordinal).ToList();
        Assert.Equal(["apply", "pause", "plan", "rollback"], payloads.Select(p => RunbookRequestReader.Read(SubscriptionEnvelopes.Utf8(PrintedCommands.Fill(p))).Action).Distinct().Order());
        Assert.Equal(["apply", "pause", "plan", "rollback"], AcceptedAutomations([withActions.Body, without.Body]).Order());
        Assert.Contains("https://eu-west-1.console.aws.amazon.com/systems-manager/automation/execute/InstantOnRemediate-prod-Pause?region=eu-west-1", without.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void ReconcileAlerts_StatusRollbackAndApproveLines_AreAccepted()
    {
        var executed = new ExecutedRemediation { ActionId = ActionId, Type = ActionTypes.EksLabelNodegroup, Cluster = "prod-eks", Nodegroup = "ng-al2", Cause = "rseq-ptrace-unsupported" };
        var texts = new[]
        {
            ReconcileAlerts.Escalation(executed, VerificationStatuses.FixNotWorking, "restores still fail", [], Links).Body,
            ReconcileAlerts.ApprovalOverdue("prod-eks", ActionId, DateTimeOffset.UnixEpoch, 240, Links).Body,
        };

        var actions = texts.SelectMany(PrintedCommands.Payloads).Select(p => RunbookRequestReader.Read(SubscriptionEnvelopes.Utf8(PrintedCommands.Fill(p))).Action).Distinct().Order().ToList();

        Assert.Equal(["apply", "rollback", "status"], actions);
        Assert.Equal(["apply", "rollback", "status"], AcceptedAutomations(texts).Order());
    }

    /// <summary>The README, the docs and the shipped runbook samples: every payload in them is accepted.</summary>
    [Fact]
    public void ReadmeDocsAndSamples_EveryPayload_IsAccepted()
    {
        var documents = new[] { Path.Combine(RepoPaths.Root, "README.md") }.Concat(Directory.GetFiles(Path.Combine(RepoPaths.Root, "docs"), "*.md"));
        var inline = documents.SelectMany(d => PrintedCommands.Payloads(File.ReadAllText(d)).Concat(InlineRequests().Matches(File.ReadAllText(d)).Select(m => m.Groups["json"].Value))
            .Select(p => (Source: Path.GetFileName(d), Payload: p)));
        var samples = Directory.GetFiles(RepoPaths.Event("runbook"), "*.json").Where(f => !Path.GetFileName(f).StartsWith("malformed-", StringComparison.Ordinal))
            .Select(f => (Source: Path.GetFileName(f), Payload: File.ReadAllText(f)));

        var all = inline.Concat(samples).ToList();
        Assert.True(all.Count >= 10, $"only {all.Count} payloads found");
        foreach (var (source, payload) in all)
        {
            var e = Record.Exception(() => RunbookRequestReader.Read(SubscriptionEnvelopes.Utf8(PrintedCommands.Fill(payload))));
            Assert.True(e is null, $"{source}: {payload} -> {e?.Message}");
        }
    }

    /// <summary>A stack with every Systems Manager runbook (approvers set), in eu-west-1.</summary>
    private static readonly RunbookLinks Links = new()
    {
        Function = "instanton-remediate-prod-RunbookFunction",
        Region = "eu-west-1",
        Documents = RunbookActions.All.ToDictionary(a => a, a => $"InstantOnRemediate-prod-{char.ToUpperInvariant(a[0])}{a[1..]}"),
    };

    /// <summary>
    /// Each printed start-automation-execution command, placeholders filled, run through its Automation document as
    /// Systems Manager would (parameter patterns, branches) into the payload the runbook function receives, which
    /// its reader must accept as the same action. Returns the actions.
    /// </summary>
    private static IEnumerable<string> AcceptedAutomations(IEnumerable<string> texts)
    {
        foreach (var (document, parameters) in texts.SelectMany(PrintedCommands.Automations).DistinctBy(a => a.Document + string.Join("&", a.Parameters)))
        {
            var action = Links.Documents.Single(d => d.Value == document).Key;
            var filled = parameters.ToDictionary(p => p.Key, p => PrintedCommands.Fill(p.Value));
            var payload = Deployment.RunbookAutomationPayloadTests.PayloadFor($"{char.ToUpperInvariant(action[0])}{action[1..]}Runbook", filled);
            var request = RunbookRequestReader.Read(SubscriptionEnvelopes.Utf8(payload));
            Assert.Equal(action, request.Action);
            yield return action;
        }
    }

    /// <summary>A runbook request written inline in prose, e.g. <c>`{"action":"status","cluster":"prod-eks"}`</c>.</summary>
    [GeneratedRegex("`(?<json>\\{\"action\":[^`]*\\})`", RegexOptions.CultureInvariant)]
    private static partial Regex InlineRequests();
}
