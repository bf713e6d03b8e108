using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using InstantOnRemediate.Aws.Eks.Wire;
using InstantOnRemediate.Aws.Http;
using InstantOnRemediate.Aws.Json;
using InstantOnRemediate.Core.Security;

namespace InstantOnRemediate.Aws.Eks;

/// <summary>
/// The EKS node-group operations over REST-JSON (model eks/2017-11-01), SigV4-signed, retried on throttling and
/// transient failures. Mutations carry a <c>clientRequestToken</c>: the caller's, or one fresh GUID for all
/// attempts of the call. Failures surface as <see cref="EksServiceException"/>.
/// </summary>
internal sealed class EksClient : IAmazonEks
{
    private const string JsonContentType = "application/json";

    private readonly AwsServiceChannel channel;

    public EksClient(AwsServiceChannel channel)
    {
        this.channel = channel;
    }

    [IamAction("eks:ListNodegroups", Resource = "cluster")]
    public Task<ListNodegroupsResponse> ListNodegroupsAsync(ListNodegroupsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.MaxResults is < 1 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.MaxResults, "maxResults must be 1..100");
        }

        var query = new AwsQueryString().Add("maxResults", request.MaxResults).Add("nextToken", request.NextToken);
        return GetAsync("ListNodegroups", $"/clusters/{AwsQueryString.Label(request.ClusterName)}/node-groups{query}", AwsJsonContext.Default.ListNodegroupsResponse, cancellationToken);
    }

    [IamAction("eks:DescribeNodegroup", Resource = "nodegroup")]
    public Task<DescribeNodegroupResponse> DescribeNodegroupAsync(DescribeNodegroupRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return GetAsync("DescribeNodegroup", NodegroupPath(request.ClusterName, request.NodegroupName), AwsJsonContext.Default.DescribeNodegroupResponse, cancellationToken);
    }

    [IamAction("eks:DescribeCluster", Resource = "cluster")]
    public Task<DescribeClusterResponse> DescribeClusterAsync(DescribeClusterRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return GetAsync("DescribeCluster", $"/clusters/{AwsQueryString.Label(request.Name)}", AwsJsonContext.Default.DescribeClusterResponse, cancellationToken);
    }

    [IamAction("eks:UpdateNodegroupConfig", Resource = "nodegroup")]
    public Task<UpdateNodegroupConfigResponse> UpdateNodegroupConfigAsync(UpdateNodegroupConfigRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        TaintEffects.Validate(request.Taints?.AddOrUpdateTaints, "taints.addOrUpdateTaints");
        TaintEffects.Validate(request.Taints?.RemoveTaints, "taints.removeTaints");
        var body = new UpdateNodegroupConfigBody(request.Labels, request.Taints, request.ScalingConfig, request.UpdateConfig, Token(request.ClientRequestToken));
        return PostAsync(
            "UpdateNodegroupConfig",
            NodegroupPath(request.ClusterName, request.NodegroupName) + "/update-config",
            JsonSerializer.SerializeToUtf8Bytes(body, AwsJsonContext.Default.UpdateNodegroupConfigBody),
            AwsJsonContext.Default.UpdateNodegroupConfigResponse,
            cancellationToken);
    }

    [IamAction("eks:UpdateNodegroupVersion", Resource = "nodegroup")]
    public Task<UpdateNodegroupVersionResponse> UpdateNodegroupVersionAsync(UpdateNodegroupVersionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = new UpdateNodegroupVersionBody(request.Version, request.ReleaseVersion, request.LaunchTemplate, request.Force, Token(request.ClientRequestToken));
        return PostAsync(
            "UpdateNodegroupVersion",
            NodegroupPath(request.ClusterName, request.NodegroupName) + "/update-version",
            JsonSerializer.SerializeToUtf8Bytes(body, AwsJsonContext.Default.UpdateNodegroupVersionBody),
            AwsJsonContext.Default.UpdateNodegroupVersionResponse,
            cancellationToken);
    }

    [IamAction("eks:CreateNodegroup", Resource = "cluster")]
    [IamAction("eks:TagResource", Resource = "nodegroup")] // the request tags the new node group
    [IamAction("iam:PassRole", Resource = "node-role")]     // its node role, passed to EKS
    public Task<CreateNodegroupResponse> CreateNodegroupAsync(CreateNodegroupRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        TaintEffects.Validate(request.Taints, "taints");
        var body = CreateNodegroupBody.From(request, Token(request.ClientRequestToken));
        return PostAsync(
            "CreateNodegroup",
            $"/clusters/{AwsQueryString.Label(request.ClusterName)}/node-groups",
            JsonSerializer.SerializeToUtf8Bytes(body, AwsJsonContext.Default.CreateNodegroupBody),
            AwsJsonContext.Default.CreateNodegroupResponse,
            cancellationToken);
    }

    [IamAction("eks:DeleteNodegroup", Resource = "nodegroup")]
    public Task<DeleteNodegroupResponse> DeleteNodegroupAsync(DeleteNodegroupRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync(
            new AwsHttpRequest(HttpMethod.Delete, NodegroupPath(request.ClusterName, request.NodegroupName)) { Operation = "DeleteNodegroup" },
            AwsJsonContext.Default.DeleteNodegroupResponse,
            cancellationToken);
    }

    [IamAction("eks:DescribeUpdate", Resource = "nodegroup")]
    public Task<DescribeUpdateResponse> DescribeUpdateAsync(DescribeUpdateRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = new AwsQueryString().Add("nodegroupName", request.NodegroupName);
        return GetAsync(
            "DescribeUpdate",
            $"/clusters/{AwsQueryString.Label(request.Name)}/updates/{AwsQueryString.Label(request.UpdateId)}{query}",
            AwsJsonContext.Default.DescribeUpdateResponse,
            cancellationToken);
    }

    [IamAction("eks:ListUpdates", Resource = "nodegroup")]
    public Task<ListUpdatesResponse> ListUpdatesAsync(ListUpdatesRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.MaxResults is < 1 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.MaxResults, "maxResults must be 1..100");
        }

        var query = new AwsQueryString()
            .Add("nodegroupName", request.NodegroupName)
            .Add("nextToken", request.NextToken)
            .Add("maxResults", request.MaxResults);
        return GetAsync("ListUpdates", $"/clusters/{AwsQueryString.Label(request.Name)}/updates{query}", AwsJsonContext.Default.ListUpdatesResponse, cancellationToken);
    }

    private static string NodegroupPath(string cluster, string nodegroup) =>
        $"/clusters/{AwsQueryString.Label(cluster)}/node-groups/{AwsQueryString.Label(nodegroup)}";

    private static string Token(string? callerToken) =>
        string.IsNullOrWhiteSpace(callerToken) ? Guid.NewGuid().ToString("D", CultureInfo.InvariantCulture) : callerToken;

    private Task<T> GetAsync<T>(string operation, string pathAndQuery, JsonTypeInfo<T> output, CancellationToken cancellationToken) =>
        SendAsync(new AwsHttpRequest(HttpMethod.Get, pathAndQuery) { Operation = operation }, output, cancellationToken);

    private Task<T> PostAsync<T>(string operation, string path, byte[] body, JsonTypeInfo<T> output, CancellationToken cancellationToken) =>
        SendAsync(new AwsHttpRequest(HttpMethod.Post, path) { Operation = operation, Body = body, ContentType = JsonContentType }, output, cancellationToken);

    private async Task<T> SendAsync<T>(AwsHttpRequest request, JsonTypeInfo<T> output, CancellationToken cancellationToken)
    {
        AwsHttpResponse response;
        try
        {
            response = await channel.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException failure)
        {
            throw EksErrorMapper.Map(failure);
        }

        try
        {
            return JsonSerializer.Deserialize(response.Body, output)
                ?? throw new EksServiceException(EksErrorKind.Other, "EmptyResponse", $"EKS {request.Operation} returned an empty body", response.StatusCode, response.RequestId);
        }
        catch (JsonException e)
        {
            throw new EksServiceException(EksErrorKind.Other, "MalformedResponse", $"EKS {request.Operation} returned unreadable JSON: {e.Message}", response.StatusCode, response.RequestId, e);
        }
    }
}
