using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Amazon.Runtime;

namespace InstantOnRemediate.Aws.Tests.Inventory;

/// <summary>
/// Sits between a client and moto_server: counts every request by operation (EC2 query Action, JSON X-Amz-Target,
/// EKS REST route) and can answer or rewrite chosen operations with AWS-shaped responses (fault injection).
/// </summary>
internal sealed class RecordingHandler : DelegatingHandler
{
    private readonly ConcurrentDictionary<string, int> calls = new(StringComparer.Ordinal);

    public RecordingHandler()
        : base(new HttpClientHandler())
    {
    }

    /// <summary>Return a response to short-circuit moto, or null to pass through.</summary>
    public Func<string, HttpResponseMessage?>? Intercept { get; set; }

    /// <summary>Rewrite moto's response body for an operation.</summary>
    public Func<string, string, string>? Rewrite { get; set; }

    public int Count(string operation) => calls.GetValueOrDefault(operation);

    public int Total => calls.Values.Sum();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var operation = await OperationAsync(request).ConfigureAwait(false);
        calls.AddOrUpdate(operation, 1, (_, n) => n + 1);
        if (Intercept?.Invoke(operation) is { } canned)
        {
            return canned;
        }

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (Rewrite is not null && response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var rewritten = Rewrite(operation, body);
            if (!ReferenceEquals(rewritten, body))
            {
                var contentType = response.Content.Headers.ContentType;
                response.Content = new StringContent(rewritten, Encoding.UTF8);
                response.Content.Headers.ContentType = contentType;
            }
        }

        return response;
    }

    public static HttpResponseMessage JsonError(string code, string message) => new(HttpStatusCode.BadRequest)
    {
        Content = new StringContent($"{{\"__type\":\"{code}\",\"message\":\"{message}\"}}", Encoding.UTF8, "application/x-amz-json-1.1"),
    };

    private static async Task<string> OperationAsync(HttpRequestMessage request)
    {
        if (request.Headers.TryGetValues("X-Amz-Target", out var targets))
        {
            var target = targets.First();
            return target[(target.IndexOf('.', StringComparison.Ordinal) + 1)..];
        }

        if (request.Content is not null)
        {
            var body = await request.Content.ReadAsStringAsync().ConfigureAwait(false);
            foreach (var pair in body.Split('&'))
            {
                if (pair.StartsWith("Action=", StringComparison.Ordinal))
                {
                    return pair["Action=".Length..];
                }
            }
        }

        return EksOperation(request.Method, request.RequestUri?.AbsolutePath ?? "") ?? request.Method + " " + request.RequestUri?.AbsolutePath;
    }

    /// <summary>The EKS REST routes the inventory and its fixtures use (model eks/2017-11-01).</summary>
    private static string? EksOperation(HttpMethod method, string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments is not ["clusters", ..])
        {
            return null;
        }

        return (method.Method, segments.Length) switch
        {
            ("POST", 1) => "CreateCluster",
            ("GET", 2) => "DescribeCluster",
            ("GET", 3) when segments[2] == "node-groups" => "ListNodegroups",
            ("POST", 3) when segments[2] == "node-groups" => "CreateNodegroup",
            ("GET", 4) when segments[2] == "node-groups" => "DescribeNodegroup",
            _ => null,
        };
    }
}

/// <summary>Hands the SDK an HttpClient over one <see cref="RecordingHandler"/>.</summary>
internal sealed class RecordingHttpClientFactory(RecordingHandler handler) : HttpClientFactory
{
    public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(handler, disposeHandler: false);

    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

    public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => false;
}
