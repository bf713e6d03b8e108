using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Amazon.Runtime;

namespace InstantOnRemediate.Aws.Tests.Inventory;

/// <summary>
/// Sits between an SDK client and moto_server: counts every request by operation (EC2 query Action, JSON X-Amz-Target)
/// and can answer or rewrite chosen operations with AWS-shaped responses (fault injection).
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

        return request.Method + " " + request.RequestUri?.AbsolutePath;
    }
}

/// <summary>Hands the SDK an HttpClient over one <see cref="RecordingHandler"/>.</summary>
internal sealed class RecordingHttpClientFactory(RecordingHandler handler) : HttpClientFactory
{
    public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(handler, disposeHandler: false);

    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

    public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => false;
}
