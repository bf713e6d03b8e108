namespace InstantOnRemediate.Testing;

/// <summary>What a <see cref="LoopbackHttpServer"/> or <see cref="RecordingHandler"/> answers to one request.</summary>
public sealed record ScriptedResponse(int Status, string Body)
{
    public string ContentType { get; init; } = "application/json";

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Close the connection with a TCP reset instead of answering.</summary>
    public bool Reset { get; init; }

    /// <summary>Never answer (until the server is disposed): the client's attempt timeout must fire.</summary>
    public bool Hang { get; init; }

    public static ScriptedResponse Json(int status, string body, params (string Name, string Value)[] headers) =>
        new(status, body) { Headers = headers.ToDictionary(h => h.Name, h => h.Value) };

    public static ScriptedResponse Xml(int status, string body) => new(status, body) { ContentType = "text/xml" };

    public static ScriptedResponse ConnectionReset() => new(0, "") { Reset = true };

    public static ScriptedResponse NoAnswer() => new(0, "") { Hang = true };
}
