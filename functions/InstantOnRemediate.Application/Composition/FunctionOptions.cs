using System.Collections;
using System.Globalization;
using InstantOnRemediate.Core.Planning;

namespace InstantOnRemediate.Application.Composition;

/// <summary>
/// How a function is configured: from the Lambda environment (<see cref="FromEnvironment"/>) or from the local
/// runner's options. Validated before any handler is built (<see cref="Validate"/>).
/// </summary>
internal sealed record FunctionOptions
{
    // Environment variables read by FromEnvironment (Lambda). Keep this list, EnvironmentVariables and the
    // template's Environment.Variables in step.
    public const string ModeVariable = "MODE";
    public const string InventoryFileVariable = "INVENTORY_FILE";
    public const string UseAwsVariable = "USE_AWS";
    public const string StateDirectoryVariable = "STATE_DIRECTORY";
    public const string NowVariable = "NOW";
    public const string LogLevelVariable = "LOG_LEVEL";
    public const string TaskRootVariable = "LAMBDA_TASK_ROOT";
    public const string ClustersVariable = "CLUSTERS";
    public const string PolicyVariable = "POLICY";
    public const string StateTableVariable = "STATE_TABLE";
    public const string TopicArnVariable = "TOPIC_ARN";
    public const string PauseParameterVariable = "PAUSE_PARAMETER";
    public const string RunbookFunctionVariable = "RUNBOOK_FUNCTION";
    public const string ContainerLogGroupsVariable = "CONTAINER_LOG_GROUPS";
    public const string FunctionNameVariable = "AWS_LAMBDA_FUNCTION_NAME";
    public const string RunbookDocumentsVariable = "SSM_RUNBOOK_DOCUMENTS";

    /// <summary>
    /// Every environment variable the functions read (FunctionOptions, ServiceSettings), its meaning and who sets
    /// it: template.yaml, Lambda itself, or nobody in a deployment (optional: local runs and replays). A test
    /// records what the readers actually ask for and compares it with this list and with the template.
    /// </summary>
    public static readonly IReadOnlyList<EnvironmentVariable> EnvironmentVariables =
    [
        new(ModeVariable, "observe | recommend | enforce (default observe): how far the service may act", VariableSource.Template),
        new(InventoryFileVariable, "path of an inventory snapshot to use instead of AWS (relative paths are under LAMBDA_TASK_ROOT)", VariableSource.Optional),
        new(UseAwsVariable, "true | false: gather the inventory and act through AWS (default true unless INVENTORY_FILE is set)", VariableSource.Optional),
        new(StateDirectoryVariable, "directory of the file state store (default: none, the DynamoDB store)", VariableSource.Optional),
        new(NowVariable, "ISO-8601 instant to decide at instead of the clock (replays of past events)", VariableSource.Optional),
        new(LogLevelVariable, "debug | info | warn | error (default info), read by the host", VariableSource.Template),
        new(TaskRootVariable, "set by Lambda: the unpacked package directory", VariableSource.Lambda),
        new(ClustersVariable, "EKS cluster names the stack watches and may remediate, comma separated (IAM is scoped to these)", VariableSource.Template),
        new(PolicyVariable, "safety policy: empty = the shipped default, JSON text, or the name of an SSM String parameter under /instanton-remediate/<stack>/", VariableSource.Template),
        new(StateTableVariable, "DynamoDB state table (pk/sk strings, TTL attribute ttl); used unless STATE_DIRECTORY is set", VariableSource.Template),
        new(TopicArnVariable, "SNS topic ARN of the service's alerts", VariableSource.Template),
        new(PauseParameterVariable, "SSM parameter name of the pause switch (value true = take no action)", VariableSource.Template),
        new(RunbookFunctionVariable, "name of the runbook function, quoted in alerts so on-call can approve or inspect (the runbook function itself uses AWS_LAMBDA_FUNCTION_NAME: a function cannot reference its own name in the template)", VariableSource.Template),
        new(FunctionNameVariable, "set by Lambda: the function's own name (the runbook quotes it in its replies)", VariableSource.Lambda),
        new(RunbookDocumentsVariable, "the stack's Systems Manager runbooks, action=document comma separated, quoted in alerts next to the function command (detect and reconcile: the runbooks reference the runbook function, so it cannot reference them)", VariableSource.Template),
        new(Aws.Events.EventBusName.Variable, "EventBridge bus name or ARN for the service's events (empty = none; docs/notifications.md)", VariableSource.Template),
        .. Core.Policy.StackDocuments.All.Select(d => new EnvironmentVariable(d.Variable, d.Meaning, VariableSource.Template)),
        new(ContainerLogGroupsVariable, "container log groups reconcile and diagnose search for later restore outcomes, comma separated (default: the clusters' Container Insights groups)", VariableSource.Template),
    ];

    public string Mode { get; init; } = Modes.Observe;

    /// <summary>Inventory snapshot file; null with <see cref="UseAws"/> false means the shipped demo inventory.</summary>
    public string? InventoryFile { get; init; }

    public bool UseAws { get; init; }

    /// <summary>Directory of the file state store; null means the DynamoDB store (Lambda) or none.</summary>
    public string? StateDirectory { get; init; }

    /// <summary>Fixed decision time for replays; null means the clock.</summary>
    public DateTimeOffset? Now { get; init; }

    /// <summary>The clock decisions use: <see cref="Now"/> when set, otherwise <paramref name="clock"/>.</summary>
    public TimeProvider DecisionClock(TimeProvider clock) => Now is { } now ? new FixedTimeProvider(now) : clock;

    /// <summary>Reads the Lambda environment (see <see cref="EnvironmentVariables"/>) and validates it.</summary>
    public static FunctionOptions FromEnvironment(IDictionary environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var inventory = Get(environment, InventoryFileVariable);
        if (inventory is not null && !Path.IsPathRooted(inventory) && Get(environment, TaskRootVariable) is { } root)
        {
            inventory = Path.Combine(root, inventory);
        }

        bool useAws;
        switch (Get(environment, UseAwsVariable)?.ToUpperInvariant())
        {
            case null:
                useAws = inventory is null;
                break;
            case "TRUE" or "1" or "YES":
                useAws = true;
                break;
            case "FALSE" or "0" or "NO":
                useAws = false;
                break;
            default:
                throw new FunctionConfigurationException($"{UseAwsVariable} must be true or false (got '{Get(environment, UseAwsVariable)}')");
        }

        DateTimeOffset? now = null;
        if (Get(environment, NowVariable) is { } nowText)
        {
            now = ParseInstant(nowText) ?? throw new FunctionConfigurationException($"{NowVariable} must be an ISO-8601 instant with an offset, e.g. 2025-05-08T10:00:00Z (got '{nowText}')");
        }

        var options = new FunctionOptions
        {
            Mode = Get(environment, ModeVariable) ?? Modes.Observe,
            InventoryFile = inventory,
            UseAws = useAws,
            StateDirectory = Get(environment, StateDirectoryVariable),
            Now = now,
        };
        options.Validate();
        return options;
    }

    /// <summary>Parses an ISO-8601 instant that names its offset (Z or ±hh:mm); null when it does not.</summary>
    public static DateTimeOffset? ParseInstant(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        var hasOffset = trimmed.EndsWith('Z') || trimmed.EndsWith('z') || (trimmed.Length > 6 && trimmed[^6] is '+' or '-' && trimmed[^3] == ':');
        return hasOffset && DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? instant.ToUniversalTime()
            : null;
    }

    /// <summary>Throws <see cref="FunctionConfigurationException"/> with the first problem found.</summary>
    public void Validate()
    {
        if (!Modes.All.Contains(Mode))
        {
            throw new FunctionConfigurationException($"mode must be one of {string.Join(", ", Modes.All)} (got '{Mode}')");
        }

        if (UseAws && InventoryFile is not null)
        {
            throw new FunctionConfigurationException("use either an inventory file or AWS, not both");
        }

        if (InventoryFile is not null && !File.Exists(InventoryFile))
        {
            throw new FunctionConfigurationException($"inventory file '{InventoryFile}' does not exist");
        }

        if (StateDirectory is { Length: 0 })
        {
            throw new FunctionConfigurationException("state directory must not be empty");
        }
    }

    private static string? Get(IDictionary environment, string name) =>
        environment[name] is string { Length: > 0 } value ? value : null;
}

/// <summary>One environment variable a function reads: its name, meaning and who sets it.</summary>
internal sealed record EnvironmentVariable(string Name, string Meaning, VariableSource Source);

/// <summary>Who sets an environment variable in a deployment.</summary>
internal enum VariableSource
{
    /// <summary>template.yaml sets it on every function that reads it.</summary>
    Template,

    /// <summary>The Lambda service sets it.</summary>
    Lambda,

    /// <summary>Nobody in a deployment: local runs, replays and tests.</summary>
    Optional,
}
