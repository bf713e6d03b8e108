namespace InstantOnRemediate.Core.Alerts;

/// <summary>
/// One message for people (subject + body) and machines (string attributes), about one group of failures:
/// the same cause on the same node group of one cluster.
/// </summary>
public sealed record Alert
{
    /// <summary>Group key (cluster/node group/cause): one alert per new group, not per log line.</summary>
    public required string GroupKey { get; init; }

    /// <summary>At most 100 printable ASCII characters, no line breaks (SNS email subject rule).</summary>
    public required string Subject { get; init; }

    public required string Body { get; init; }

    /// <summary>The same facts as string message attributes: cluster, nodegroup, cause, remedy, verdict, planId, severity, pods.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();
}
