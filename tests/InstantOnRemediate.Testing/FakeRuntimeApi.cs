using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Threading.Channels;

namespace InstantOnRemediate.Testing;

/// <summary>
/// A loopback Lambda Runtime API (2018-06-01) for tests: queue events, let a runtime (in-process or a real
/// <c>bootstrap</c> process) long-poll <c>/runtime/invocation/next</c>, and record what it posts to
/// <c>/response</c>, <c>/error</c> and <c>/init/error</c> with headers. Waits are bounded and fail with what
/// was recorded. Listens on 127.0.0.1 and a free port; point AWS_LAMBDA_RUNTIME_API at <see cref="Address"/>.
/// </summary>
public sealed class FakeRuntimeApi : IDisposable
{
    public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(30);

    private const string Prefix = "/2018-06-01/runtime/";

    private readonly HttpListener listener;
    private readonly Channel<QueuedInvocation> queue = Channel.CreateUnbounded<QueuedInvocation>();
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentQueue<RecordedPost> posts = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<RecordedPost>> results = new(StringComparer.Ordinal);
    private readonly Task acceptLoop;
    private int nextPolls;
    private int sequence;

    private FakeRuntimeApi(HttpListener listener, int port)
    {
        this.listener = listener;
        Port = port;
        acceptLoop = Task.Run(AcceptAsync);
    }

    public int Port { get; }

    /// <summary>The AWS_LAMBDA_RUNTIME_API value: <c>127.0.0.1:port</c>.</summary>
    public string Address => $"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Status for <c>/next</c> instead of handing out an event (e.g. 500 to make the runtime exit); null serves events.</summary>
    public int? NextStatus { get; set; }

    /// <summary>Status answered to <c>/response</c> posts (202; 413 to simulate an oversize response).</summary>
    public int ResponseStatus { get; set; } = 202;

    /// <summary>How many times <c>/next</c> was called.</summary>
    public int NextPolls => Volatile.Read(ref nextPolls);

    public IReadOnlyList<RecordedPost> Posts => [.. posts];

    public static FakeRuntimeApi Start()
    {
        for (var attempt = 0; ; attempt++)
        {
            var port = MotoServer.FreePort();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
            try
            {
                listener.Start();
                return new FakeRuntimeApi(listener, port);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();
            }
        }
    }

    /// <summary>Queues an event; returns its request id.</summary>
    public string Enqueue(string json, string? requestId = null, DateTimeOffset? deadline = null, string? traceId = null, string? functionArn = null) =>
        Enqueue(System.Text.Encoding.UTF8.GetBytes(json), requestId, deadline, traceId, functionArn);

    public string Enqueue(byte[] payload, string? requestId = null, DateTimeOffset? deadline = null, string? traceId = null, string? functionArn = null)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var id = requestId ?? $"00000000-0000-4000-8000-{Interlocked.Increment(ref sequence).ToString("D12", CultureInfo.InvariantCulture)}";
        var invocation = new QueuedInvocation(
            id,
            payload,
            (deadline ?? DateTimeOffset.FromUnixTimeMilliseconds(4_102_444_800_000)).ToUnixTimeMilliseconds(),
            traceId,
            functionArn ?? "arn:aws:lambda:us-east-1:123456789012:function:instanton-remediate-test");
        if (!queue.Writer.TryWrite(invocation))
        {
            throw new InvalidOperationException("queue closed");
        }

        return id;
    }

    /// <summary>The accepted response or error for <paramref name="requestId"/>, waiting at most <paramref name="timeout"/>.</summary>
    public Task<RecordedPost> WaitForResultAsync(string requestId, TimeSpan? timeout = null) =>
        WaitAsync("invocation:" + requestId, $"a response or error for {requestId}", timeout);

    public Task<RecordedPost> WaitForInitErrorAsync(TimeSpan? timeout = null) =>
        WaitAsync("init", "an init error", timeout);

    /// <summary>Waits until <c>/next</c> has been called at least <paramref name="count"/> times.</summary>
    public async Task WaitForNextPollsAsync(int count, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultWait;
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (NextPolls < count)
        {
            if (waited.Elapsed > limit)
            {
                throw new TimeoutException($"runtime polled /next {NextPolls} times, expected {count}; posts: {Describe()}");
            }

            await Task.Delay(20);
        }
    }

    public void Dispose()
    {
        stopping.Cancel();
        queue.Writer.TryComplete();
        listener.Close();
        try
        {
            acceptLoop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }

        stopping.Dispose();
    }

    private async Task<RecordedPost> WaitAsync(string key, string what, TimeSpan? timeout)
    {
        var source = results.GetOrAdd(key, _ => new TaskCompletionSource<RecordedPost>(TaskCreationOptions.RunContinuationsAsynchronously));
        try
        {
            return await source.Task.WaitAsync(timeout ?? DefaultWait);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"no {what} within {(timeout ?? DefaultWait).TotalSeconds:0.#} s; posts: {Describe()}");
        }
    }

    private string Describe() => posts.IsEmpty ? "none" : string.Join("; ", posts);

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(context));
        }
    }

    private async Task ServeAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var response = context.Response;
        try
        {
            var path = request.Url?.AbsolutePath ?? string.Empty;
            if (request.HttpMethod == "GET" && path == Prefix + "invocation/next")
            {
                await ServeNextAsync(response);
                return;
            }

            if (request.HttpMethod == "POST" && path.StartsWith(Prefix, StringComparison.Ordinal))
            {
                await RecordPostAsync(request, response, path[Prefix.Length..]);
                return;
            }

            Answer(response, 404);
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or IOException or OperationCanceledException or ChannelClosedException)
        {
            try
            {
                response.Abort();
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }

    private async Task ServeNextAsync(HttpListenerResponse response)
    {
        Interlocked.Increment(ref nextPolls);
        if (NextStatus is { } status)
        {
            Answer(response, status);
            return;
        }

        var invocation = await queue.Reader.ReadAsync(stopping.Token);
        response.StatusCode = 200;
        response.ContentType = "application/json";
        response.Headers["Lambda-Runtime-Aws-Request-Id"] = invocation.RequestId;
        response.Headers["Lambda-Runtime-Deadline-Ms"] = invocation.DeadlineMs.ToString(CultureInfo.InvariantCulture);
        response.Headers["Lambda-Runtime-Invoked-Function-Arn"] = invocation.FunctionArn;
        if (invocation.TraceId is not null)
        {
            response.Headers["Lambda-Runtime-Trace-Id"] = invocation.TraceId;
        }

        response.ContentLength64 = invocation.Payload.Length;
        await response.OutputStream.WriteAsync(invocation.Payload, stopping.Token);
        response.Close();
    }

    private async Task RecordPostAsync(HttpListenerRequest request, HttpListenerResponse response, string route)
    {
        using var body = new MemoryStream();
        await request.InputStream.CopyToAsync(body, stopping.Token);
        var headers = request.Headers.AllKeys
            .Where(k => k is not null)
            .ToDictionary(k => k!, k => request.Headers[k] ?? string.Empty, StringComparer.OrdinalIgnoreCase);

        string kind;
        string? requestId = null;
        var parts = route.Split('/');
        if (route == "init/error")
        {
            kind = RecordedPost.InitError;
        }
        else if (parts is ["invocation", var id, "response" or "error"])
        {
            kind = parts[2];
            requestId = Uri.UnescapeDataString(id);
        }
        else
        {
            Answer(response, 404);
            return;
        }

        var status = kind == RecordedPost.Response ? ResponseStatus : 202;
        var post = new RecordedPost(kind, requestId, status, request.ContentType, headers, body.ToArray());
        posts.Enqueue(post);
        if (status is >= 200 and < 300)
        {
            var key = kind == RecordedPost.InitError ? "init" : "invocation:" + requestId;
            results.GetOrAdd(key, _ => new TaskCompletionSource<RecordedPost>(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(post);
        }

        Answer(response, status);
    }

    private static void Answer(HttpListenerResponse response, int status)
    {
        response.StatusCode = status;
        var body = System.Text.Encoding.UTF8.GetBytes("{\"status\":" + status.ToString(CultureInfo.InvariantCulture) + "}");
        response.ContentType = "application/json";
        response.ContentLength64 = body.Length;
        response.OutputStream.Write(body);
        response.Close();
    }

    private sealed record QueuedInvocation(string RequestId, byte[] Payload, long DeadlineMs, string? TraceId, string FunctionArn);
}
