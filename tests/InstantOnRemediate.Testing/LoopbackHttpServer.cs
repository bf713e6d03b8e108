using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace InstantOnRemediate.Testing;

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 and a free port for client tests at the wire level: answers each request
/// from a script (in order, then a fallback), records the request exactly as received (raw path and query, headers,
/// body), can reset the connection or never answer, and refuses more than <see cref="MaxRequests"/> requests or
/// bodies over 1 MiB. One request per connection (<c>Connection: close</c>).
/// </summary>
public sealed class LoopbackHttpServer : IAsyncDisposable
{
    public const int MaxRequests = 500;

    private const int MaxHeaderBytes = 64 * 1024;
    private const int MaxBodyBytes = 1024 * 1024;

    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentQueue<ScriptedResponse> script = new();
    private readonly ConcurrentQueue<CapturedRequest> requests = new();
    private readonly Func<CapturedRequest, ScriptedResponse> fallback;
    private readonly SemaphoreSlim hanging = new(0);
    private readonly Task accepting;
    private int count;

    public LoopbackHttpServer(Func<CapturedRequest, ScriptedResponse>? fallback = null)
    {
        this.fallback = fallback ?? (_ => ScriptedResponse.Json(500, """{"message":"loopback script exhausted"}"""));
        listener.Start();
        Endpoint = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture)}");
        accepting = Task.Run(AcceptLoopAsync);
    }

    public Uri Endpoint { get; }

    public IReadOnlyList<CapturedRequest> Requests => [.. requests];

    /// <summary>Queue answers for the next requests, in order.</summary>
    public LoopbackHttpServer Enqueue(params ScriptedResponse[] responses)
    {
        foreach (var response in responses)
        {
            script.Enqueue(response);
        }

        return this;
    }

    /// <summary>Completes when a request scripted with <see cref="ScriptedResponse.Hang"/> has arrived.</summary>
    public Task WaitForHangingRequestAsync(CancellationToken cancellationToken = default) => hanging.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken)
        .ContinueWith(t => t.Result ? Task.CompletedTask : throw new TimeoutException("no request arrived"), TaskScheduler.Default).Unwrap();

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

        stopping.Dispose();
        hanging.Dispose();
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
                await WriteAsync(stream, ScriptedResponse.Json(503, """{"message":"loopback request limit"}"""));
                return;
            }

            requests.Enqueue(request);
            var response = script.TryDequeue(out var next) ? next : fallback(request);
            if (response.Reset)
            {
                socket.LingerState = new LingerOption(true, 0);
                socket.Close();
                return;
            }

            if (response.Hang)
            {
                hanging.Release();
                await Task.Delay(Timeout.Infinite, stopping.Token);
                return;
            }

            await WriteAsync(stream, response);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away (timeout test) or the server is stopping.
        }
    }

    private async Task<CapturedRequest?> ReadRequestAsync(NetworkStream stream)
    {
        var buffer = new List<byte>(4096);
        var chunk = new byte[4096];
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

        var length = headers.TryGetValue("Content-Length", out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : 0;
        if (length > MaxBodyBytes)
        {
            return null;
        }

        var body = buffer.Skip(headerEnd + 4).ToList();
        while (body.Count < length)
        {
            var read = await stream.ReadAsync(chunk, stopping.Token);
            if (read == 0)
            {
                return null;
            }

            body.AddRange(chunk.AsSpan(0, read));
        }

        var target = requestLine[1];
        var question = target.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? target : target[..question];
        var query = question < 0 ? "" : target[(question + 1)..];
        return new CapturedRequest(requestLine[0], path, query, headers, [.. body.Take(length)]);
    }

    private static int IndexOfHeaderEnd(List<byte> buffer)
    {
        for (var i = 0; i + 3 < buffer.Count; i++)
        {
            if (buffer[i] == '\r' && buffer[i + 1] == '\n' && buffer[i + 2] == '\r' && buffer[i + 3] == '\n')
            {
                return i;
            }
        }

        return -1;
    }

    private async Task WriteAsync(NetworkStream stream, ScriptedResponse response)
    {
        var body = Encoding.UTF8.GetBytes(response.Body);
        var head = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {response.Status} {ReasonPhrase(response.Status)}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Type: {response.ContentType}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n")
            .Append("Connection: close\r\n");
        foreach (var (name, value) in response.Headers)
        {
            head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
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
        403 => "Forbidden",
        404 => "Not Found",
        409 => "Conflict",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Status",
    };
}
