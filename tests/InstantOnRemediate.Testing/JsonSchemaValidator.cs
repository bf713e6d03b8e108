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

        var input = Path.Combine(Path.GetTempPath(), $"json-schema-validate-{Guid.NewGuid():N}.json");
        File.WriteAllText(input, new JsonObject { ["schema"] = schemaPath, ["documents"] = array }.ToJsonString(), new UTF8Encoding(false));
        try
        {
            var start = new ProcessStartInfo("python3", [Path.Combine(RepoPaths.Root, "scripts", "json-schema-validate.py"), input])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("json-schema-validate.py did not finish");
            }

            if (process.ExitCode is not (0 or 1))
            {
                throw new InvalidOperationException($"json-schema-validate.py exited {process.ExitCode}: {stderr.Result}");
            }

            using var report = JsonDocument.Parse(stdout.Result);
            return [.. report.RootElement.GetProperty("results").EnumerateArray()
                .Select(r => (IReadOnlyList<string>)[.. r.GetProperty("errors").EnumerateArray().Select(e => e.GetString() ?? "")])];
        }
        finally
        {
            File.Delete(input);
        }
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
