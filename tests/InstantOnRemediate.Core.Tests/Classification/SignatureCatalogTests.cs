using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using InstantOnRemediate.Core.Classification;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Core.Tests.Classification;

public sealed class SignatureCatalogTests
{
    private static readonly string DataDir = Path.Combine(RepoPaths.Root, "functions", "InstantOnRemediate.Core", "Data");

    [Fact]
    public void LoadEmbedded_ShippedCatalog_LoadsOnceWithEveryLayer()
    {
        var catalog = SignatureCatalog.LoadEmbedded();

        Assert.Same(catalog, SignatureCatalog.LoadEmbedded());
        Assert.True(catalog.Document.Signatures.Count >= 50);
        Assert.NotEmpty(catalog.Document.Subsystems);
        Assert.NotEmpty(catalog.Document.Errnos);
        Assert.NotEmpty(catalog.Document.Rules);
        Assert.NotEmpty(catalog.Document.NodeFacts);
        Assert.All(catalog.Document.Rules, r => Assert.False(string.IsNullOrWhiteSpace(r.Mechanism) || string.IsNullOrWhiteSpace(r.Source), r.Id));
    }

    [Fact]
    public void Load_ShippedCatalog_ValidAgainstItsJsonSchema()
    {
        var psi = new ProcessStartInfo("python3")
        {
            ArgumentList = { "-c", "import json,sys,jsonschema; s=json.load(open(sys.argv[1])); jsonschema.Draft202012Validator.check_schema(s); jsonschema.validate(json.load(open(sys.argv[2])), s); print('valid')",
                Path.Combine(DataDir, "signatures.schema.json"), Path.Combine(DataDir, "signatures.json") },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();

        Assert.True(process.ExitCode == 0, stderr);
        Assert.Equal("valid", stdout.Trim());
    }

    [Theory]
    [InlineData("signatures", 0, "regex", "([unclosed", "signatures[0] 'dump-rseq-no-get-rseq-conf': regex does not compile")]
    [InlineData("signatures", 1, "regex", "[z-a]", "signatures[1] 'restore-task-sigsegv': regex does not compile")]
    [InlineData("signatures", 2, "cause", "bad-luck", "signatures[2] 'kerndat-clone3-eperm': cause 'bad-luck'")]
    [InlineData("signatures", 2, "verdict", "none", "signatures[2] 'kerndat-clone3-eperm': verdict 'none'")]
    [InlineData("signatures", 3, "id", "restore-task-sigsegv", "signatures[3] 'restore-task-sigsegv': id is empty or used twice")]
    [InlineData("signatures", 4, "filterTerm", "not-in-literal", "signatures[4] 'pipes-vmsplice-eperm': filterTerm 'not-in-literal'")]
    [InlineData("markers", 0, "kind", "maybe", "markers[0] 'liberty-restore-failed-recovering': kind 'maybe'")]
    [InlineData("benign", 0, "phase", "sometimes", "benign[0] 'xdg-runtime-dir': phase 'sometimes'")]
    [InlineData("causes", 0, "remedy", "pray", "causes[0] 'rseq-ptrace-unsupported': remedy 'pray'")]
    public void Load_BrokenEntry_FailsNamingTheEntry(string section, int index, string field, string value, string expected)
    {
        var doc = JsonNode.Parse(File.ReadAllText(Path.Combine(DataDir, "signatures.json")))!;
        doc[section]![index]![field] = value;

        var e = Assert.Throws<CatalogValidationException>(() => SignatureCatalog.Load(new MemoryStream(Encoding.UTF8.GetBytes(doc.ToJsonString()))));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownPropertyOrMissingCause_Fails()
    {
        var doc = JsonNode.Parse(File.ReadAllText(Path.Combine(DataDir, "signatures.json")))!;
        doc["signatures"]![0]!["precedense"] = 3;
        var typo = Assert.Throws<CatalogValidationException>(() => SignatureCatalog.Load(new MemoryStream(Encoding.UTF8.GetBytes(doc.ToJsonString()))));
        Assert.Contains("precedense", typo.Message, StringComparison.Ordinal);

        doc = JsonNode.Parse(File.ReadAllText(Path.Combine(DataDir, "signatures.json")))!;
        doc["causes"]!.AsArray().RemoveAt(0);
        var missing = Assert.Throws<CatalogValidationException>(() => SignatureCatalog.Load(new MemoryStream(Encoding.UTF8.GetBytes(doc.ToJsonString()))));
        Assert.Contains("causes: lacks an entry for rseq-ptrace-unsupported", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnsafeLiteralWithoutFilterTerm_Fails()
    {
        var doc = JsonNode.Parse(File.ReadAllText(Path.Combine(DataDir, "signatures.json")))!;
        var plain = doc["signatures"]!.AsArray().First(s => s!["filterTerm"] is null)!;
        plain["literals"] = new JsonArray("has \"quotes\"");

        var e = Assert.Throws<CatalogValidationException>(() => SignatureCatalog.Load(new MemoryStream(Encoding.UTF8.GetBytes(doc.ToJsonString()))));

        Assert.Contains("add a filterTerm", e.Message, StringComparison.Ordinal);
    }
}
