using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;

namespace InstantOnRemediate.Aws.Tests.Actions;

/// <summary>AWS's own service model from the machine image's botocore, to check hand-checked request bodies against.</summary>
internal sealed class BotocoreModel
{
    private readonly JsonElement shapes;

    private BotocoreModel(JsonElement shapes) => this.shapes = shapes;

    public static BotocoreModel Load(string service, string version)
    {
        var start = new ProcessStartInfo("python3", ["-c", "import botocore,os;print(os.path.dirname(botocore.__file__))"]) { RedirectStandardOutput = true };
        using var python = Process.Start(start)!;
        var root = python.StandardOutput.ReadToEnd().Trim();
        python.WaitForExit();
        var path = Path.Combine(root, "data", service, version, "service-2.json");
        using Stream raw = File.Exists(path) ? File.OpenRead(path) : new GZipStream(File.OpenRead(path + ".gz"), CompressionMode.Decompress);
        using var doc = JsonDocument.Parse(raw);
        return new BotocoreModel(doc.RootElement.GetProperty("shapes").Clone());
    }

    /// <summary>Problems of a JSON request body against an input shape: unknown members, missing required ones.</summary>
    public IReadOnlyList<string> Check(string shape, JsonElement body)
    {
        var definition = shapes.GetProperty(shape);
        var members = definition.GetProperty("members");
        var problems = new List<string>();
        foreach (var property in body.EnumerateObject())
        {
            if (!members.TryGetProperty(property.Name, out _))
            {
                problems.Add($"{shape}: unknown member {property.Name}");
            }
        }

        if (definition.TryGetProperty("required", out var required))
        {
            problems.AddRange(required.EnumerateArray().Select(r => r.GetString()!).Where(r => !body.TryGetProperty(r, out _)).Select(r => $"{shape}: missing required {r}"));
        }

        return problems;
    }
}
