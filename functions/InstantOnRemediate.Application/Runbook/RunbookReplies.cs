using InstantOnRemediate.Core.Runbook;
using InstantOnRemediate.Application.Handlers;
using InstantOnRemediate.Application.Shared;

namespace InstantOnRemediate.Application.Runbook;

/// <summary>Response building shared by the runbook actions, and the check that a cluster is one the stack looks after.</summary>
internal static class RunbookReplies
{
    public static RunbookResponse Reply(ServiceContext service, RunbookRequest request, string status, string summary, IReadOnlyList<string>? notes = null) => new()
    {
        Action = request.Action,
        Status = status,
        Summary = summary,
        Mode = service.Options.Mode,
        Notes = notes ?? [],
    };

    /// <summary>A rejection when CLUSTERS is set and <paramref name="cluster"/> is not in it (IAM grants nothing else either).</summary>
    public static RunbookResponse? OutsideClusters(ServiceContext service, RunbookRequest request, string? cluster)
    {
        var clusters = service.Settings.Clusters;
        return cluster is null || clusters.Count == 0 || clusters.Contains(cluster)
            ? null
            : Reply(service, request, RunbookStatuses.Rejected, $"cluster {cluster} is not one this stack looks after (CLUSTERS: {string.Join(", ", clusters)})");
    }
}
