using InstantOnRemediate.Aws.Http;
using InstantOnRemediate.Core.Security;

namespace InstantOnRemediate.Aws.Ec2;

/// <summary>
/// DescribeInstances and DescribeImages over the EC2 Query protocol (model ec2/2016-11-15): a form-encoded POST to
/// <c>/</c>, an XML answer read forward-only into the few members the inventory uses. SigV4-signed, retried on
/// throttling (<c>RequestLimitExceeded</c>) and 5xx by the channel; failures surface as
/// <see cref="AwsServiceException"/>.
/// </summary>
internal sealed class Ec2Client : IAmazonEc2
{
    private readonly AwsServiceChannel channel;

    public Ec2Client(AwsServiceChannel channel)
    {
        this.channel = channel;
    }

    [IamAction("ec2:DescribeInstances")]
    public async Task<DescribeInstancesResponse> DescribeInstancesAsync(DescribeInstancesRequest request, CancellationToken cancellationToken = default)
    {
        var response = await SendAsync("DescribeInstances", Ec2QueryForm.DescribeInstances(request), cancellationToken).ConfigureAwait(false);
        return Ec2ResponseReader.ReadInstances(response.Body);
    }

    [IamAction("ec2:DescribeImages")]
    public async Task<DescribeImagesResponse> DescribeImagesAsync(DescribeImagesRequest request, CancellationToken cancellationToken = default)
    {
        var response = await SendAsync("DescribeImages", Ec2QueryForm.DescribeImages(request), cancellationToken).ConfigureAwait(false);
        return Ec2ResponseReader.ReadImages(response.Body);
    }

    private Task<AwsHttpResponse> SendAsync(string action, byte[] form, CancellationToken cancellationToken) =>
        channel.SendAsync(new AwsHttpRequest(HttpMethod.Post, "/") { Operation = action, Body = form, ContentType = Ec2QueryForm.ContentType }, cancellationToken);
}
