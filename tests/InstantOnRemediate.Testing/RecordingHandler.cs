using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace InstantOnRemediate.Testing;

/// <summary>
/// A terminal <see cref="HttpMessageHandler"/> that records every request exactly as the client built it (signed
/// headers and body included) and answers from a script: a function of the captured request.
/// </summary>
public sealed class RecordingHandler(Func<CapturedRequest, ScriptedResponse> respond) : HttpMessageHandler
{
    private readonly ConcurrentQueue<CapturedRequest> requests = new();

    public RecordingHandler(int status, string body, string contentType = "application/json")
        : this(_ => new ScriptedResponse(status, body) { ContentType = contentType })
    {
    }

    public IReadOnlyList<CapturedRequest> Requests => [.. requests];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Host"] = request.RequestUri!.IsDefaultPort ? request.RequestUri.Host : request.RequestUri.Authority,
        };
        foreach (var header in request.Headers)
        {
            headers[header.Key] = string.Join(",", header.Value);
        }

        var body = Array.Empty<byte>();
        if (request.Content is not null)
        {
            foreach (var header in request.Content.Headers)
            {
                headers[header.Key] = string.Join(",", header.Value);
            }

            body = await request.Content.ReadAsByteArrayAsync(cancellationToken);
        }

        var query = request.RequestUri.Query.TrimStart('?');
        var captured = new CapturedRequest(request.Method.Method, request.RequestUri.AbsolutePath, query, headers, body);
        requests.Enqueue(captured);
        var scripted = respond(captured);
        var response = new HttpResponseMessage((HttpStatusCode)scripted.Status)
        {
            RequestMessage = request,
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(scripted.Body)),
        };
        response.Content.Headers.TryAddWithoutValidation("Content-Type", scripted.ContentType);
        foreach (var (name, value) in scripted.Headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }
}
