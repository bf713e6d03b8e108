using System.Net.Http.Headers;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;

namespace InstantOnRemediate.Aws.Http;

/// <summary>
/// Sends one service's calls: signs each attempt with SigV4 (service scope, region, payload hash, session token)
/// through AWSSDK.Core's public signer, bounds each attempt with a timeout, and retries throttling and transient
/// failures with full-jitter backoff. Anything else comes back at once as an <see cref="AwsServiceException"/>.
/// </summary>
internal sealed class AwsServiceChannel
{
    private const int MaxResponseBytes = 32 * 1024 * 1024;

    private readonly AwsService service;
    private readonly Uri endpoint;
    private readonly RegionEndpoint region;
    private readonly Func<AWSCredentials> credentials;
    private readonly HttpClient http;
    private readonly AwsChannelOptions options;
    private readonly IAwsErrorReader errors;

    public AwsServiceChannel(AwsService service, Uri endpoint, string region, Func<AWSCredentials> credentials, HttpClient http, AwsChannelOptions options, IAwsErrorReader errors)
    {
        this.service = service;
        this.endpoint = endpoint;
        this.region = RegionEndpoint.GetBySystemName(region);
        this.credentials = credentials;
        this.http = http;
        this.options = options;
        this.errors = errors;
    }

    public Uri Endpoint => endpoint;

    /// <summary>Sends <paramref name="request"/> until it succeeds or fails for good; returns the 2xx response.</summary>
    public async Task<AwsHttpResponse> SendAsync(AwsHttpRequest request, CancellationToken cancellationToken)
    {
        var retry = options.Retry;
        for (var attempt = 1; ; attempt++)
        {
            AwsHttpResponse? response = null;
            Exception? transportFailure = null;
            string transportCode = "ConnectionFailure";
            try
            {
                response = await SendOnceAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                transportFailure = e;
                transportCode = "RequestTimeout";
            }
            catch (HttpRequestException e)
            {
                transportFailure = e;
            }
            catch (IOException e)
            {
                transportFailure = e;
            }

            if (response is { IsSuccess: true })
            {
                return response;
            }

            AwsServiceException failure;
            bool retryable;
            if (response is null)
            {
                var detail = transportCode == "RequestTimeout"
                    ? $"no response within {options.AttemptTimeout.TotalSeconds:0.###} s"
                    : transportFailure!.Message;
                failure = new AwsServiceException(service.SigningName, request.Operation, transportCode, detail, 0, null, attempt, transportFailure);
                retryable = true;
            }
            else
            {
                var error = errors.Read(response);
                failure = new AwsServiceException(service.SigningName, request.Operation, error.Code, error.Message, response.StatusCode, error.RequestId ?? response.RequestId, attempt);
                retryable = AwsRetryClassifier.IsRetryable(response.StatusCode, error.Code);
            }

            if (!retryable || attempt >= retry.MaxAttempts)
            {
                throw failure;
            }

            var delay = retry.DelayAfter(attempt, options.Jitter.Next());
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, options.Time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<AwsHttpResponse> SendOnceAsync(AwsHttpRequest request, CancellationToken cancellationToken)
    {
        var uri = new Uri(endpoint.GetLeftPart(UriPartial.Path).TrimEnd('/') + request.PathAndQuery);
        using var message = new HttpRequestMessage(request.Method, uri);
        var signing = new AWSSigningRequest { HttpMethod = request.Method, RequestUri = uri, Content = request.Body ?? [] };
        foreach (var (name, value) in request.Headers)
        {
            signing.Headers[name] = value;
            message.Headers.TryAddWithoutValidation(name, value);
        }

        if (request.Body is not null)
        {
            message.Content = new ByteArrayContent(request.Body);
            if (request.ContentType is not null)
            {
                signing.Headers["Content-Type"] = request.ContentType;
                message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
            }
        }

        var parameters = new AWSSigV4Parameters
        {
            Credentials = credentials(),
            Region = region,
            Service = service.SigningName,
            SignedAt = options.Time.GetUtcNow().UtcDateTime,
        };
        var signed = await AWSSigV4Signer.SignAsync(signing, parameters, cancellationToken).ConfigureAwait(false);
        foreach (var (name, value) in signed.Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        message.Headers.UserAgent.Add(UserAgent);

        using var timeout = new CancellationTokenSource(options.AttemptTimeout, options.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
        var body = await ReadBoundedAsync(response.Content, linked.Token).ConfigureAwait(false);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers.Concat(response.Content.Headers))
        {
            headers[header.Key] = string.Join(",", header.Value);
        }

        return new AwsHttpResponse((int)response.StatusCode, headers, body);
    }

    private static readonly ProductInfoHeaderValue UserAgent = new("instanton-remediate", "1.0");

    private static async Task<byte[]> ReadBoundedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength is > MaxResponseBytes)
        {
            throw new HttpRequestException($"response body of {content.Headers.ContentLength} bytes exceeds {MaxResponseBytes}");
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxResponseBytes)
            {
                throw new HttpRequestException($"response body exceeds {MaxResponseBytes} bytes");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
