using System.Collections.Concurrent;
using InstantOnRemediate.Aws.Eks;

namespace InstantOnRemediate.Aws.Tests.Inventory;

/// <summary>
/// EKS over a table of node groups, for the gatherer tests until the hand-written SigV4 EKS client lands (then these
/// tests move to moto_server's EKS through it). Honours maxResults/nextToken paging and counts calls.
/// </summary>
internal sealed class TableEks(string cluster, IReadOnlyList<Nodegroup> nodegroups) : IAmazonEks
{
    private readonly ConcurrentDictionary<string, int> calls = new(StringComparer.Ordinal);

    public int Count(string operation) => calls.GetValueOrDefault(operation);

    public Task<ListNodegroupsResponse> ListNodegroupsAsync(ListNodegroupsRequest request, CancellationToken cancellationToken = default)
    {
        calls.AddOrUpdate("ListNodegroups", 1, (_, n) => n + 1);
        if (request.ClusterName != cluster)
        {
            throw new EksServiceException(EksErrorKind.NotFound, "ResourceNotFoundException", $"No cluster found for name: {request.ClusterName}.", 404, null);
        }

        var start = request.NextToken is null ? 0 : int.Parse(request.NextToken, System.Globalization.CultureInfo.InvariantCulture);
        var size = request.MaxResults ?? 100;
        var page = nodegroups.Skip(start).Take(size).Select(n => n.NodegroupName!).ToList();
        var next = start + size < nodegroups.Count ? (start + size).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        return Task.FromResult(new ListNodegroupsResponse { Nodegroups = page, NextToken = next });
    }

    public Task<DescribeNodegroupResponse> DescribeNodegroupAsync(DescribeNodegroupRequest request, CancellationToken cancellationToken = default)
    {
        calls.AddOrUpdate("DescribeNodegroup", 1, (_, n) => n + 1);
        var ng = nodegroups.FirstOrDefault(n => n.NodegroupName == request.NodegroupName)
            ?? throw new EksServiceException(EksErrorKind.NotFound, "ResourceNotFoundException", $"No node group found for name: {request.NodegroupName}.", 404, null);
        return Task.FromResult(new DescribeNodegroupResponse { Nodegroup = ng });
    }

    public Task<DescribeClusterResponse> DescribeClusterAsync(DescribeClusterRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<UpdateNodegroupConfigResponse> UpdateNodegroupConfigAsync(UpdateNodegroupConfigRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<UpdateNodegroupVersionResponse> UpdateNodegroupVersionAsync(UpdateNodegroupVersionRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<CreateNodegroupResponse> CreateNodegroupAsync(CreateNodegroupRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<DeleteNodegroupResponse> DeleteNodegroupAsync(DeleteNodegroupRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<DescribeUpdateResponse> DescribeUpdateAsync(DescribeUpdateRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<ListUpdatesResponse> ListUpdatesAsync(ListUpdatesRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();
}
