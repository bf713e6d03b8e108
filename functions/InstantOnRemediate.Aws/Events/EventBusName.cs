using System.Text.RegularExpressions;
using InstantOnRemediate.Aws.Http;

namespace InstantOnRemediate.Aws.Events;

/// <summary>
/// The <c>EventBus</c> deployment parameter as the functions get it (env <see cref="Variable"/>): empty = events off;
/// a bus name (this account and Region); or a bus ARN, e.g. a central bus in another account — PutEvents takes the
/// ARN as EventBusName. Checked at start against the model's pattern for <c>NonPartnerEventBusNameOrArn</c>.
/// </summary>
public static partial class EventBusName
{
    public const string Variable = "EVENT_BUS";

    /// <summary>null when events are off; the trimmed name or ARN otherwise.</summary>
    public static string? Parse(string? value)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text.Length > 1600 || !Pattern().IsMatch(text))
        {
            throw new AwsConfigurationException($"{Variable} must be an event bus name or an arn:aws…:events:<region>:<account>:event-bus/<name> ARN, got '{text}'");
        }

        return text;
    }

    /// <summary>events/2015-10-07 NonPartnerEventBusNameOrArn, anchored.</summary>
    [GeneratedRegex(@"^(arn:aws[\w-]*:events:[a-z]+-[a-z]+-[\w-]+:[0-9]{12}:event-bus/)?[\.\-_A-Za-z0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
