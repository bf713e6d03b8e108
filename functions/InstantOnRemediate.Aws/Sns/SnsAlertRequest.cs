using System.Text;
using InstantOnRemediate.Core.Alerts;
using InstantOnRemediate.Core.Notifications;

namespace InstantOnRemediate.Aws.Sns;

/// <summary>
/// One Publish for every kind of subscriber of the alert topic (MessageStructure=json): <c>default</c> and
/// <c>email</c> the alert's text, <c>https</c> an AWS Chatbot custom notification, <c>sqs</c> and <c>lambda</c> the
/// alert.v1 JSON document; attributes with account and Region. The message plus attributes is kept within SNS's
/// 256 KB by shortening the human text (everywhere at once) until it fits.
/// </summary>
public static class SnsAlertRequest
{
    /// <summary>SNS's message limit (262,144 bytes of UTF-8); attributes are counted against it too, to be safe.</summary>
    public const int MaxBytes = SnsPublishForm.MaxMessageBytes;

    public static readonly IReadOnlyList<string> Protocols = ["default", "email", "https", "sqs", "lambda"];

    public static PublishRequest Build(string topicArn, Alert alert, AlertDelivery delivery)
    {
        ArgumentException.ThrowIfNullOrEmpty(topicArn);
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(delivery);
        var request = Request(topicArn, AlertFormatter.Format(alert, delivery));
        if (Size(request) <= MaxBytes)
        {
            return request;
        }

        // Largest body length that fits: the envelope grows monotonically with it. At most ~19 rounds for 256 K.
        int low = 0, high = alert.Body.Length;
        PublishRequest? best = null;
        while (low <= high)
        {
            var mid = low + ((high - low) / 2);
            var candidate = Request(topicArn, AlertFormatter.Format(alert, delivery, mid));
            if (Size(candidate) <= MaxBytes)
            {
                best = candidate;
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }

        return best ?? throw new ArgumentException($"the alert does not fit in {MaxBytes} bytes even without its text (attributes or subject too large)", nameof(alert));
    }

    /// <summary>Bytes SNS counts: the message and every attribute name and value, UTF-8.</summary>
    public static int Size(PublishRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Encoding.UTF8.GetByteCount(request.Message)
            + request.MessageAttributes.Sum(a => Encoding.UTF8.GetByteCount(a.Key) + Encoding.UTF8.GetByteCount(a.Value) + "String".Length);
    }

    private static PublishRequest Request(string topicArn, AlertMessages messages) => new()
    {
        TopicArn = topicArn,
        Subject = messages.Subject,
        MessageStructure = SnsPublishForm.JsonStructure,
        Message = SnsMessageStructure.Encode(
        [
            new("default", messages.Default),
            new("email", messages.Email),
            new("https", messages.Https),
            new("sqs", messages.Machine),
            new("lambda", messages.Machine),
        ]),
        MessageAttributes = messages.Attributes.ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal),
    };
}
