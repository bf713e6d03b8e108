using System.Xml;
using InstantOnRemediate.Aws.Http;

namespace InstantOnRemediate.Aws.Ec2;

/// <summary>
/// EC2 errors: <c>Response/Errors/Error/Code</c> and <c>Message</c>, and <c>Response/RequestID</c> (EC2 puts the
/// request id in the body). The first <c>Error</c> element wins wherever it sits, so a Query-style
/// <c>ErrorResponse/Error</c> from a proxy reads too; a body that is not XML (a load balancer's page) leaves the
/// status code to speak.
/// </summary>
internal sealed class Ec2ErrorReader : IAwsErrorReader
{
    public static readonly Ec2ErrorReader Instance = new();

    public AwsErrorDetails Read(AwsHttpResponse response)
    {
        string? code = null, message = null, requestId = null;
        if (response.Body.Length > 0)
        {
            try
            {
                using var reader = Ec2Xml.Open(response.Body);
                while (!reader.EOF)
                {
                    if (reader.NodeType != XmlNodeType.Element)
                    {
                        reader.Read();
                    }
                    else if (reader.LocalName == "Error" && code is null)
                    {
                        foreach (var part in Ec2Xml.Children(reader))
                        {
                            switch (part)
                            {
                                case "Code":
                                    code = Ec2Xml.Text(reader);
                                    break;
                                case "Message":
                                    message = Ec2Xml.Text(reader);
                                    break;
                                default:
                                    reader.Skip();
                                    break;
                            }
                        }
                    }
                    else if (reader.LocalName is "RequestID" or "RequestId" && requestId is null)
                    {
                        requestId = Ec2Xml.Text(reader);
                    }
                    else
                    {
                        reader.Read();
                    }
                }
            }
            catch (XmlException)
            {
                // Not EC2's XML: keep what was read, the status code fills the rest.
            }
        }

        return new AwsErrorDetails(
            string.IsNullOrWhiteSpace(code) ? JsonErrorReader.FallbackCode(response.StatusCode) : code.Trim(),
            string.IsNullOrWhiteSpace(message) ? $"HTTP {response.StatusCode}" : message.Trim())
        {
            RequestId = string.IsNullOrWhiteSpace(requestId) ? null : requestId.Trim(),
        };
    }
}
