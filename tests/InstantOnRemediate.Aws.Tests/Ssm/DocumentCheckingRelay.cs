using System.Text.Json;
using Amazon.Runtime;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Aws.Tests.Ssm;

/// <summary>
/// moto_server runs SendCommand for any document name, deployed or not. This loopback relay (a <see cref="FaultProxy"/>)
/// sits in front of it and does what SSM does first: for each SendCommand it asks moto's DescribeDocument about the
/// DocumentName and, when the document does not exist, answers InvalidDocument itself without forwarding. Every other
/// request passes through and is recorded, so the tests can validate what the product sent against botocore.
/// </summary>
internal sealed class DocumentCheckingRelay : IAsyncDisposable
{
    public const string InvalidDocumentBody = """{"__type":"InvalidDocument","Message":"The specified document does not exist."}""";

    private readonly AmazonSimpleSystemsManagementClient direct;

    public DocumentCheckingRelay(MotoServer moto)
    {
        TestEnvironment.ApplyStaticCredentials();
        direct = Client(moto.Endpoint);
        Proxy = new FaultProxy(moto.Endpoint);
        Proxy.Inject(
            request => ProxiedRequest.OperationOf(request) == "SendCommand" && !Exists(DocumentNameOf(request)),
            new InstantOnRemediate.Testing.Fault { Name = "invalid-document", Status = 400, ContentType = "application/x-amz-json-1.1", Body = InvalidDocumentBody },
            times: int.MaxValue);
    }

    public FaultProxy Proxy { get; }

    /// <summary>An SDK client whose requests go through the relay.</summary>
    public AmazonSimpleSystemsManagementClient CreateClient() => Client(Proxy.Endpoint);

    /// <summary>The documents SendCommand named, in order, whether the relay let them through or not.</summary>
    public IReadOnlyList<(string Document, bool Forwarded)> SendCommands =>
        [.. Proxy.Requests.Where(r => r.Operation == "SendCommand").Select(r => (DocumentNameOf(r.Request), r.Forwarded))];

    public async ValueTask DisposeAsync()
    {
        direct.Dispose();
        await Proxy.DisposeAsync();
    }

    private static string DocumentNameOf(CapturedRequest request)
    {
        using var body = JsonDocument.Parse(request.Body);
        return body.RootElement.TryGetProperty("DocumentName", out var name) ? name.GetString() ?? "" : "";
    }

    private bool Exists(string document)
    {
        try
        {
            direct.DescribeDocumentAsync(new DescribeDocumentRequest { Name = document }).GetAwaiter().GetResult();
            return true;
        }
        catch (InvalidDocumentException)
        {
            return false;
        }
    }

    private static AmazonSimpleSystemsManagementClient Client(Uri endpoint) =>
        new(new BasicAWSCredentials(MotoServer.AccessKey, MotoServer.SecretKey),
            new AmazonSimpleSystemsManagementConfig { ServiceURL = endpoint.ToString(), AuthenticationRegion = MotoServer.Region, MaxErrorRetry = 0 });
}
