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

    /// <summary>The catalog's fix for the cause, when a finding carried one.</summary>
    public string? CatalogFix => Findings.Select(f => f.Fix).FirstOrDefault(f => !string.IsNullOrWhiteSpace(f));

    public IReadOnlyList<string> FindingIds => [.. Findings.Select(f => f.Id)];

    public IReadOnlyList<string> Nodes => [.. Findings.Select(f => f.Node).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
