using Amazon.Runtime;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using InstantOnRemediate.Core.Planning;
using InstantOnRemediate.Core.Policy;
using InstantOnRemediate.Core.Security;

namespace InstantOnRemediate.Aws.Actions;

/// <summary>
/// ssm-run-command: SendCommand of one of the policy's reviewed documents (never a generic shell document, never
/// text from a log) to explicit instance ids, with MaxConcurrency / MaxErrors. Undo runs the document's reviewed
/// undo document when the policy names one.
/// </summary>
[IamAction("ssm:SendCommand", Resource = "document")]
[IamAction("ssm:SendCommand", Resource = "instance")]
public sealed class SsmRunCommandExecutor(IAmazonSimpleSystemsManagement ssm, PolicySet policies) : IActionExecutor
{
    public string ActionType => ActionTypes.SsmRunCommand;

    public string UndoDescription => "run the policy's reviewed undo document for the same cause on the same instances (when one is named)";

    public bool IsDisruptive(PlanAction action) => false;

    public string? Validate(PlanAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var document = action.Get("documentName");
        return !IdentifierRules.IsSsmDocumentName(document) ? "documentName is not an SSM document name"
            : Reviewed(action) is null ? $"document {document} is not a reviewed document of the policy for cause {action.Cause}"
            : action.Target.InstanceIds.Count is 0 or > 50 ? "between 1 and 50 target instance ids are required"
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
        try
        {
            var response = await ssm.SendCommandAsync(new SendCommandRequest
            {
                DocumentName = document,
                InstanceIds = [.. action.Target.InstanceIds],
                MaxConcurrency = action.Get("maxConcurrency"),
                MaxErrors = action.Get("maxErrors"),
                TimeoutSeconds = action.Int("timeoutSeconds"),
                Comment = Comment($"instanton-remediate {verb} {action.Id}"),
            }, cancellationToken).ConfigureAwait(false);
            return ActionOutcome.Executed($"sent {what}", response.Command?.CommandId);
        }
        catch (AmazonServiceException e)
        {
            return SsmOutcomes.From(e, what);
        }
    }

    private static string Comment(string text) => text.Length <= 100 ? text : text[..100];
}
