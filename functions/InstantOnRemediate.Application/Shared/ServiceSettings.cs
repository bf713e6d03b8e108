using System.Collections;
using InstantOnRemediate.Aws.Events;
using InstantOnRemediate.Aws.Sns;
using InstantOnRemediate.Aws.Ssm;
using InstantOnRemediate.Core.Policy;
using InstantOnRemediate.Core.Runbook;
using InstantOnRemediate.Application.Composition;

namespace InstantOnRemediate.Application.Shared;

/// <summary>
/// Deployment settings beyond <see cref="FunctionOptions"/>: where state, alerts, policy and the pause switch live.
/// Read from the Lambda environment (names below, set by template.yaml); the local runner leaves them unset.
/// </summary>
internal sealed record ServiceSettings
{
    // The names are FunctionOptions' (defined once, listed with their meaning in FunctionOptions.EnvironmentVariables).
    private const string StateTableVariable = FunctionOptions.StateTableVariable;
    private const string TopicArnVariable = FunctionOptions.TopicArnVariable;
    private const string ClustersVariable = FunctionOptions.ClustersVariable;
    private const string PolicyVariable = FunctionOptions.PolicyVariable;
    private const string PauseParameterVariable = FunctionOptions.PauseParameterVariable;
    private const string RunbookFunctionVariable = FunctionOptions.RunbookFunctionVariable;
    private const string ContainerLogGroupsVariable = FunctionOptions.ContainerLogGroupsVariable;

    /// <summary>DynamoDB table of the state store (Lambda); null offline.</summary>
    public string? StateTable { get; init; }

    /// <summary>SNS topic for alerts; overrides the policy's notifications.topicArn.</summary>
    public string? TopicArn { get; init; }

    /// <summary>Clusters the service looks after (reconcile audits them; detect acts only on them when set).</summary>
    public IReadOnlyList<string> Clusters { get; init; } = [];

    /// <summary>Policy document: JSON text, or a file path (relative to LAMBDA_TASK_ROOT); null = the shipped default.</summary>
    public string? Policy { get; init; }

    /// <summary>SSM parameter of the pause switch; overrides the policy's pause.parameterName.</summary>
    public string? PauseParameter { get; init; }

    /// <summary>Name of the runbook function, printed in alerts' approve/undo commands.</summary>
    public string RunbookFunction { get; init; } = RunbookLinks.DefaultFunction;

    /// <summary>The stack's Systems Manager runbooks per runbook action (SSM_RUNBOOK_DOCUMENTS); empty when not set.</summary>
    public IReadOnlyDictionary<string, string> RunbookDocuments { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Where printed runbook commands go: the function and the Systems Manager runbooks, in the topic's Region.</summary>
    public RunbookLinks Runbooks => new() { Function = RunbookFunction, Documents = RunbookDocuments, Region = AlertDeliveries.StackOf(TopicArn).Region };

    /// <summary>Deployed names of the stack's SSM documents (SSM_* variables); none offline, where policy references stay unresolved.</summary>
    public StackDocumentNames StackDocuments { get; init; } = StackDocumentNames.None;

    /// <summary>EventBridge bus (name or ARN) of the service's events; null = none.</summary>
    public string? EventBus { get; init; }

    /// <summary>Container log groups reconcile reads (FilterLogEvents) to verify fixes; default derived from the clusters.</summary>
    public IReadOnlyList<string> ContainerLogGroups { get; init; } = [];

    public static ServiceSettings FromEnvironment(IDictionary environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        string? Get(string name) => environment[name] is string { Length: > 0 } v ? v.Trim() : null;
        static List<string> List(string? text) =>
            text is null ? [] : [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];

        var policy = Get(PolicyVariable);
        if (policy is not null && !policy.StartsWith('{') && !Path.IsPathRooted(policy) && Get(FunctionOptions.TaskRootVariable) is { } root)
        {
            policy = Path.Combine(root, policy);
        }

        return new ServiceSettings
        {
            StateTable = Get(StateTableVariable),
            TopicArn = Get(TopicArnVariable),
            Clusters = List(Get(ClustersVariable)),
            Policy = policy,
            PauseParameter = Get(PauseParameterVariable),
            RunbookFunction = Get(RunbookFunctionVariable) ?? Get(FunctionOptions.FunctionNameVariable) ?? RunbookLinks.DefaultFunction,
            RunbookDocuments = RunbookLinks.ParseDocuments(Get(FunctionOptions.RunbookDocumentsVariable)),
            ContainerLogGroups = List(Get(ContainerLogGroupsVariable)),
            StackDocuments = StackDocumentEnvironment.Read(environment),
            EventBus = Get(EventBusName.Variable),
        };
    }
}
