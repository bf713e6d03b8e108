using System.Text.Json.Nodes;

namespace InstantOnRemediate.Testing;

/// <summary>
/// The stack's SSM documents: each AWS::SSM::Document of template.yaml with the file under infra/ssm/ its Content is
/// copied from (scripts/ssm-documents.py sync), and that file read as CloudFormation reads the template (short tags in
/// long form) by scripts/ssm-documents.py fragment.
/// </summary>
public static class SsmDocumentFiles
{
    public static readonly IReadOnlyDictionary<string, string> ByResource = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["NodeDiagnosticsDocument"] = "node-diagnostics.yaml",
        ["YamaPtraceScopeDocument"] = "yama-ptrace-scope.yaml",
        ["YamaPtraceScopeUndoDocument"] = "yama-ptrace-scope-undo.yaml",
        ["DiagnoseRunbook"] = "runbook-diagnose.yaml",
        ["PlanRunbook"] = "runbook-plan.yaml",
        ["ApplyRunbook"] = "runbook-apply.yaml",
        ["StatusRunbook"] = "runbook-status.yaml",
        ["RollbackRunbook"] = "runbook-rollback.yaml",
        ["PauseRunbook"] = "runbook-pause.yaml",
        ["ResumeRunbook"] = "runbook-resume.yaml",
    };

    public static string Directory => Path.Combine(RepoPaths.Root, "infra", "ssm");

    /// <summary>The template's AWS::SSM::Document resources (logical id → resource).</summary>
    public static IReadOnlyDictionary<string, JsonObject> Documents(JsonObject template) =>
        DeploymentFiles.Resources(template)
            .Where(r => (string?)r.Value!["Type"] == "AWS::SSM::Document")
            .ToDictionary(r => r.Key, r => r.Value!.AsObject(), StringComparer.Ordinal);

    /// <summary>The template's Content of <paramref name="resource"/>.</summary>
    public static JsonObject Content(string resource) => Documents(DeploymentFiles.Template)[resource]["Properties"]!["Content"]!.AsObject();

    public static JsonObject Fragment(string file) => RepoScript.Json("ssm-documents.py", "fragment", Path.Combine(Directory, file));

    /// <summary>
    /// The stack's command documents as CloudFormation would create them in a stack called <paramref name="stackName"/>:
    /// the name its <c>Fn::Sub</c> gives, the Content as JSON, and the function environment variable that carries the
    /// deployed name (<c>!Ref</c> of the resource in Globals). Read from template.yaml, so a test that deploys these
    /// deploys what the template does.
    /// </summary>
    public static IReadOnlyList<DeployedCommandDocument> CommandDocuments(string stackName)
    {
        var template = DeploymentFiles.Template;
        var variables = template["Globals"]!["Function"]!["Environment"]!["Variables"]!.AsObject()
            .Where(v => v.Value is JsonObject o && o["Ref"] is JsonValue)
            .ToDictionary(v => (string)v.Value!["Ref"]!, v => v.Key, StringComparer.Ordinal);
        return
        [
            .. Documents(template)
                .Where(d => (string?)d.Value["Properties"]!["DocumentType"] == "Command")
                .OrderBy(d => d.Key, StringComparer.Ordinal)
                .Select(d => new DeployedCommandDocument(
                    d.Key,
                    ((string)d.Value["Properties"]!["Name"]!["Fn::Sub"]!).Replace("${AWS::StackName}", stackName, StringComparison.Ordinal),
                    d.Value["Properties"]!["Content"]!.ToJsonString(),
                    (string)d.Value["Properties"]!["TargetType"]!,
                    variables.GetValueOrDefault(d.Key))),
        ];
    }

    /// <summary>The shell lines of a command document's one aws:runShellScript step.</summary>
    public static IReadOnlyList<string> Script(string resource) =>
        [.. Content(resource)["mainSteps"]!.AsArray().Single()!["inputs"]!["runCommand"]!.AsArray().Select(l => (string)l!)];
}

/// <summary>One command document of template.yaml as a stack would create it.</summary>
/// <param name="Resource">Logical id in template.yaml.</param>
/// <param name="Name">Deployed name.</param>
/// <param name="ContentJson">The document's Content as JSON.</param>
/// <param name="TargetType">The document's TargetType.</param>
/// <param name="Variable">The function environment variable that carries <paramref name="Name"/>, if any.</param>
public sealed record DeployedCommandDocument(string Resource, string Name, string ContentJson, string TargetType, string? Variable);
