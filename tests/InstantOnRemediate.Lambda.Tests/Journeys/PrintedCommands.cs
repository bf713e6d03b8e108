using System.Text.RegularExpressions;
using InstantOnRemediate.Core.Runbook;

namespace InstantOnRemediate.Lambda.Tests.Journeys;

/// <summary>What an on-call engineer does with a printed command: copy it, fill in the placeholders, run it.</summary>
internal static partial class PrintedCommands
{
    public const string Person = "oncall@example.com";
    public const string Reason = "moving InstantOn off the AL2 node group";

    /// <summary>The runbook payload of every <c>aws lambda invoke ... --payload '...'</c> in <paramref name="text"/>.</summary>
    public static IReadOnlyList<string> Payloads(string text) =>
        [.. LambdaPayload().Matches(text).Select(m => m.Groups["payload"].Value)];

    /// <summary>The placeholders filled in as a person would (an e-mail address, a reason in words, a cluster name, an action id).</summary>
    public static string Fill(string payload, string cluster = "prod-eks") => payload
        .Replace(RunbookPlaceholders.Person, Person, StringComparison.Ordinal)
        .Replace(RunbookPlaceholders.Reason, Reason, StringComparison.Ordinal)
        .Replace("<name>", cluster, StringComparison.Ordinal)
        .Replace("<actionId>", "7b1e4d2f9a0c6e387b1e4d2f9a0c6e38", StringComparison.Ordinal); // the README's stand-in for an id from an alert

    /// <summary>Every <c>aws ssm start-automation-execution</c> in <paramref name="text"/>: the document and its parameter values.</summary>
    public static IReadOnlyList<(string Document, Dictionary<string, string> Parameters)> Automations(string text) =>
        [.. AutomationCommand().Matches(text).Select(m => (m.Groups["document"].Value,
            System.Text.Json.JsonDocument.Parse(m.Groups["parameters"].Value).RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value[0].GetString()!)))];

    [GeneratedRegex(@"aws lambda invoke [^\n]*?--payload '(?<payload>[^']*)'", RegexOptions.CultureInvariant)]
    private static partial Regex LambdaPayload();

    [GeneratedRegex(@"aws ssm start-automation-execution --document-name (?<document>\S+) --parameters '(?<parameters>[^']*)'", RegexOptions.CultureInvariant)]
    private static partial Regex AutomationCommand();
}
