namespace InstantOnRemediate.Aws.Eks;

/// <summary>Paging helpers over <see cref="IAmazonEks"/>.</summary>
public static class EksClientExtensions
{
    /// <summary>Pages were requested this many times at most unless the caller says otherwise (100 × 100 node groups).</summary>
    public const int DefaultMaxPages = 100;

    /// <summary>
    /// Every node-group name of <paramref name="clusterName"/>: follows <c>nextToken</c> until it is absent, stops
    /// on a repeated token, and fails if <paramref name="maxPages"/> pages were not enough (a partial list would
    /// look like missing node groups).
    /// </summary>
    public static async Task<IReadOnlyList<string>> ListAllNodegroupsAsync(this IAmazonEks eks, string clusterName, int maxPages = DefaultMaxPages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eks);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPages, 1);
        var names = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? token = null;
        for (var page = 0; page < maxPages; page++)
        {
            var response = await eks.ListNodegroupsAsync(
                new ListNodegroupsRequest { ClusterName = clusterName, MaxResults = 100, NextToken = token },
                cancellationToken).ConfigureAwait(false);
            names.AddRange(response.Nodegroups);
            token = response.NextToken;
            if (string.IsNullOrEmpty(token) || !seen.Add(token))
            {
                return names;
            }
        }

        throw new EksServiceException(EksErrorKind.Other, "PagingLimit", $"ListNodegroups for {clusterName} still had more pages after {maxPages}", 0, null);
    }
}
