using InstantOnRemediate.Aws.Http;
using InstantOnRemediate.Core.Policy;

namespace InstantOnRemediate.Aws.Actions;

/// <summary>
/// Every executor the service has, built from the AWS clients: the one list a new action kind's executor is added
/// to (docs/action-kinds.md). Which of them a function may build is FunctionPermissions' business.
/// </summary>
public static class ActionExecutorCatalog
{
    public static IReadOnlyList<IActionExecutor> Create(AwsClientFactory clients, PolicySet policy)
    {
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentNullException.ThrowIfNull(policy);
        List<IActionExecutor> all =
        [
            new NotifyExecutor(clients.Sns),
            new EksLabelNodegroupExecutor(clients.Eks),
            new EksTaintNodegroupExecutor(clients.Eks),
            new EksUpdateNodegroupVersionExecutor(clients.Eks),
            new EksCreateNodegroupExecutor(clients.Eks),
            new EksMigrateNodegroupExecutor(clients.Eks),
            new SsmRunCommandExecutor(clients.Ssm, policy),
        ];

        return all;
    }
}
