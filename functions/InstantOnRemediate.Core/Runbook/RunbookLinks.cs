namespace InstantOnRemediate.Core.Runbook;

/// <summary>
/// Where a person runs a runbook request: the runbook function (AWS CLI), and, when the stack deployed them, its
/// Systems Manager runbooks (AWS CLI or the console). Every printed command comes from <see cref="Lines"/>.
/// </summary>
public sealed record RunbookLinks
{
    public const string DefaultFunction = "instanton-remediate-runbook";

    /// <summary>Name of the runbook function.</summary>
    public string Function { get; init; } = DefaultFunction;

    /// <summary>The stack's Automation runbook per runbook action (<see cref="RunbookActions"/>); empty when not deployed.</summary>
    public IReadOnlyDictionary<string, string> Documents { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The stack's Region, for console links; null leaves them out.</summary>
    public string? Region { get; init; }

    /// <summary>The ways to send <paramref name="request"/>: the function first, then Systems Manager when it has that runbook.</summary>
    public IReadOnlyList<string> Lines(RunbookRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var lines = new List<string> { RunbookCommands.LambdaInvoke(Function, request) };
        if (Documents.TryGetValue(request.Action, out var document))
        {
            lines.Add("or in Systems Manager: " + RunbookCommands.StartAutomation(document, request));
            if (Region is { } region)
            {
                lines.Add("or in the console: " + RunbookCommands.AutomationConsoleUrl(region, document));
            }
        }

        return lines;
    }

    /// <summary>Reads <c>action=document,...</c> (the template's SSM_RUNBOOK_DOCUMENTS); unknown actions and empty entries are dropped.</summary>
    public static IReadOnlyDictionary<string, string> ParseDocuments(string? text)
    {
        var documents = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var cut = entry.IndexOf('=', StringComparison.Ordinal);
            if (cut > 0 && RunbookActions.All.Contains(entry[..cut]) && Planning.IdentifierRules.IsSsmDocumentName(entry[(cut + 1)..]))
            {
                documents[entry[..cut]] = entry[(cut + 1)..];
            }
        }

        return documents;
    }
}
