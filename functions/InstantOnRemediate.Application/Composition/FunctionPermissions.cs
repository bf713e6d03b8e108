using InstantOnRemediate.Aws.Actions;
using InstantOnRemediate.Aws.Events;
using InstantOnRemediate.Aws.Inventory;
using InstantOnRemediate.Aws.Logs;
using InstantOnRemediate.Aws.Sns;
using InstantOnRemediate.Aws.Ssm;
using InstantOnRemediate.Aws.State;
using InstantOnRemediate.Application.Reconcile;
using InstantOnRemediate.Application.Runbook;
using InstantOnRemediate.Application.Shared;

namespace InstantOnRemediate.Application.Composition;

/// <summary>
/// The AWS-calling types (adapters, executors, stores) each function is composed of. <see cref="FunctionFactory"/>
/// must build each function only from the types declared here for it: the IAM role of each function in
/// template.yaml is checked against the <c>[IamAction]</c> declarations of exactly these types
/// (tests/InstantOnRemediate.Lambda.Tests/Deployment/PermissionsTests.cs) — nothing missing, nothing extra. A type
/// that holds another AWS-calling type in a field needs that one declared too (the test says which).
/// Adding a type is one line here plus its statement in template.yaml; an action executor is listed once, in
/// <see cref="ActionExecutorCatalog"/>, and detect and runbook (the functions that carry out actions) take them all.
/// Declare the component that makes the call (e.g. <see cref="InventoryGatherer"/>), not the multi-purpose wire
/// client behind it (<c>EksClient</c> carries every EKS action the service knows).
/// </summary>
internal static class FunctionPermissions
{
    /// <summary>Classify, correlate, plan, act within the policy, alert.</summary>
    public static readonly IReadOnlyList<Type> Detect =
    [
        typeof(InventoryGatherer),
        typeof(Ec2Inventory),
        typeof(NodeProbe),
        typeof(EksPublicReleases),
        typeof(SnsClient),
        .. ActionExecutorCatalog.Types,
        typeof(DynamoDbStateStore),
        typeof(PauseSwitch),
        typeof(PolicyParameter),
        typeof(EventPublisher),
    ];

    /// <summary>
    /// On-call: diagnose (inventory, probe, container log search), plan, apply, status, rollback, pause, resume.
    /// Apply and rollback run every executor but SSM automation (the stack passes no automation role).
    /// </summary>
    public static readonly IReadOnlyList<Type> Runbook =
    [
        typeof(InventoryGatherer),
        typeof(Ec2Inventory),
        typeof(NodeProbe),
        typeof(EksPublicReleases),
        typeof(PodLogSearch),
        typeof(DynamoDbStateStore),
        typeof(PauseSwitch),
        typeof(PauseSwitchControl),
        typeof(SnsClient),
        .. ActionExecutorCatalog.Types,
        typeof(PolicyParameter),
        typeof(EventPublisher),
    ];

    /// <summary>Follow in-flight actions, verify fixes from later restore outcomes, audit every node group, alert.</summary>
    public static readonly IReadOnlyList<Type> Reconcile =
    [
        typeof(InventoryGatherer),
        typeof(Ec2Inventory),
        typeof(NodeProbe),
        typeof(EksPublicReleases),
        typeof(DynamoDbStateStore),
        typeof(ActionFollower),
        typeof(CommandInvocations),
        typeof(MigrationStageOperator),
        typeof(ContainerLogSearch),
        typeof(AlertPublisher),
        typeof(PolicyParameter),
        typeof(EventPublisher),
    ];

    /// <summary>The declaration of the function whose handler is <paramref name="handlerName"/> (see <see cref="HandlerNames"/>).</summary>
    public static IReadOnlyList<Type> For(string handlerName) => handlerName switch
    {
        HandlerNames.Detect => Detect,
        HandlerNames.Runbook => Runbook,
        HandlerNames.Reconcile => Reconcile,
        _ => throw new ArgumentOutOfRangeException(nameof(handlerName), handlerName, "not a handler name"),
    };
}
