using InstantOnRemediate.Aws.Http;

namespace InstantOnRemediate.Aws.Sns;

/// <summary>Query-protocol errors: <c>ErrorResponse/Error/Code</c> and <c>Message</c>.</summary>
internal sealed class QueryXmlErrorReader : IAwsErrorReader
{
    public static readonly QueryXmlErrorReader Instance = new();

    public AwsErrorDetails Read(AwsHttpResponse response)
    {
        var root = QueryXml.Parse(response.Body);
        var error = root?.Name.LocalName == "Error" ? root : root?.Elements().FirstOrDefault(e => e.Name.LocalName == "Error");
        var code = QueryXml.Text(error, "Code");
        var message = QueryXml.Text(error, "Message");
        return new AwsErrorDetails(
            string.IsNullOrWhiteSpace(code) ? JsonErrorReader.FallbackCode(response.StatusCode) : code.Trim(),
            string.IsNullOrWhiteSpace(message) ? $"HTTP {response.StatusCode}" : message.Trim());
    }
}
