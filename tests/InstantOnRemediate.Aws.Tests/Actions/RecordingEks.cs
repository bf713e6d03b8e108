using InstantOnRemediate.Aws.Eks;

namespace InstantOnRemediate.Aws.Tests.Actions;

/// <summary>
/// Request-level EKS double: records every request the executors build and answers like EKS (or throws the
/// configured EksServiceException). Used until the hand-written SigV4 client lands; moto_server lacks
/// UpdateNodegroupVersion, so version updates would need this level anyway.
/// </summary>
internal sealed class RecordingEks : IAmazonEks
{
    public List<object> Requests { get; } = [];

    public EksServiceException? Failure { get; set; }

    public Nodegroup Described { get; set; } = new() { NodegroupName = "ng-al2", AmiType = "AL2_x86_64", ReleaseVersion = "1.31.14-20251209" };

    public Task<ListNodegroupsResponse> ListNodegroupsAsync(ListNodegroupsRequest request, CancellationToken cancellationToken = default) => Answer(request, new ListNodegroupsResponse());

    public Task<DescribeNodegroupResponse> DescribeNodegroupAsync(DescribeNodegroupRequest request, CancellationToken cancellationToken = default) =>
        Answer(request, new DescribeNodegroupResponse { Nodegroup = Described });

    public Task<DescribeClusterResponse> DescribeClusterAsync(DescribeClusterRequest request, CancellationToken cancellationToken = default) => Answer(request, new DescribeClusterResponse());

    public Task<UpdateNodegroupConfigResponse> UpdateNodegroupConfigAsync(UpdateNodegroupConfigRequest request, CancellationToken cancellationToken = default) =>
        Answer(request, new UpdateNodegroupConfigResponse { Update = new Update { Id = "upd-config-1", Status = "InProgress", Type = "ConfigUpdate" } });

    public Task<UpdateNodegroupVersionResponse> UpdateNodegroupVersionAsync(UpdateNodegroupVersionRequest request, CancellationToken cancellationToken = default) =>
        Answer(request, new UpdateNodegroupVersionResponse { Update = new Update { Id = "upd-version-1", Status = "InProgress", Type = "VersionUpdate" } });

    public Task<CreateNodegroupResponse> CreateNodegroupAsync(CreateNodegroupRequest request, CancellationToken cancellationToken = default) =>
        Answer(request, new CreateNodegroupResponse { Nodegroup = new Nodegroup { NodegroupName = request.NodegroupName, Status = "CREATING" } });

    public Task<DeleteNodegroupResponse> DeleteNodegroupAsync(DeleteNodegroupRequest request, CancellationToken cancellationToken = default) =>
        Answer(request, new DeleteNodegroupResponse { Nodegroup = new Nodegroup { NodegroupName = request.NodegroupName, Status = "DELETING" } });

    public Task<DescribeUpdateResponse> DescribeUpdateAsync(DescribeUpdateRequest request, CancellationToken cancellationToken = default) => Answer(request, new DescribeUpdateResponse());

    public Task<ListUpdatesResponse> ListUpdatesAsync(ListUpdatesRequest request, CancellationToken cancellationToken = default) => Answer(request, new ListUpdatesResponse());

    public T Single<T>() => Assert.Single(Requests.OfType<T>());

    private Task<T> Answer<T>(object request, T response)
    {
        Requests.Add(request);
        return Failure is { } failure && request is not DescribeNodegroupRequest ? Task.FromException<T>(failure) : Task.FromResult(response);
    }
}
