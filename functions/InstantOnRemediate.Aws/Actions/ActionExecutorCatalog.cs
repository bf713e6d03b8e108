using InstantOnRemediate.Aws.Http;
using InstantOnRemediate.Core.Policy;

namespace InstantOnRemediate.Aws.Actions;

/// <summary>
/// Every executor the service has, and how each is built from the AWS clients: the one list a new action kind's
/// executor is added to (docs/action-kinds.md). The functions that carry out actions (detect, runbook) are composed
/// of <see cref="Types"/>, so the IAM proof of their roles covers every executor listed here.
/// </summary>
public static class ActionExecutorCatalog
{
    private static readonly IReadOnlyList<Entry> Entries =
    [
        Of((clients, _) => new NotifyExecutor(clients.Sns)),
        Of((clients, _) => new EksLabelNodegroupExecutor(clients.Eks)),
        Of((clients, _) => new EksTaintNodegroupExecutor(clients.Eks)),
        Of((clients, _) => new EksUpdateNodegroupVersionExecutor(clients.Eks)),
        Of((clients, _) => new EksCreateNodegroupExecutor(clients.Eks)),
        Of((clients, _) => new EksMigrateNodegroupExecutor(clients.Eks)),
        Of((clients, policy) => new SsmRunCommandExecutor(clients.Ssm, policy)),
    ];

    /// <summary>The executor types, in catalog order: what a function that carries out actions is composed of.</summary>
    public static IReadOnlyList<Type> Types { get; } = [.. Entries.Select(e => e.Type)];

    public static IReadOnlyList<IActionExecutor> Create(AwsClientFactory clients, PolicySet policy)
    {
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentNullException.ThrowIfNull(policy);
        return [.. Entries.Select(e => e.Create(clients, policy))];
    }

    private static Entry Of<TExecutor>(Func<AwsClientFactory, PolicySet, TExecutor> create)
        where TExecutor : IActionExecutor => new(typeof(TExecutor), (clients, policy) => create(clients, policy));

    private sealed record Entry(Type Type, Func<AwsClientFactory, PolicySet, IActionExecutor> Create);
}
