using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using InstantOnRemediate.Aws.Actions;
using InstantOnRemediate.Aws.Http;
using InstantOnRemediate.Core.Actions;
using InstantOnRemediate.Core.Planning;
using InstantOnRemediate.Core.Policy;
using InstantOnRemediate.Application.Composition;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Lambda.Tests.Actions;

/// <summary>
/// A kind of action is complete only when every place that must know it does (docs/action-kinds.md): its
/// definition is registered, an executor carries it out and is in the executor catalog, at least one function is
/// composed of that executor (so the IAM proof covers its grants), and the default policy gives it the mode its
/// definition declares. Adding a kind and forgetting one of them fails here.
/// </summary>
public sealed class ActionKindCompletenessTests
{
    private static readonly IReadOnlyList<ActionKind> Executable = [.. ActionKinds.All.Where(k => k.Name != ActionTypes.None)];

    [Fact]
    public void Definitions_EveryActionKindInCore_IsRegistered()
    {
        var defined = typeof(ActionKind).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(ActionKind)) && !t.IsAbstract).ToList();

        Assert.Equal(defined.Select(t => t.FullName).Order(), ActionKinds.All.Select(k => k.GetType().FullName).Order());
        Assert.Equal(ActionKinds.All.Count, ActionKinds.Names.Distinct().Count());
    }

    [Fact]
    public void Executors_EveryKind_HasExactlyOneExecutorInTheCatalog()
    {
        TestEnvironment.ApplyStaticCredentials(); // the clients are built, never called: no test order may decide whether credentials resolve
        using var clients = new AwsClientFactory(AwsSettings.FromEnvironment(n => n == "AWS_REGION" ? "us-east-1" : null), TimeProvider.System, SharedRandomJitter.Instance);
        var policy = PolicyLoader.LoadDefault();

        var catalog = ActionExecutorCatalog.Create(clients, policy);

        Assert.Equal(Executable.Select(k => k.Name).Order(), catalog.Select(e => e.ActionType).Order());
    }

    [Fact]
    public void Permissions_EveryExecutor_IsPartOfAFunction()
    {
        var composed = FunctionPermissions.Detect.Concat(FunctionPermissions.Runbook).Concat(FunctionPermissions.Reconcile).ToHashSet();
        var executors = typeof(IActionExecutor).Assembly.GetTypes().Where(t => typeof(IActionExecutor).IsAssignableFrom(t) && !t.IsAbstract && !t.IsInterface);

        Assert.All(executors, t => Assert.Contains(t, composed));
    }

    [Fact]
    public void Policy_DefaultPolicy_GivesEveryKindItsDeclaredMode()
    {
        var account = PolicyLoader.LoadDefault().Account;

        Assert.Equal(Executable.Select(k => k.Name).Order(), account.ActionModes.Keys.Order());
        Assert.All(Executable, k => Assert.Equal(k.DefaultMode, account.ActionModes[k.Name]));
        Assert.All(Executable, k => Assert.Contains(k.DefaultMode, Modes.All));
    }

    [Fact]
    public void Policy_Schema_AcceptsEveryKindName()
    {
        var data = Path.Combine(RepoPaths.Root, "functions", "InstantOnRemediate.Core", "Data");
        var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(data, "default-policy.schema.json")))!;
        var pattern = new Regex((string)schema["properties"]!["actionModes"]!["propertyNames"]!["pattern"]!, RegexOptions.None, TimeSpan.FromSeconds(1));

        Assert.All(Executable, k => Assert.Matches(pattern, k.Name));
    }
}
