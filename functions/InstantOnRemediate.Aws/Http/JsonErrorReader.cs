using System.Text.Json;

namespace InstantOnRemediate.Aws.Http;

/// <summary>
/// rest-json and JSON 1.1 errors as botocore reads them: code from the <c>x-amzn-ErrorType</c> header (text after
/// ':' dropped), else body <c>code</c>/<c>Code</c>/<c>__type</c>; any <c>namespace#</c> prefix stripped; message
/// from body <c>message</c>/<c>Message</c>.
/// </summary>
internal sealed class JsonErrorReader : IAwsErrorReader
{
    public static readonly JsonErrorReader Instance = new();

    public AwsErrorDetails Read(AwsHttpResponse response)
    {
        string? code = null;
        string? message = null;
        if (response.Header("x-amzn-ErrorType") is { Length: > 0 } header)
        {
            code = header.Split(':')[0];
        }

        if (response.Body.Length > 0)
        {
            try
            {
                using var document = JsonDocument.Parse(response.Body);
                if (document.RootElement.ValueKind == JsonValueKind.Object)
                {
                    code ??= StringMember(document.RootElement, "code", "Code", "__type");
                    message = StringMember(document.RootElement, "message", "Message", "errorMessage");
                }
            }
            catch (JsonException)
            {
                // Not JSON (a proxy or load balancer page): the status code speaks for itself.
            }
        }

        code = StripNamespace(code) ?? FallbackCode(response.StatusCode);
        return new AwsErrorDetails(code, message ?? $"HTTP {response.StatusCode}");
    }

    internal static string? StripNamespace(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var hash = code.LastIndexOf('#');
        return (hash >= 0 ? code[(hash + 1)..] : code).Trim();
    }

    internal static string FallbackCode(int statusCode) => statusCode switch
    {
        429 => "TooManyRequestsException",
        >= 500 => "ServiceUnavailable",
        _ => "HttpStatus" + statusCode.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static string? StringMember(JsonElement element, params ReadOnlySpan<string> names)
    {
        foreach (var name in names)
        {
            if (element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
            {
                return value.GetString();
            }
        }

        return null;
    }
}
