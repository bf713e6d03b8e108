using System.Reflection;
using InstantOnRemediate.Aws.Actions;
using InstantOnRemediate.Aws.Events;
using InstantOnRemediate.Aws.Http;
using InstantOnRemediate.Aws.Inventory;
using InstantOnRemediate.Aws.State;
using InstantOnRemediate.Core.Classification;
using InstantOnRemediate.Core.Correlation;
using InstantOnRemediate.Core.Policy;
using InstantOnRemediate.Core.State;
using InstantOnRemediate.Lambda.Composition;
using InstantOnRemediate.Lambda.Logging;

namespace InstantOnRemediate.Lambda.Service;

/// <summary>
/// What the three functions share, each piece built on first use (cold start stays small): catalog, policy, AWS
/// clients, state store, inventory source, executors. One per process; handlers hold it.
/// Offline (no --aws): snapshot inventory, a file state store, no execution, alerts only rendered.
/// </summary>
internal sealed class ServiceContext : IDisposable
{
    private const string DemoInventoryPrefix = "InstantOnRemediate.DemoInventory.";
    private readonly Lazy<SignatureCatalog> catalog = new(SignatureCatalog.LoadEmbedded);
    private readonly Lazy<PolicySet> policy;
    private readonly Lazy<AwsClientFactory?> aws;
    private readonly Lazy<IStateStore> state;
    private readonly Lazy<IInventorySource> inventory;
    private readonly Lazy<ActionExecutors?> executors;
    private readonly Lazy<EventPublisher> events;
    private readonly IReadOnlyCollection<Type>? composedOf;
    private readonly bool probeNodes;
    private string? ephemeralStateDirectory;

    /// <param name="composedOf">
    /// The AWS-calling types the function is declared with (FunctionPermissions); executors outside it are not built,
    /// so the function never calls what its role does not grant. Null = every executor.
    /// </param>
    public ServiceContext(FunctionOptions options, ServiceSettings settings, JsonLogger log, TimeProvider clock, IReadOnlyCollection<Type>? composedOf = null, Func<AwsSettings>? awsSettings = null, bool probeNodes = false)
    {
        this.composedOf = composedOf;
        this.probeNodes = probeNodes;
        Options = options;
        Settings = settings;
        Log = log;
        Clock = options.DecisionClock(clock);
        Metrics = new EmfMetrics(log.Sink, clock);
        policy = new(LoadPolicy);
        aws = new(() => options.UseAws
            ? new AwsClientFactory((awsSettings ?? throw new FunctionConfigurationException("no AWS settings were given to a function that runs against AWS"))(), clock, SharedRandomJitter.Instance)
            : null);
        state = new(CreateStateStore);
        inventory = new(CreateInventorySource);
        executors = new(CreateExecutors);
        events = new(() => Aws is { } clients
            ? EventPublisher.FromEnvironment(clients, clock, SharedRandomJitter.Instance, name => name == EventBusName.Variable ? Settings.EventBus : null)
            : EventPublisher.Disabled);
    }

    public FunctionOptions Options { get; }

    public ServiceSettings Settings { get; }

    public JsonLogger Log { get; }

    /// <summary>The decision clock: the fixed --now/NOW instant for replays, the system clock otherwise.</summary>
    public TimeProvider Clock { get; }

    public EmfMetrics Metrics { get; }

    public SignatureCatalog Catalog => catalog.Value;

    /// <summary>The effective policy: the document (or the shipped default) with the deployment's mode, topic and pause switch.</summary>
    public PolicySet Policy => policy.Value;

    /// <summary>AWS clients; null offline.</summary>
    public AwsClientFactory? Aws => aws.Value;

    public IStateStore State => state.Value;

    public IInventorySource Inventory => inventory.Value;

    /// <summary>Where the service's EventBridge events go; disabled offline and without EVENT_BUS.</summary>
    public EventPublisher Events => events.Value;

    /// <summary>Executors; null offline, where nothing is carried out.</summary>
    public ActionExecutors? Executors => executors.Value;

    /// <summary>Who acts, for claims and the audit trail.</summary>
    public string Owner => Options.UseAws ? "instanton-remediate" : "instanton-remediate-local";

    public void Dispose()
    {
        if (aws.IsValueCreated)
        {
            aws.Value?.Dispose();
        }

        if (ephemeralStateDirectory is not null && Directory.Exists(ephemeralStateDirectory))
        {
            Directory.Delete(ephemeralStateDirectory, recursive: true);
        }
    }

    private PolicySet LoadPolicy()
    {
        var set = PolicyParameter.Load(Settings.Policy, PolicyParameter.IsParameterName(Settings.Policy) ? Aws?.Ssm : null);
        if (Settings.StackDocuments != StackDocumentNames.None)
        {
            try
            {
                set = set.WithStackDocuments(Settings.StackDocuments); // policy keys -> the documents this stack deployed
            }
            catch (PolicyException e)
            {
                throw new FunctionConfigurationException($"{FunctionOptions.PolicyVariable}: {e.Message}", e);
            }
        }

        return set.WithDeployment(Options.Mode, Settings.TopicArn, Settings.PauseParameter);
    }

    private IStateStore CreateStateStore()
    {
        if (Options.StateDirectory is { } dir)
        {
            return new FileStateStore(dir, Clock);
        }

        if (Aws is { } clients && Settings.StateTable is { } table)
        {
            return new DynamoDbStateStore(clients.DynamoDb, table, Clock);
        }

        if (Options.UseAws)
        {
            throw new FunctionConfigurationException($"{FunctionOptions.StateTableVariable} must name the state table when the service runs against AWS");
        }

        // A local run without --state remembers nothing beyond this invocation.
        ephemeralStateDirectory = Path.Combine(Path.GetTempPath(), "instanton-remediate-" + Guid.NewGuid().ToString("N"));
        return new FileStateStore(ephemeralStateDirectory, Clock);
    }

    private IInventorySource CreateInventorySource() =>
        new ProbedInventorySource(CreateGatheringSource(), () => State, NodegroupAssessor.Default, Clock, Log, recordProbes: probeNodes && Aws is not null);

    private IInventorySource CreateGatheringSource()
    {
        if (Aws is { } clients)
        {
            var diagnostics = Policy.Account.Ssm.Diagnostics is { IsResolved: true } document ? document.Name : null;
            return new AwsInventorySource(new InventoryGatherer(clients.Eks, clients.Ec2, clients.Ssm, Clock, new InventoryGathererOptions
            {
                DiagnosticsDocument = diagnostics,
                ProbeNodes = probeNodes && diagnostics is not null,
                // A person waits for diagnose: a node that has not answered within ~12 s is reported as such.
                ProbeMaxAttempts = 6,
                ProbePollInterval = TimeSpan.FromSeconds(2),
            }));
        }

        return Options.InventoryFile is { } file
            ? new SnapshotInventorySource(file)
            : new SnapshotInventorySource(DemoInventory);
    }

    private ActionExecutors? CreateExecutors()
    {
        if (Aws is not { } clients)
        {
            return null;
        }

        var all = ActionExecutorCatalog.Create(clients, Policy);
        return new ActionExecutors(composedOf is null ? all : all.Where(e => composedOf.Contains(e.GetType())));
    }

    /// <summary>The shipped demo inventory (events/inventory/*.json), embedded so the demo runs anywhere.</summary>
    private static IEnumerable<(string Origin, byte[] Json)> DemoInventory()
    {
        var assembly = typeof(ServiceContext).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(DemoInventoryPrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            yield return (name, copy.ToArray());
        }
    }
}
