using InstantOnRemediate.Core.Planning;
using InstantOnRemediate.Core.Policy;

namespace InstantOnRemediate.Core.Tests.Policy;

public sealed class StackDocumentResolverTests
{
    private static readonly Dictionary<string, string?> Deployed = new(StringComparer.Ordinal)
    {
        [StackDocuments.DiagnosticsVariable] = "InstantOnRemediate-prod-NodeDiagnostics",
        [StackDocuments.YamaFixVariable] = "InstantOnRemediate-prod-YamaPtraceScope",
        [StackDocuments.YamaUndoVariable] = "InstantOnRemediate-prod-YamaPtraceScopeUndo",
    };

    [Fact]
    public void Resolve_StackVariablesSet_KeysBecomeDeployedNamesInAccountAndClusterPolicies()
    {
        var policies = PolicyLoader.Parse("""{ "clusters": { "payments": { "ssm": { "maxConcurrency": "1" } } } }""", "t");

        var resolved = StackDocumentResolver.Resolve(policies, Deployed);

        foreach (var policy in new[] { resolved.Account, resolved.For("payments") })
        {
            var fix = policy.Ssm.Documents["ptrace-restricted"];
            Assert.Equal(("InstantOnRemediate-prod-YamaPtraceScope", "InstantOnRemediate-prod-YamaPtraceScopeUndo", true), (fix.Name, fix.UndoName, fix.IsResolved));
            Assert.Equal(("InstantOnRemediate-prod-NodeDiagnostics", null, true), (policy.Ssm.Diagnostics!.Name, policy.Ssm.Diagnostics.UndoName, policy.Ssm.Diagnostics.IsResolved));
        }

        Assert.Equal("1", resolved.For("payments").Ssm.MaxConcurrency);
    }

    [Fact]
    public void Resolve_VariableNotSet_ErrorNamesTheFieldAndTheVariable()
    {
        var variables = new Dictionary<string, string?>(Deployed, StringComparer.Ordinal) { [StackDocuments.YamaUndoVariable] = "" };

        var error = Assert.Throws<PolicyException>(() => PolicyLoader.LoadDefault().WithStackDocuments(StackDocumentNames.FromVariables(variables)));

        var problem = Assert.Single(error.Errors);
        Assert.StartsWith("policy.ssm.documents.ptrace-restricted.document (its undo, yama-ptrace-scope-undo): ", problem, StringComparison.Ordinal);
        Assert.Contains("SSM_YAMA_UNDO_DOCUMENT is not set", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_NoStack_EveryReferenceOfThePolicyIsReported()
    {
        var error = Assert.Throws<PolicyException>(() => PolicyLoader.LoadDefault().WithStackDocuments(StackDocumentNames.None));

        Assert.Equal(3, error.Errors.Count);
        Assert.Contains(error.Errors, e => e.StartsWith("policy.ssm.diagnostics.document: ", StringComparison.Ordinal) && e.Contains("SSM_DIAGNOSTICS_DOCUMENT", StringComparison.Ordinal));
    }

    [Fact]
    public void Resolve_ExternalDocument_KeepsThePolicysNames()
    {
        var policies = PolicyLoader.Parse("""
            { "ssm": { "documents": { "ptrace-restricted": { "document": null, "external": true, "name": "Org-SetYama", "undoName": "Org-UnsetYama", "description": "org fix" } },
                       "diagnostics": null } }
            """, "t");

        var fix = policies.WithStackDocuments(StackDocumentNames.None).Account.Ssm.Documents["ptrace-restricted"];

        Assert.Equal(("Org-SetYama", "Org-UnsetYama", true), (fix.Name, fix.UndoName, fix.IsResolved));
    }

    [Fact]
    public void Parse_LiteralNameWithoutExternal_RejectedSayingHowToReferToADocument()
    {
        var error = Assert.Throws<PolicyException>(() => PolicyLoader.Parse("""
            { "ssm": { "diagnostics": { "document": null, "name": "InstantOnRemediate-CriuCheck", "description": "criu check" } } }
            """, "prod.json"));

        var problem = Assert.Single(error.Errors);
        Assert.Equal(
            "policy.ssm.diagnostics.name: 'InstantOnRemediate-CriuCheck' is not a document this stack deploys: refer to a stack document with \"document\": node-diagnostics | yama-ptrace-scope | yama-ptrace-scope-undo, or mark a document managed outside the stack \"external\": true with its \"name\"",
            problem);
        Assert.Contains("prod.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unresolved_Placeholder_IsNeverAnSsmDocumentName()
    {
        var policy = PolicyLoader.LoadDefault().Account;

        Assert.All(
            [policy.Ssm.Diagnostics!.Name, policy.Ssm.Documents["ptrace-restricted"].Name, policy.Ssm.Documents["ptrace-restricted"].UndoName],
            name => Assert.False(IdentifierRules.IsSsmDocumentName(name), name));
        Assert.Equal("{stack:yama-ptrace-scope-undo}", policy.Ssm.Documents["ptrace-restricted"].UndoName);
    }

    [Theory]
    [InlineData("arn:aws:ssm:us-east-1:123456789012:document/X")]
    [InlineData("a b")]
    [InlineData("x")]
    public void FromVariables_NotADocumentName_ErrorNamesTheVariable(string value)
    {
        var error = Assert.Throws<PolicyException>(() => StackDocumentNames.FromVariables(new Dictionary<string, string?> { [StackDocuments.DiagnosticsVariable] = value }));

        Assert.StartsWith("SSM_DIAGNOSTICS_DOCUMENT: ", Assert.Single(error.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Catalog_KeysVariablesAndUndos_AreConsistent()
    {
        Assert.Equal(StackDocuments.All.Count, StackDocuments.All.Select(d => d.Key).Distinct().Count());
        Assert.Equal(StackDocuments.All.Count, StackDocuments.All.Select(d => d.Variable).Distinct().Count());
        Assert.All(StackDocuments.All.Where(d => d.UndoKey is not null), d => Assert.NotNull(StackDocuments.Find(d.UndoKey)));
        Assert.All(StackDocuments.All, d => Assert.Matches("^SSM_[A-Z_]+_DOCUMENT$", d.Variable));
    }
}
