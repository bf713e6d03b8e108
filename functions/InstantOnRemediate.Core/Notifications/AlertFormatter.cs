using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using InstantOnRemediate.Core.Alerts;
using InstantOnRemediate.Core.Json;

namespace InstantOnRemediate.Core.Notifications;

/// <summary>
/// Renders one <see cref="Alert"/> for every SNS protocol (docs/notifications.md). Pure: the same alert and
/// delivery give the same text. The human body is the alert's own text; chat gets it as markdown with the next
/// steps as a list; machines get alert.v1 JSON. <c>maxTextChars</c> shortens the body everywhere at once (at a
/// line break, with a note) so the SNS envelope can be fitted to 256 KB.
/// </summary>
public static class AlertFormatter
{
    /// <summary>SNS allows 10 message attributes; these are kept first (the pod count is in every body anyway).</summary>
    public static readonly IReadOnlyList<string> AttributeOrder =
        ["account", "region", "cluster", "nodegroup", "cause", "remedy", "severity", "verdict", "planId", "mode", "pods"];

    public const int MaxAttributes = 10;

    /// <summary>Our cap on the chat description (Slack renders a section of at most 3,000 characters).</summary>
    public const int MaxChatDescription = 3000;

    public const int MaxNextSteps = 5;

    public const int MaxStepLength = 300;

    public const int MaxThreadId = 128;

    public static AlertMessages Format(Alert alert, AlertDelivery delivery, int maxTextChars = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(delivery);
        var (text, truncated) = Shorten(alert.Body, maxTextChars);
        var attributes = Attributes(alert, delivery);
        var threadId = delivery.ThreadId ?? ThreadId(alert, delivery);
        var steps = (delivery.NextSteps ?? NextSteps(alert.Body)).Select(s => Clip(s, MaxStepLength)).Take(MaxNextSteps).ToList();
        var all = new Dictionary<string, string>(alert.Attributes, StringComparer.Ordinal);
        foreach (var (key, value) in attributes)
        {
            all[key] = value;
        }

        var chat = new ChatbotNotification
        {
            Id = Id(alert, delivery),
            Content = new ChatbotContent
            {
                Title = Clip($"{Emoji(all.GetValueOrDefault("severity"))} {alert.Subject}", 250),
                Description = Clip(Markdown(text), MaxChatDescription),
                NextSteps = steps,
                Keywords = [.. new[] { all.GetValueOrDefault("cluster"), all.GetValueOrDefault("nodegroup"), all.GetValueOrDefault("cause"), all.GetValueOrDefault("remedy"), all.GetValueOrDefault("severity") }
                    .Where(k => !string.IsNullOrEmpty(k)).Select(k => k!).Distinct(StringComparer.Ordinal)],
            },
            Metadata = new ChatbotMetadata
            {
                ThreadId = threadId,
                Summary = alert.Subject,
                EventType = delivery.EventType ?? AlertDelivery.DefaultEventType,
                RelatedResources = delivery.RelatedResources,
                AdditionalContext = attributes,
            },
        };
        var document = new AlertDocument
        {
            GroupKey = alert.GroupKey,
            Subject = alert.Subject,
            OccurredAt = delivery.OccurredAt.ToUniversalTime(),
            Account = delivery.Account,
            Region = delivery.Region,
            Cluster = all.GetValueOrDefault("cluster"),
            Nodegroup = all.GetValueOrDefault("nodegroup"),
            Cause = all.GetValueOrDefault("cause"),
            Remedy = all.GetValueOrDefault("remedy"),
            Verdict = all.GetValueOrDefault("verdict"),
            Severity = all.GetValueOrDefault("severity"),
            PlanId = all.GetValueOrDefault("planId"),
            Mode = all.GetValueOrDefault("mode"),
            Pods = int.TryParse(all.GetValueOrDefault("pods"), NumberStyles.None, CultureInfo.InvariantCulture, out var pods) ? pods : null,
            ThreadId = threadId,
            NextSteps = steps,
            Attributes = all,
            Text = text,
            TextTruncated = truncated,
        };
        return new AlertMessages
        {
            Subject = alert.Subject,
            Default = text,
            Email = text,
            Https = JsonSerializer.Serialize(chat, OutboundJsonContext.Default.ChatbotNotification),
            Machine = JsonSerializer.Serialize(document, OutboundJsonContext.Default.AlertDocument),
            Attributes = attributes,
            Truncated = truncated,
        };
    }

    /// <summary>The alert's attributes plus account and Region, at most 10, in <see cref="AttributeOrder"/> then by name.</summary>
    public static IReadOnlyDictionary<string, string> Attributes(Alert alert, AlertDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(delivery);
        var candidates = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in alert.Attributes)
        {
            candidates[key] = value;
        }

        if (delivery.Account is { Length: > 0 } account)
        {
            candidates["account"] = account;
        }

        if (delivery.Region is { Length: > 0 } region)
        {
            candidates["region"] = region;
        }

        var rank = AttributeOrder.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in candidates
            .Where(a => a.Key.Length > 0 && a.Value.Length > 0)
            .OrderBy(a => rank.GetValueOrDefault(a.Key, int.MaxValue)).ThenBy(a => a.Key, StringComparer.Ordinal)
            .Take(MaxAttributes))
        {
            result[key] = value;
        }

        return result;
    }

    /// <summary>Alerts of one (account, cluster, node group, cause) share a thread: letters, digits and dashes, ≤ 128.</summary>
    public static string ThreadId(Alert alert, AlertDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(delivery);
        var raw = "instanton-" + (delivery.Account is null ? "" : delivery.Account + "-") + alert.GroupKey;
        var text = new StringBuilder(raw.Length);
        foreach (var c in raw)
        {
            text.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }

        var id = text.ToString();
        return id.Length <= MaxThreadId ? id : id[..(MaxThreadId - 17)] + "-" + Hash(raw)[..16];
    }

    /// <summary>Next steps drawn from the body: the fix, approve and undo commands, and the pause command.</summary>
    public static IReadOnlyList<string> NextSteps(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var steps = new List<string>();
        var lines = body.Split('\n');
        var fix = Section(lines, "FIX");
        if (fix.Count > 0)
        {
            steps.Add("Fix: " + string.Join(' ', fix));
        }

        var trimmed = lines.Select(l => l.Trim()).ToList();
        for (var i = 0; i < trimmed.Count; i++)
        {
            var line = trimmed[i];
            if (line == "approve:")
            {
                // The commands follow the heading: the function's, then the Systems Manager runbook's and its console page.
                for (var j = i + 1; j < trimmed.Count && IsCommand(trimmed[j]); j++)
                {
                    steps.Add(Step("Approve", trimmed[j]));
                }
            }
            else if (line.StartsWith("undo: ", StringComparison.Ordinal))
            {
                steps.Add("Undo: " + line["undo: ".Length..]);
            }
        }

        var pause = Section(lines, "PAUSE ALL AUTOMATIC ACTIONS");
        foreach (var command in pause.Where(IsCommand).Take(2))
        {
            steps.Add(Step("Pause all automatic actions", command));
        }

        return steps;
    }

    private const string InSystemsManager = "or in Systems Manager: ";
    private const string InConsole = "or in the console: ";

    private static bool IsCommand(string line) =>
        line.StartsWith("aws ", StringComparison.Ordinal) || line.StartsWith(InSystemsManager, StringComparison.Ordinal) || line.StartsWith(InConsole, StringComparison.Ordinal);

    private static string Step(string what, string command) =>
        command.StartsWith(InSystemsManager, StringComparison.Ordinal) ? $"{what} in Systems Manager: `{command[InSystemsManager.Length..]}`"
        : command.StartsWith(InConsole, StringComparison.Ordinal) ? $"{what} in the console: {command[InConsole.Length..]}"
        : $"{what}: `{command}`";

    /// <summary>The body in chat markdown: section titles bold, evidence in a code block, commands as code.</summary>
    public static string Markdown(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var text = new StringBuilder();
        var inEvidence = false;
        foreach (var raw in body.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
        {
            var evidence = raw.StartsWith("  | ", StringComparison.Ordinal);
            if (evidence != inEvidence)
            {
                text.Append("```\n");
                inEvidence = evidence;
            }

            if (evidence)
            {
                text.Append(raw[4..].Replace("```", "'''", StringComparison.Ordinal)).Append('\n');
                continue;
            }

            var line = raw.TrimEnd();
            var trimmed = line.TrimStart();
            if (trimmed.Length > 0 && line == trimmed && IsTitle(trimmed))
            {
                text.Append('*').Append(trimmed).Append("*\n");
            }
            else if (trimmed.StartsWith("aws ", StringComparison.Ordinal) || trimmed.StartsWith("approve: ", StringComparison.Ordinal) || trimmed.StartsWith(InSystemsManager, StringComparison.Ordinal))
            {
                var split = trimmed.StartsWith("approve: ", StringComparison.Ordinal) ? "approve: ".Length
                    : trimmed.StartsWith(InSystemsManager, StringComparison.Ordinal) ? InSystemsManager.Length : 0;
                text.Append(trimmed[..split]).Append('`').Append(trimmed[split..].Replace("`", "'", StringComparison.Ordinal)).Append("`\n");
            }
            else
            {
                text.Append(trimmed).Append('\n');
            }
        }

        if (inEvidence)
        {
            text.Append("```\n");
        }

        return text.ToString().TrimEnd('\n');
    }

    /// <summary>
    /// <paramref name="text"/> cut to at most <paramref name="maxChars"/> characters at a line break (never inside a
    /// surrogate pair), with a closing note; unchanged when it fits.
    /// </summary>
    public static (string Text, bool Truncated) Shorten(string text, int maxChars)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= maxChars)
        {
            return (text, false);
        }

        var note = $"\n… alert shortened to fit the message limit ({text.Length.ToString(CultureInfo.InvariantCulture)} characters in full; the runbook's status action shows the rest).";
        var keep = Math.Max(0, maxChars - note.Length);
        var cut = text.LastIndexOf('\n', Math.Max(0, keep - 1), Math.Max(0, keep));
        cut = cut > keep / 2 ? cut : keep;
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return (text[..cut] + note, true);
    }

    private static List<string> Section(string[] lines, string title)
    {
        var start = Array.FindIndex(lines, l => l.TrimEnd() == title || l.StartsWith(title + " ", StringComparison.Ordinal));
        var result = new List<string>();
        for (var i = start + 1; start >= 0 && i < lines.Length && lines[i].Trim().Length > 0; i++)
        {
            result.Add(lines[i].Trim());
        }

        return result;
    }

    private static bool IsTitle(string line) =>
        line.Length >= 3 && char.IsAsciiLetterUpper(line[0]) && line.TakeWhile(c => c != '(').All(c => !char.IsAsciiLetterLower(c));

    private static string Emoji(string? severity) => severity switch
    {
        "critical" or "high" => ":red_circle:",
        "medium" => ":large_orange_circle:",
        _ => ":information_source:",
    };

    private static string Id(Alert alert, AlertDelivery delivery) =>
        Hash(string.Join('\u001f', alert.GroupKey, alert.Subject, alert.Body, delivery.Account, delivery.Region,
            delivery.OccurredAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)))[..32];

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string Clip(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = max - 1;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return text[..cut] + "…";
    }
}
