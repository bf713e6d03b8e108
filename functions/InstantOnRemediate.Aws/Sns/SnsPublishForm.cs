using System.Globalization;
using System.Text;
using InstantOnRemediate.Aws.Http;

namespace InstantOnRemediate.Aws.Sns;

/// <summary>
/// A Publish request as a Query-protocol form (<c>Action=Publish&amp;Version=2010-03-31&amp;…</c>), after checking what
/// SNS would reject: subject ≤ 100 printable characters without line breaks, message ≤ 256 KiB, at most 10
/// attributes with non-empty names and values; with MessageStructure=json, a JSON object of strings with a
/// <c>default</c>.
/// </summary>
internal static class SnsPublishForm
{
    public const string ContentType = "application/x-www-form-urlencoded; charset=utf-8";

    public const string ApiVersion = "2010-03-31";

    public const int MaxSubjectLength = 100;

    public const int MaxMessageBytes = 256 * 1024;

    public const int MaxAttributes = 10;

    /// <summary>The one MessageStructure value SNS accepts.</summary>
    public const string JsonStructure = "json";

    public static byte[] Encode(PublishRequest request)
    {
        Validate(request);
        var form = new AwsQueryString()
            .Add("Action", "Publish")
            .Add("Version", ApiVersion)
            .Add("TopicArn", request.TopicArn)
            .Add("Message", request.Message)
            .Add("Subject", request.Subject)
            .Add("MessageStructure", request.MessageStructure);

        var index = 1;
        foreach (var (name, value) in request.MessageAttributes.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            var prefix = "MessageAttributes.entry." + index.ToString(CultureInfo.InvariantCulture);
            form.Add(prefix + ".Name", name).Add(prefix + ".Value.DataType", "String").Add(prefix + ".Value.StringValue", value);
            index++;
        }

        return form.ToFormBody();
    }

    public static void Validate(PublishRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.TopicArn, nameof(request));
        if (string.IsNullOrEmpty(request.Message))
        {
            throw new ArgumentException("message must not be empty", nameof(request));
        }

        if (Encoding.UTF8.GetByteCount(request.Message) > MaxMessageBytes)
        {
            throw new ArgumentException($"message exceeds {MaxMessageBytes} bytes", nameof(request));
        }

        if (request.MessageStructure is { } structure)
        {
            if (structure != JsonStructure)
            {
                throw new ArgumentException($"MessageStructure must be '{JsonStructure}' or absent, got '{structure}'", nameof(request));
            }

            if (SnsMessageStructure.Problem(request.Message) is { } problem)
            {
                throw new ArgumentException(problem, nameof(request));
            }
        }

        if (request.Subject is { } subject)
        {
            if (subject.Length is 0 or > MaxSubjectLength)
            {
                throw new ArgumentException($"subject must be 1..{MaxSubjectLength} characters, got {subject.Length}", nameof(request));
            }

            if (subject.Any(c => char.IsControl(c) || c > '~'))
            {
                throw new ArgumentException("subject must be printable ASCII without line breaks", nameof(request));
            }
        }

        if (request.MessageAttributes.Count > MaxAttributes)
        {
            throw new ArgumentException($"at most {MaxAttributes} message attributes", nameof(request));
        }

        foreach (var (name, value) in request.MessageAttributes)
        {
            if (string.IsNullOrEmpty(name) || name.Length > 256 || string.IsNullOrEmpty(value))
            {
                throw new ArgumentException($"message attribute '{name}' needs a 1..256 character name and a non-empty value", nameof(request));
            }
        }
    }
}
