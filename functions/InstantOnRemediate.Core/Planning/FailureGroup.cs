using InstantOnRemediate.Core.Classification;
using InstantOnRemediate.Core.State;

namespace InstantOnRemediate.Core.Planning;

/// <summary>The failures of one (cluster, node group, cause) within the threshold window: this batch plus remembered ones.</summary>
internal sealed record FailureGroup
{
    public required RemediationKey Key { get; init; }

    public required string Remedy { get; init; }

    /// <summary>This batch's findings of the key, ordered by id.</summary>
    public required IReadOnlyList<Finding> Findings { get; init; }

    /// <summary>Distinct failures in the window (current + remembered, deduped by finding id).</summary>
    public int Failures { get; init; }

    /// <summary>Distinct pods in the window (a failure with no pod name counts as its own pod).</summary>
    public int Pods { get; init; }

    public DateTimeOffset FirstSeen { get; init; }

    /// <summary>Failures of this batch whose events are older than the window: reported (and called old), not counted for actions.</summary>
    public int OldFailures { get; init; }

    /// <summary>Failures people are told about: the window's plus this batch's old ones.</summary>
    public int AlertFailures => Failures + OldFailures;

    /// <summary>The pods behind the counts (namespace/pod where known), ordered: the alert lists exactly these.</summary>
    public IReadOnlyList<string> PodNames { get; init; } = [];

    /// <summary>One workload (Deployment / StatefulSet) failed more than once: a crash loop or a restart that failed again.</summary>
    public bool RepeatedWorkload { get; init; }

    /// <summary>The node groups of a storm alert that covers many; empty for one group's own key.</summary>
    public IReadOnlyList<string> Nodegroups { get; init; } = [];

    /// <summary>The catalog's fix for the cause, when a finding carried one.</summary>
    public string? CatalogFix => Findings.Select(f => f.Fix).FirstOrDefault(f => !string.IsNullOrWhiteSpace(f));

    public IReadOnlyList<string> FindingIds => [.. Findings.Select(f => f.Id)];

    public IReadOnlyList<string> Nodes => [.. Findings.Select(f => f.Node).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
