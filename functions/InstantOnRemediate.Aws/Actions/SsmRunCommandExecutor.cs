using Amazon.Runtime;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using InstantOnRemediate.Core.Actions;
using InstantOnRemediate.Core.Actions.Definitions;
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
    public const int MaxInstances = SsmRunCommandParameters.MaxInstances;

    public string ActionType => ActionTypes.SsmRunCommand;

    public string UndoDescription => "run the policy's reviewed undo document for the same cause on the same instances (when one is named)";

    public bool IsDisruptive(PlanAction action) => false;

    public string? Validate(PlanAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return ActionKinds.Of(ActionType).Validate(action)
            ?? (Reviewed(action) is null ? $"document {Parameters(action).DocumentName} is not a reviewed document of the policy for cause {action.Cause}" : null);
    }

    private static SsmRunCommandParameters Parameters(PlanAction action) => (SsmRunCommandParameters)action.Parameters;

    public Task<ActionOutcome> ExecuteAsync(PlanAction action, CancellationToken cancellationToken = default) =>
        Validate(action) is { } invalid ? Task.FromResult(ActionOutcome.Skipped(invalid)) : SendAsync(action, Parameters(action).DocumentName, "run", cancellationToken);

    public Task<ActionOutcome> UndoAsync(PlanAction action, UndoOptions options, CancellationToken cancellationToken = default)
    {
        if (Validate(action) is { } invalid)
        {
            return Task.FromResult(ActionOutcome.Skipped(invalid));
        }

        var reviewed = Reviewed(action)!;
        if (Parameters(action).ReadOnly)
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
        var name = Parameters(action).DocumentName;
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
                    MaxConcurrency = Parameters(action).MaxConcurrency,
                    MaxErrors = Parameters(action).MaxErrors,
                    TimeoutSeconds = Parameters(action).TimeoutSeconds,
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
