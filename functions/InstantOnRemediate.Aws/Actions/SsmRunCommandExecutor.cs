using Amazon.Runtime;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using InstantOnRemediate.Core.Planning;
using InstantOnRemediate.Core.Policy;
using InstantOnRemediate.Core.Security;

namespace InstantOnRemediate.Aws.Actions;

/// <summary>
/// ssm-run-command: SendCommand of one of the policy's reviewed documents (never a generic shell document, never
/// text from a log) to every targeted instance, in batches of at most 50 (SendCommand's limit), each with
/// MaxConcurrency / MaxErrors. The reference is the batches' command ids, comma separated; reconcile follows every
/// instance of each. Undo runs the document's reviewed undo document when the policy names one.
/// </summary>
[IamAction("ssm:SendCommand", Resource = "document")]
[IamAction("ssm:SendCommand", Resource = "instance")]
public sealed class SsmRunCommandExecutor(IAmazonSimpleSystemsManagement ssm, PolicySet policies) : IActionExecutor
{
    /// <summary>SendCommand takes at most 50 instance ids per call.</summary>
    public const int BatchSize = 50;

    /// <summary>Most instances one action sends a document to (the planner caps node groups at the same figure).</summary>
    public const int MaxInstances = 1000;

    public string ActionType => ActionTypes.SsmRunCommand;

    public string UndoDescription => "run the policy's reviewed undo document for the same cause on the same instances (when one is named)";

    public bool IsDisruptive(PlanAction action) => false;

    public string? Validate(PlanAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var document = action.Get("documentName");
        return document is not null && document.StartsWith("{stack:", StringComparison.Ordinal)
                ? $"the policy's stack document {document} has no deployed name here (template.yaml passes it in SSM_* variables; a local run has none)"
            : !IdentifierRules.IsSsmDocumentName(document) ? "documentName is not an SSM document name"
            : Reviewed(action) is null ? $"document {document} is not a reviewed document of the policy for cause {action.Cause}"
            : action.Target.InstanceIds.Count is 0 or > MaxInstances ? $"between 1 and {MaxInstances} target instance ids are required"
            : !action.Target.InstanceIds.All(IdentifierRules.IsInstanceId) ? "a target instance id is not valid (i-[0-9a-f]{8,17})"
            : !IdentifierRules.IsSsmRate(action.Get("maxConcurrency")) ? "maxConcurrency is not a count or a percentage"
            : !IdentifierRules.IsSsmRate(action.Get("maxErrors")) ? "maxErrors is not a count or a percentage"
            : action.Int("timeoutSeconds") is not (>= 30 and <= 2592000) ? "timeoutSeconds must be 30..2592000"
            : null;
    }

    public Task<ActionOutcome> ExecuteAsync(PlanAction action, CancellationToken cancellationToken = default) =>
        Validate(action) is { } invalid ? Task.FromResult(ActionOutcome.Skipped(invalid)) : SendAsync(action, action.Get("documentName")!, "run", cancellationToken);

    public Task<ActionOutcome> UndoAsync(PlanAction action, UndoOptions options, CancellationToken cancellationToken = default)
    {
        if (Validate(action) is { } invalid)
        {
            return Task.FromResult(ActionOutcome.Skipped(invalid));
        }

        var reviewed = Reviewed(action)!;
        if (action.Get("readOnly") == "true")
        {
            return Task.FromResult(ActionOutcome.Skipped("nothing to undo: the document is read-only"));
        }

        return reviewed.UndoName is { } undo
            ? SendAsync(action, undo, "undo", cancellationToken)
            : Task.FromResult(ActionOutcome.Skipped($"the policy names no reviewed undo document for {reviewed.Name}: revert by hand"));
    }

    /// <summary>The policy entry the document must match: the cause's fix document, or the diagnostics document.</summary>
    private ReviewedDocument? Reviewed(PlanAction action)
    {
        var policy = policies.For(action.Target.Cluster).Ssm;
        var name = action.Get("documentName");
        if (action.Cause is not null && policy.Documents.TryGetValue(action.Cause, out var fix) && fix.Name == name)
        {
            return fix;
        }

        return policy.Diagnostics is { } diagnostics && diagnostics.Name == name ? diagnostics : null;
    }

    [IamAction("ssm:SendCommand", Resource = "document")]
    private async Task<ActionOutcome> SendAsync(PlanAction action, string document, string verb, CancellationToken cancellationToken)
    {
        var what = $"{verb} {document} on {action.Target.InstanceIds.Count} instance(s)";
        var sent = new List<string>();
        foreach (var batch in action.Target.InstanceIds.Chunk(BatchSize))
        {
            try
            {
                var response = await ssm.SendCommandAsync(new SendCommandRequest
                {
                    DocumentName = document,
                    InstanceIds = [.. batch],
                    MaxConcurrency = action.Get("maxConcurrency"),
                    MaxErrors = action.Get("maxErrors"),
                    TimeoutSeconds = action.Int("timeoutSeconds"),
                    Comment = Comment($"instanton-remediate {verb} {action.Id} ({sent.Count + 1})"),
                }, cancellationToken).ConfigureAwait(false);
                sent.Add(response.Command?.CommandId ?? "?");
            }
            catch (AmazonServiceException e)
            {
                var failed = SsmOutcomes.From(e, what);
                // Batches already sent run on: say which, so reconcile and the person can follow them.
                return sent.Count == 0 ? failed : failed with { Reason = $"{failed.Reason} (after {sent.Count} batch(es) were sent: commands {string.Join(", ", sent)})", Reference = string.Join(',', sent) };
            }
        }

        return ActionOutcome.Executed($"sent {what} in {sent.Count} command(s)", string.Join(',', sent));
    }

    private static string Comment(string text) => text.Length <= 100 ? text : text[..100];
}
