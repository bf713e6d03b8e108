using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace InstantOnRemediate.Testing;

/// <summary>
/// Validates JSON documents against a schema file of the repository (draft 2020-12) with the machine image's
/// python-jsonschema, through scripts/json-schema-validate.py: the real validator, not one of ours.
/// </summary>
public static class JsonSchemaValidator
{
    /// <summary>Per document (in order), the validator's error lines; empty = valid.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Validate(string schemaPath, IEnumerable<string> documents)
    {
        var array = new JsonArray();
        foreach (var document in documents)
        {
            array.Add(JsonNode.Parse(document));
        }

        var stdout = PythonChecker.Run("json-schema-validate.py", new JsonObject { ["schema"] = schemaPath, ["documents"] = array }, TimeSpan.FromSeconds(60));
        using var report = JsonDocument.Parse(stdout);
        return [.. report.RootElement.GetProperty("results").EnumerateArray()
            .Select(r => (IReadOnlyList<string>)[.. r.GetProperty("errors").EnumerateArray().Select(e => e.GetString() ?? "")])];
    }

    /// <summary>Fails with every error of every invalid document.</summary>
    public static void AssertValid(string schemaPath, IEnumerable<string> documents)
    {
        var list = documents.ToList();
        var results = Validate(schemaPath, list);
        var problems = results.Select((errors, i) => (errors, i)).Where(r => r.errors.Count > 0)
            .Select(r => $"document #{r.i}: {string.Join("; ", r.errors)}\n  {list[r.i]}").ToList();
        if (problems.Count > 0)
        {
            throw new Xunit.Sdk.XunitException($"{Path.GetFileName(schemaPath)}:\n" + string.Join("\n", problems));
        }
    }
}
