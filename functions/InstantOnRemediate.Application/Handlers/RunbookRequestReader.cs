using System.Text.Json;
using InstantOnRemediate.Core.Classification;
using InstantOnRemediate.Core.Planning;
using InstantOnRemediate.Core.Runbook;
using InstantOnRemediate.Application.Composition;
using InstantOnRemediate.Application.Invocation;

namespace InstantOnRemediate.Application.Handlers;

/// <summary>
/// Reads a runbook request and validates every member before anything uses it: the action, the members that
/// action takes (unknown, duplicated or missing ones are errors), types, lengths (≤ 256 chars) and each
/// identifier's grammar. Any problem is an <see cref="InvalidRequestException"/> naming the member.
/// </summary>
internal static class RunbookRequestReader
{
    private static readonly string Expected = $"{{\"action\": \"{string.Join("|", RunbookActions.All)}\", ...}} (see README, Runbooks)";

    public static RunbookRequest Read(ReadOnlyMemory<byte> payload)
    {
        using var document = JsonEvent.ParseObject(payload, HandlerNames.Runbook, Expected);
        var root = document.RootElement;
        var action = ReadAction(root);
        var (required, optional) = RunbookFields.For(action);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in root.EnumerateObject())
        {
            if (!seen.Add(member.Name))
            {
                throw Invalid(action, $"'{Shown(member.Name)}' appears more than once");
            }

            if (member.Name != RunbookFields.Action && !required.Contains(member.Name) && !optional.Contains(member.Name))
            {
                var takes = required.Concat(optional).ToList();
                throw Invalid(action, $"unknown member '{Shown(member.Name)}'; {action} takes {(takes.Count == 0 ? "no other member" : string.Join(", ", takes))}");
            }
        }

        foreach (var name in required.Where(n => !seen.Contains(n)))
        {
            throw Invalid(action, $"'{name}' is required");
        }

        string? Text(string name, Func<string, bool> valid, string grammar)
        {
            if (!root.TryGetProperty(name, out var value))
            {
                return null;
            }

            if (value.ValueKind != JsonValueKind.String)
            {
                throw Invalid(action, $"'{name}' must be a string (got a JSON {JsonEvent.KindName(value.ValueKind)})");
            }

            var text = value.GetString()!;
            if (text.Length > RunbookIdentifiers.MaxLength)
            {
                throw Invalid(action, $"'{name}' is {text.Length} characters long; at most {RunbookIdentifiers.MaxLength} are accepted");
            }

            return valid(text) ? text : throw Invalid(action, $"'{name}' must be {grammar} (got '{Shown(text)}')");
        }

        var cluster = Text(RunbookFields.Cluster, IdentifierRules.IsClusterName, "an EKS cluster name (1-100 of A-Z a-z 0-9 - _, starting alphanumeric)");
        var nodegroup = Text(RunbookFields.Nodegroup, IdentifierRules.IsNodegroupName, "an EKS node-group name (1-63 of A-Z a-z 0-9 - _, starting alphanumeric)");
        var node = Text(RunbookFields.Node, RunbookIdentifiers.IsDnsSubdomain, "a Kubernetes node name (DNS-1123 subdomain: a-z 0-9 - ., ≤ 253)");
        var pod = Text(RunbookFields.Pod, RunbookIdentifiers.IsDnsSubdomain, "a Kubernetes pod name (DNS-1123 subdomain: a-z 0-9 - ., ≤ 253)");
        var ns = Text(RunbookFields.Namespace, RunbookIdentifiers.IsDnsLabel, "a Kubernetes namespace (DNS-1123 label: a-z 0-9 -, ≤ 63)");
        var cause = Text(RunbookFields.Cause, c => CauseIds.All.Contains(c) && c != CauseIds.None, "a cause id of the signature catalog, e.g. rseq-ptrace-unsupported");
        var planId = Text(RunbookFields.PlanId, RunbookIdentifiers.IsPlanId, "a plan id (plan- and 16 hex digits)");
        var actionId = Text(RunbookFields.ActionId, RunbookIdentifiers.IsActionId, "an action id (32 lower-case hex digits, as printed in the plan or the alert)");
        var approvedBy = Text(RunbookFields.ApprovedBy, RunbookIdentifiers.IsPerson, "who approves: an e-mail address or IAM name/ARN (≤ 128, no spaces)");
        var by = Text(RunbookFields.By, RunbookIdentifiers.IsPerson, "who asks: an e-mail address or IAM name/ARN (≤ 128, no spaces)");
        var reason = Text(RunbookFields.Reason, RunbookIdentifiers.IsReason, $"a reason in words (3-{RunbookIdentifiers.MaxLength} printable characters)");
        var deleteCreated = ReadBool(root, action, RunbookFields.DeleteCreatedNodegroup);

        if (new[] { nodegroup, node, pod }.Count(t => t is not null) > 1)
        {
            throw Invalid(action, "give at most one of 'nodegroup', 'node' or 'pod'");
        }

        if (ns is not null && pod is null)
        {
            throw Invalid(action, "'namespace' goes with 'pod'");
        }

        // Required members were checked above: the null-forgiving reads below cannot be null.
        return action switch
        {
            RunbookActions.Diagnose => new DiagnoseRequest(cluster!) { Nodegroup = nodegroup, Node = node, Pod = pod, Namespace = ns },
            RunbookActions.Plan => new PlanRequest(cluster!) { Cause = cause, Nodegroup = nodegroup },
            RunbookActions.Apply => new ApplyRequest(actionId!, approvedBy!, reason!) { PlanId = planId },
            RunbookActions.Status => new StatusRequest { Cluster = cluster },
            RunbookActions.Rollback => new RollbackRequest(actionId!, approvedBy!, reason!) { DeleteCreatedNodegroup = deleteCreated },
            RunbookActions.Pause => new PauseRequest(reason!, by!),
            RunbookActions.Resume => new ResumeRequest(reason!, by!),
            _ => throw Invalid(action, "not a runbook action"),
        };
    }

    private static string ReadAction(JsonElement root)
    {
        if (!root.TryGetProperty(RunbookFields.Action, out var action))
        {
            throw new InvalidRequestException($"runbook: the request has no 'action'; expected {Expected}");
        }

        var name = action.ValueKind == JsonValueKind.String ? action.GetString() : null;
        if (name is null || !RunbookActions.All.Contains(name))
        {
            var shown = name is null ? $"a JSON {JsonEvent.KindName(action.ValueKind)}" : $"'{Shown(name)}'";
            throw new InvalidRequestException($"runbook: 'action' must be one of {string.Join(", ", RunbookActions.All)} (got {shown})");
        }

        return name;
    }

    private static bool ReadBool(JsonElement root, string action, string name)
    {
        if (!root.TryGetProperty(name, out var value))
        {
            return false;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Invalid(action, $"'{name}' must be true or false (got a JSON {JsonEvent.KindName(value.ValueKind)})"),
        };
    }

    private static InvalidRequestException Invalid(string action, string problem) => new($"runbook {action}: {problem}");

    /// <summary>A rejected value as it may appear in a message: at most 40 characters, control characters as '?'.</summary>
    private static string Shown(string text)
    {
        var cut = text.Length <= 40 ? text : text[..40] + "...";
        return string.Create(cut.Length, cut, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsControl(source[i]) ? '?' : source[i];
            }
        });
    }
}
