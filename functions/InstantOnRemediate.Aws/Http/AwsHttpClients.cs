using System.Net;

namespace InstantOnRemediate.Aws.Http;

/// <summary>One pooled HTTP client per service: bounded connect time, recycled connections (DNS changes), gzip.</summary>
internal static class AwsHttpClients
{
    public static HttpClient Create(AwsSettings settings, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (handler is not null)
        {
            return new HttpClient(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
        }

        var sockets = new SocketsHttpHandler
        {
            ConnectTimeout = settings.ConnectTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(50),
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            MaxConnectionsPerServer = 16,
            UseCookies = false,
        };

        // Attempts are bounded by the channel's per-attempt timeout, which is retried; HttpClient's own would not be.
        return new HttpClient(sockets, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }
}
