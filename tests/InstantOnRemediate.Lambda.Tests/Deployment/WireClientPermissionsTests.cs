using System.Reflection;
using InstantOnRemediate.Aws.Eks;
using InstantOnRemediate.Application.Composition;

namespace InstantOnRemediate.Lambda.Tests.Deployment;

/// <summary>
/// The hand-written wire clients declare, method by method, the IAM actions their calls need. They are not what a
/// function is granted (the components that use them are), but they must not drift from the components: the same
/// action on the same kind of resource, and nothing a component declares for a call that the client leaves out
/// (EKS CreateNodegroup passes a node role and tags the group).
/// </summary>
public sealed class WireClientPermissionsTests
{
    private static readonly Assembly AwsAssembly = typeof(IAmazonEks).Assembly;

    /// <summary>Every hand-written client: an internal type implementing one of our SDK-shaped IAmazon* interfaces.</summary>
    private static readonly IReadOnlyList<Type> Clients =
        [.. AwsAssembly.GetTypes().Where(t => t.IsClass && !t.IsAbstract && t.Name.EndsWith("Client", StringComparison.Ordinal)
            && t.GetInterfaces().Any(i => i.Assembly == AwsAssembly && i.Name.StartsWith("IAmazon", StringComparison.Ordinal)))];

    /// <summary>The components functions are composed of, with what they declare.</summary>
    private static readonly IReadOnlyList<IamGrant> Components = DeclaredPermissions.Of(
        FunctionPermissions.Detect.Concat(FunctionPermissions.Runbook).Concat(FunctionPermissions.Reconcile).Distinct());

    [Fact]
    public void Clients_AllFiveHandWrittenOnes_AreFound()
    {
        Assert.Equal(["CloudWatchLogsClient", "Ec2Client", "EksClient", "EventBridgeClient", "SnsClient"], Clients.Select(c => c.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Components_EveryActionOnAClientsService_IsDeclaredByTheClientOnTheSameResource()
    {
        var problems = new List<string>();
        foreach (var client in Clients)
        {
            var declared = DeclaredPermissions.Declarations(client).Select(a => (a.Action, a.Resource)).ToHashSet();
            var services = declared.Select(d => Service(d.Action)).Where(s => s != "iam").ToHashSet(StringComparer.Ordinal);
            foreach (var grant in Components.Where(g => services.Contains(Service(g.Action)) || declared.Any(d => d.Action == g.Action)))
            {
                if (!declared.Contains((grant.Action, grant.Kind)))
                {
                    var said = declared.Where(d => d.Action == grant.Action).Select(d => d.Resource).ToList();
                    problems.Add(said.Count == 0
                        ? $"{grant.Origin} declares {grant.Action} on {grant.Kind}; {client.Name} does not declare it for any call"
                        : $"{grant.Origin} declares {grant.Action} on {grant.Kind}; {client.Name} says {string.Join(", ", said)}");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static string Service(string action) => action[..action.IndexOf(':', StringComparison.Ordinal)];
}
