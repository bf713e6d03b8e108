namespace InstantOnRemediate.Aws.Http;

/// <summary>
/// One service call before signing: method, the already-encoded path and query (relative to the service endpoint),
/// extra headers to sign (e.g. X-Amz-Target) and the body with its exact Content-Type.
/// </summary>
internal sealed record AwsHttpRequest(HttpMethod Method, string PathAndQuery)
{
    public byte[]? Body { get; init; }

    public string? ContentType { get; init; }

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The operation name, for error messages.</summary>
    public string Operation { get; init; } = "";
}
