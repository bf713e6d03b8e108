using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace InstantOnRemediate.Testing;

/// <summary>
/// A fault-injecting HTTP/1.1 proxy on 127.0.0.1 in front of a real service (moto_server): every request is recorded
/// (<see cref="Requests"/>) and forwarded unless a rule added with <see cref="Inject"/> matches it, in which case the
/// rule's <see cref="Fault"/> is applied — throttling, 5xx, a slow answer beyond the client's timeout, a connection
/// reset, EKS's ResourceInUse, a scripted page, or a response lost after the service carried the request out. Rules
/// apply a set number of times, so "fails twice, then works" is one line. Point AWS_ENDPOINT_URL at
/// <see cref="Endpoint"/>. One request per connection; bodies up to 8 MiB; at most <see cref="MaxRequests"/> requests.
/// </summary>
public sealed class FaultProxy : IAsyncDisposable
{
    public const int MaxRequests = 50_000;

    private const int MaxHeaderBytes = 64 * 1024;
    private const int MaxBodyBytes = 8 * 1024 * 1024;

    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Transfer-Encoding", "Proxy-Connection", "Upgrade", "TE", "Trailer", "Expect", "Host", "Content-Length",
    };

    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentQueue<ProxiedRequest> requests = new();
    private readonly ConcurrentQueue<CapturedRequest> arrivals = new();
    private readonly List<Rule> rules = [];
    private readonly HttpClient upstream;
    private readonly Task accepting;
    private int count;

    public FaultProxy(Uri upstreamEndpoint)
    {
        ArgumentNullException.ThrowIfNull(upstreamEndpoint);
        Upstream = upstreamEndpoint;
        upstream = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.None, UseCookies = false, UseProxy = false })
        {
            Timeout = TimeSpan.FromSeconds(60),
        };
        listener.Start(512);
        Endpoint = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture)}");
        accepting = Task.Run(AcceptLoopAsync);
    }

    public Uri Endpoint { get; }

    public Uri Upstream { get; }

    /// <summary>Every request received, in arrival order.</summary>
    public IReadOnlyList<ProxiedRequest> Requests => [.. requests];

    /// <summary>Every request as it arrived, before any delay or forwarding (a request still held by a slow fault is here, not yet in <see cref="Requests"/>).</summary>
    public IReadOnlyList<CapturedRequest> Arrivals => [.. arrivals];

    /// <summary>Requests that reached the service behind the proxy.</summary>
    public IReadOnlyList<ProxiedRequest> Forwarded => [.. requests.Where(r => r.Forwarded)];

    /// <summary>Applies <paramref name="fault"/> to the next <paramref name="times"/> requests that <paramref name="match"/> accepts.</summary>
    public FaultProxy Inject(Func<CapturedRequest, bool> match, Fault fault, int times = 1)
    {
        ArgumentNullException.ThrowIfNull(match);
        ArgumentNullException.ThrowIfNull(fault);
        lock (rules)
        {
            rules.Add(new Rule(match, fault, times));
        }

        return this;
    }

    /// <summary>Applies <paramref name="fault"/> to the next <paramref name="times"/> requests of <paramref name="operation"/> (see <see cref="ProxiedRequest.OperationOf"/>).</summary>
    public FaultProxy Inject(string operation, Fault fault, int times = 1) =>
        Inject(r => ProxiedRequest.OperationOf(r) == operation, fault, times);

    /// <summary>Forgets the recorded requests and every remaining rule.</summary>
    public void Reset()
    {
        requests.Clear();
        arrivals.Clear();
        lock (rules)
        {
            rules.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        try
        {
            await accepting;
        }
        catch (OperationCanceledException)
        {
        }

        upstream.Dispose();
        stopping.Dispose();
    }

    private Fault? Take(CapturedRequest request)
    {
        lock (rules)
        {
            foreach (var rule in rules)
            {
                if (rule.Remaining > 0 && rule.Match(request))
                {
                    rule.Remaining--;
                    return rule.Fault;
                }
            }
        }

        return null;
    }

    private async Task AcceptLoopAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptSocketAsync(stopping.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(socket));
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        using var _ = socket;
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        try
        {
            var request = await ReadRequestAsync(stream);
            if (request is null)
            {
                return;
            }

            if (Interlocked.Increment(ref count) > MaxRequests)
            {
                await WriteAsync(stream, 503, "application/json", new Dictionary<string, string>(), """{"message":"proxy request limit"}"""u8.ToArray());
                return;
            }

            arrivals.Enqueue(request);
            var service = ProxiedRequest.ServiceOf(request);
            var operation = ProxiedRequest.OperationOf(request);
            var fault = Take(request);
            if (fault is not null && fault.Delay > TimeSpan.Zero)
            {
                await Task.Delay(fault.Delay, stopping.Token);
            }

            if (fault is { AfterForwarding: false } && (fault.Reset || fault.Status is not null))
            {
                requests.Enqueue(new ProxiedRequest(request, service, operation, false, fault.Name, fault.Reset ? 0 : fault.Status!.Value));
                await ApplyAsync(socket, stream, fault);
                return;
            }

            var (status, headers, body) = await ForwardAsync(request);
            if (fault is { AfterForwarding: true })
            {
                requests.Enqueue(new ProxiedRequest(request, service, operation, true, fault.Name, fault.Reset ? 0 : fault.Status ?? 500));
                await ApplyAsync(socket, stream, fault);
                return;
            }

            requests.Enqueue(new ProxiedRequest(request, service, operation, true, fault?.Name, status));
            await WriteAsync(stream, status, headers.GetValueOrDefault("Content-Type") ?? "application/octet-stream", headers, body);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException or HttpRequestException)
        {
            // The client gave up (its attempt timed out), the service went away, or the proxy is stopping.
        }
    }

    private async Task ApplyAsync(Socket socket, NetworkStream stream, Fault fault)
    {
        if (fault.Reset)
        {
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
            return;
        }

        await WriteAsync(stream, fault.Status ?? 500, fault.ContentType, fault.Headers, Encoding.UTF8.GetBytes(fault.Body));
    }

    private async Task<(int Status, Dictionary<string, string> Headers, byte[] Body)> ForwardAsync(CapturedRequest request)
    {
        var target = new Uri(Upstream, request.Path + (request.Query.Length > 0 ? "?" + request.Query : ""));
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), target);
        if (request.Body.Length > 0 || request.Method is "POST" or "PUT")
        {
            message.Content = new ByteArrayContent(request.Body);
        }

        foreach (var (name, value) in request.Headers)
        {
            if (HopByHop.Contains(name))
            {
                continue;
            }

            if (!message.Headers.TryAddWithoutValidation(name, value))
            {
                message.Content?.Headers.TryAddWithoutValidation(name, value);
            }
        }

        if (request.Header("Host") is { } host)
        {
            message.Headers.Host = host;
        }

        using var response = await upstream.SendAsync(message, stopping.Token);
        var body = await response.Content.ReadAsByteArrayAsync(stopping.Token);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers.Concat(response.Content.Headers))
        {
            if (!HopByHop.Contains(header.Key))
            {
                headers[header.Key] = string.Join(",", header.Value);
            }
        }

        return ((int)response.StatusCode, headers, body);
    }

    private async Task<CapturedRequest?> ReadRequestAsync(NetworkStream stream)
    {
        var buffer = new List<byte>(4096);
        var chunk = new byte[16384];
        int headerEnd;
        while ((headerEnd = IndexOfHeaderEnd(buffer)) < 0)
        {
            var read = await stream.ReadAsync(chunk, stopping.Token);
            if (read == 0 || buffer.Count > MaxHeaderBytes)
            {
                return null;
            }

            buffer.AddRange(chunk.AsSpan(0, read));
        }

        var head = Encoding.ASCII.GetString(buffer.GetRange(0, headerEnd).ToArray()).Split("\r\n");
        var requestLine = head[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in head.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                var name = line[..colon].Trim();
                var value = line[(colon + 1)..].Trim();
                headers[name] = headers.TryGetValue(name, out var existing) ? existing + "," + value : value;
            }
        }

        if (headers.TryGetValue("Expect", out var expect) && expect.Contains("100-continue", StringComparison.OrdinalIgnoreCase))
        {
            await stream.WriteAsync("HTTP/1.1 100 Continue\r\n\r\n"u8.ToArray(), stopping.Token);
        }

        var rest = new List<byte>(buffer.Skip(headerEnd + 4));
        byte[] body;
        if (headers.TryGetValue("Transfer-Encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            body = await ReadChunkedAsync(stream, rest, chunk);
        }
        else
        {
            var length = headers.TryGetValue("Content-Length", out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : 0;
            if (length > MaxBodyBytes)
            {
                return null;
            }

            while (rest.Count < length)
            {
                var read = await stream.ReadAsync(chunk, stopping.Token);
                if (read == 0)
                {
                    return null;
                }

                rest.AddRange(chunk.AsSpan(0, read));
            }

            body = [.. rest.Take(length)];
        }

        var target = requestLine[1];
        var question = target.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? target : target[..question];
        var query = question < 0 ? "" : target[(question + 1)..];
        return new CapturedRequest(requestLine[0], path, query, headers, body);
    }

    private async Task<byte[]> ReadChunkedAsync(NetworkStream stream, List<byte> pending, byte[] chunk)
    {
        var body = new List<byte>();
        while (true)
        {
            int lineEnd;
            while ((lineEnd = IndexOf(pending, "\r\n"u8)) < 0)
            {
                await FillAsync(stream, pending, chunk);
            }

            var sizeText = Encoding.ASCII.GetString(pending.GetRange(0, lineEnd).ToArray()).Split(';')[0].Trim();
            var size = int.Parse(sizeText, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            pending.RemoveRange(0, lineEnd + 2);
            if (size == 0)
            {
                return [.. body];
            }

            while (pending.Count < size + 2)
            {
                await FillAsync(stream, pending, chunk);
            }

            body.AddRange(pending.GetRange(0, size));
            pending.RemoveRange(0, size + 2);
            if (body.Count > MaxBodyBytes)
            {
                throw new IOException("chunked body over the proxy's limit");
            }
        }
    }

    private async Task FillAsync(NetworkStream stream, List<byte> pending, byte[] chunk)
    {
        var read = await stream.ReadAsync(chunk, stopping.Token);
        if (read == 0)
        {
            throw new IOException("connection closed inside a chunked body");
        }

        pending.AddRange(chunk.AsSpan(0, read));
    }

    private static int IndexOf(List<byte> buffer, ReadOnlySpan<byte> marker)
    {
        for (var i = 0; i + marker.Length <= buffer.Count; i++)
        {
            var found = true;
            for (var j = 0; j < marker.Length && found; j++)
            {
                found = buffer[i + j] == marker[j];
            }

            if (found)
            {
                return i;
            }
        }

        return -1;
    }

    private static int IndexOfHeaderEnd(List<byte> buffer) => IndexOf(buffer, "\r\n\r\n"u8);

    private async Task WriteAsync(NetworkStream stream, int status, string contentType, IReadOnlyDictionary<string, string> headers, byte[] body)
    {
        var head = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {status} {ReasonPhrase(status)}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Type: {contentType}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n")
            .Append("Connection: close\r\n");
        foreach (var (name, value) in headers)
        {
            if (!name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
            }
        }

        head.Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), stopping.Token);
        await stream.WriteAsync(body, stopping.Token);
        await stream.FlushAsync(stopping.Token);
    }

    private static string ReasonPhrase(int status) => status switch
    {
        200 => "OK",
        400 => "Bad Request",
        404 => "Not Found",
        409 => "Conflict",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Status",
    };

    private sealed class Rule(Func<CapturedRequest, bool> match, Fault fault, int times)
    {
        public Func<CapturedRequest, bool> Match { get; } = match;

        public Fault Fault { get; } = fault;

        public int Remaining { get; set; } = times;
    }
}
