namespace InstantOnRemediate.Core.Policy;

/// <summary>An account policy and the effective policy of each cluster that overrides it, all validated.</summary>
public sealed class PolicySet
{
    private readonly IReadOnlyDictionary<string, RemediationPolicy> clusters;

    public PolicySet(RemediationPolicy account, IReadOnlyDictionary<string, RemediationPolicy>? clusters = null)
    {
        Account = account;
        this.clusters = clusters ?? new Dictionary<string, RemediationPolicy>(StringComparer.Ordinal);
    }

    public RemediationPolicy Account { get; }

    public IEnumerable<string> OverriddenClusters => clusters.Keys.Order(StringComparer.Ordinal);

    /// <summary>The effective policy of a cluster: the account policy with that cluster's overrides merged in.</summary>
    public RemediationPolicy For(string? cluster) =>
        cluster is not null && clusters.TryGetValue(cluster, out var policy) ? policy : Account;

    /// <summary>The same policies with every mode capped at <paramref name="mode"/> (the CLI's --mode).</summary>
    public PolicySet WithModeCap(string? mode)
    {
        if (mode is null)
        {
            return this;
        }

        return new PolicySet(
            Cap(Account, mode),
            clusters.ToDictionary(c => c.Key, c => Cap(c.Value, mode), StringComparer.Ordinal));
    }

    /// <summary>
    /// Applies the deployment's switches: <paramref name="mode"/> becomes the account mode (cluster overrides can only
    /// lower it; per-action modes still cap each action kind), and the topic and pause parameter, when given,
    /// replace the document's.
    /// </summary>
    public PolicySet WithDeployment(string mode, string? topicArn, string? pauseParameter)
    {
        RemediationPolicy Apply(RemediationPolicy p, string m) => p with
        {
            Mode = m,
            Notifications = topicArn is null ? p.Notifications : p.Notifications with { TopicArn = topicArn },
            Pause = pauseParameter is null ? p.Pause : p.Pause with { ParameterName = pauseParameter },
        };

        return new PolicySet(
            Apply(Account, mode),
            clusters.ToDictionary(c => c.Key, c => Apply(c.Value, ModeOrder.Min(c.Value.Mode, mode)), StringComparer.Ordinal));
    }

    /// <summary>
    /// The same policies with the stack's SSM documents resolved to their deployed names (see
    /// <see cref="StackDocumentResolver"/>); throws <see cref="PolicyException"/> when a referenced document was not deployed.
    /// </summary>
    public PolicySet WithStackDocuments(StackDocumentNames names) => StackDocumentResolver.Resolve(this, names);

    private static RemediationPolicy Cap(RemediationPolicy policy, string mode) =>
        policy with { Mode = ModeOrder.Min(policy.Mode, mode) };
}
