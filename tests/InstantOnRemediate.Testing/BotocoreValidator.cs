using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace InstantOnRemediate.Testing;

/// <summary>
/// Runs scripts/botocore-validate.py (botocore's own service models, from the machine image's python3) over
/// captured requests and canned responses. Collect with <see cref="Request"/> / <see cref="Response"/>, then
/// <see cref="Validate"/>.
/// </summary>
public sealed class BotocoreValidator
{
    private readonly JsonArray requests = [];
    private readonly JsonArray responses = [];

    public int RequestCount => requests.Count;

    public int ResponseCount => responses.Count;

    /// <summary>Adds a captured request of botocore service <paramref name="service"/> (eks, logs, sns, …).</summary>
    public BotocoreValidator Request(string service, CapturedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var headers = new JsonObject();
        foreach (var (name, value) in request.Headers)
        {
            headers[name] = value;
        }

        requests.Add(new JsonObject
        {
            ["service"] = service,
            ["method"] = request.Method,
            ["path"] = request.Path,
            ["query"] = request.Query,
            ["headers"] = headers,
            ["body"] = request.BodyText,
        });
        return this;
    }

    public BotocoreValidator Requests(string service, IEnumerable<CapturedRequest> captured)
    {
        foreach (var request in captured)
        {
            Request(service, request);
        }

        return this;
    }

    /// <summary>Adds a canned response body of <paramref name="operation"/> to check against the model's output or error shapes.</summary>
    public BotocoreValidator Response(string service, string operation, int status, string body, IReadOnlyDictionary<string, string>? headers = null)
    {
        var headerObject = new JsonObject();
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            headerObject[name] = value;
        }

        responses.Add(new JsonObject
        {
            ["service"] = service,
            ["operation"] = operation,
            ["status"] = status,
            ["headers"] = headerObject,
            ["body"] = body,
        });
        return this;
    }

    public BotocoreReport Validate() => BotocoreReport.Parse(PythonChecker.Run(
        "botocore-validate.py", new JsonObject { ["requests"] = requests.DeepClone(), ["responses"] = responses.DeepClone() }, TimeSpan.FromSeconds(120)));
}

/// <summary>The validator's verdict per request and response.</summary>
public sealed record BotocoreReport(bool Ok, IReadOnlyList<BotocoreResult> Requests, IReadOnlyList<BotocoreResult> Responses, string Raw)
{
    public static BotocoreReport Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return new BotocoreReport(root.GetProperty("ok").GetBoolean(), Results(root, "requests"), Results(root, "responses"), json);
    }

    /// <summary>Fails with every error the validator found.</summary>
    public void AssertValid()
    {
        if (!Ok)
        {
            var problems = Requests.Select(r => ("request", r)).Concat(Responses.Select(r => ("response", r)))
                .Where(p => p.r.Errors.Count > 0)
                .Select(p => $"{p.Item1} #{p.r.Index} {p.r.Operation}: {string.Join("; ", p.r.Errors)}");
            throw new Xunit.Sdk.XunitException("botocore model validation failed:\n" + string.Join("\n", problems));
        }
    }

    private static List<BotocoreResult> Results(JsonElement root, string name) =>
        [.. root.GetProperty(name).EnumerateArray().Select(e => new BotocoreResult(
            e.GetProperty("index").GetInt32(),
            e.TryGetProperty("operation", out var op) && op.ValueKind == JsonValueKind.String ? op.GetString() : null,
            [.. e.GetProperty("errors").EnumerateArray().Select(x => x.GetString() ?? "")]))];
}

public sealed record BotocoreResult(int Index, string? Operation, IReadOnlyList<string> Errors);
