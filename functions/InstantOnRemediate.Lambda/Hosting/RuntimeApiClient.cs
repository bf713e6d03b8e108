using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using InstantOnRemediate.Application.Invocation;
using InstantOnRemediate.Application.Json;

namespace InstantOnRemediate.Lambda.Hosting;

/// <summary>
/// Client of the Lambda Runtime API at <c>http://${AWS_LAMBDA_RUNTIME_API}/2018-06-01</c>. <c>next</c> has no
/// client timeout: the sandbox is frozen between invocations and the long poll resumes with it.
/// </summary>
internal sealed class RuntimeApiClient : IDisposable
{
    public const string ApiVersion = "2018-06-01";

    /// <summary>Lambda's longest function timeout; the deadline assumed when the header is missing.</summary>
    private static readonly TimeSpan MaxFunctionTimeout = TimeSpan.FromMinutes(15);

    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json");
    private static readonly MediaTypeHeaderValue ErrorMediaType = new(RuntimeApiHeaders.ErrorContentType);

    private readonly HttpClient http;
    private readonly TimeProvider time;

    /// <param name="runtimeApiAddress">The value of AWS_LAMBDA_RUNTIME_API: <c>host:port</c>.</param>
    /// <param name="time">Clock used only when the deadline header is missing.</param>
    public RuntimeApiClient(string runtimeApiAddress, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        if (string.IsNullOrWhiteSpace(runtimeApiAddress)
            || !Uri.TryCreate($"http://{runtimeApiAddress.Trim()}/{ApiVersion}/", UriKind.Absolute, out var baseAddress)
            || baseAddress.AbsolutePath != $"/{ApiVersion}/")
        {
            throw new ArgumentException($"AWS_LAMBDA_RUNTIME_API must be host:port (got '{runtimeApiAddress}')", nameof(runtimeApiAddress));
        }

        BaseAddress = baseAddress;
        this.time = time;
        http = new HttpClient(new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            UseCookies = false,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public Uri BaseAddress { get; }

    /// <summary>Waits (without a timeout) for the next event. Any failure is a <see cref="RuntimeApiException"/>.</summary>
    public async Task<RuntimeInvocation> GetNextInvocationAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(BaseAddress, "runtime/invocation/next"));
        using var response = await SendAsync(request, "next", cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new RuntimeApiException($"Runtime API answered {(int)response.StatusCode} to invocation/next");
        }

        var requestId = Header(response, RuntimeApiHeaders.RequestId);
        if (string.IsNullOrEmpty(requestId))
        {
            throw new RuntimeApiException($"Runtime API gave an event without {RuntimeApiHeaders.RequestId}");
        }

        var deadline = long.TryParse(Header(response, RuntimeApiHeaders.DeadlineMs), NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : time.GetUtcNow() + MaxFunctionTimeout;
        byte[] payload;
        try
        {
            payload = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new RuntimeApiException("Runtime API connection failed while reading the event", e);
        }

        return new RuntimeInvocation(
            requestId,
            deadline,
            Header(response, RuntimeApiHeaders.InvokedFunctionArn),
            Header(response, RuntimeApiHeaders.TraceId),
            payload);
    }

    public async Task<PostOutcome> PostResponseAsync(string requestId, byte[] body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, InvocationUri(requestId, "response"));
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = JsonMediaType;
        using var response = await SendAsync(request, "response", cancellationToken).ConfigureAwait(false);
        return Outcome(response, "response");
    }

    public async Task<PostOutcome> PostErrorAsync(string requestId, RuntimeError error, CancellationToken cancellationToken)
    {
        using var request = ErrorRequest(InvocationUri(requestId, "error"), error);
        using var response = await SendAsync(request, "error", cancellationToken).ConfigureAwait(false);
        return Outcome(response, "error");
    }

    public async Task<PostOutcome> PostInitErrorAsync(RuntimeError error, CancellationToken cancellationToken)
    {
        using var request = ErrorRequest(new Uri(BaseAddress, "runtime/init/error"), error);
        using var response = await SendAsync(request, "init/error", cancellationToken).ConfigureAwait(false);
        return Outcome(response, "init/error");
    }

    public void Dispose() => http.Dispose();

    private static HttpRequestMessage ErrorRequest(Uri uri, RuntimeError error)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, uri);
        request.Headers.TryAddWithoutValidation(RuntimeApiHeaders.FunctionErrorType, error.HeaderErrorType());
        request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(error, LambdaJsonContext.Default.RuntimeError));
        request.Content.Headers.ContentType = ErrorMediaType;
        return request;
    }

    private static PostOutcome Outcome(HttpResponseMessage response, string what)
    {
        var status = (int)response.StatusCode;
        return status switch
        {
            >= 200 and < 300 => PostOutcome.Accepted,
            413 => PostOutcome.PayloadTooLarge,
            >= 400 and < 500 => PostOutcome.Rejected,
            _ => throw new RuntimeApiException($"Runtime API answered {status} to {what}"),
        };
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private Uri InvocationUri(string requestId, string leaf) =>
        new(BaseAddress, $"runtime/invocation/{Uri.EscapeDataString(requestId)}/{leaf}");

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string what, CancellationToken cancellationToken)
    {
        try
        {
            return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new RuntimeApiException($"Runtime API connection failed on {what}: {e.Message}", e);
        }
    }
}
