using System.Text.Json;
using System.Text.Json.Nodes;
using InstantOnRemediate.Core.Actions;
using InstantOnRemediate.Core.Json;

namespace InstantOnRemediate.Core.Policy;

/// <summary>
/// Reads a policy document (account level, with optional <c>clusters: { "&lt;name&gt;": {overrides} }</c>).
/// The document is merged over the shipped default policy (so it only needs what differs), then each
/// cluster's overrides over the account policy — objects merge key by key, arrays and scalars replace — and
/// every resulting policy is validated. Any problem throws <see cref="PolicyException"/> naming the field.
/// </summary>
public static class PolicyLoader
{
    public const string DefaultResourceName = "InstantOnRemediate.Data.default-policy.json";

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>The policy shipped inside the core (observe/recommend defaults).</summary>
    public static PolicySet LoadDefault() => Parse("{}", "default-policy.json");

    private static readonly Lazy<string> DefaultText = new(() =>
    {
        using var stream = typeof(PolicyLoader).Assembly.GetManifestResourceStream(DefaultResourceName)
            ?? throw new PolicyException($"embedded resource {DefaultResourceName} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public static PolicySet Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (IOException e)
        {
            throw new PolicyException($"policy {path} cannot be read: {e.Message}", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new PolicyException($"policy {path} cannot be read: {e.Message}", e);
        }

        return Parse(text, path);
    }

    public static PolicySet Parse(string json, string source)
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: DocumentOptions) as JsonObject
                ?? throw new PolicyException(source, ["policy: must be a JSON object"]);
        }
        catch (JsonException e)
        {
            throw new PolicyException(source, [$"policy: not valid JSON ({e.Message})"]);
        }

        var document = root;
        root = (JsonObject)JsonNode.Parse(DefaultText.Value, documentOptions: DocumentOptions)!;
        root.Remove("clusters");
        AddDefaultModes(root);
        Merge(root, document);

        JsonObject? overrides = null;
        if (root.TryGetPropertyValue("clusters", out var clustersNode))
        {
            overrides = clustersNode as JsonObject;
            if (clustersNode is not null && overrides is null)
            {
                throw new PolicyException(source, ["policy.clusters: must be an object of cluster name → overrides"]);
            }

            root.Remove("clusters");
        }

        var errors = new List<string>();
        var account = Materialize(root, "policy", errors);
        var clusters = new Dictionary<string, RemediationPolicy>(StringComparer.Ordinal);
        foreach (var (name, node) in overrides ?? [])
        {
            var path = $"policy.clusters.{name}";
            if (!Planning.IdentifierRules.IsClusterName(name))
            {
                errors.Add($"{path}: '{name}' is not a valid EKS cluster name");
                continue;
            }

            if (node is not JsonObject clusterOverride)
            {
                errors.Add($"{path}: must be an object of overrides");
                continue;
            }

            var merged = (JsonObject)root.DeepClone();
            Merge(merged, clusterOverride);
            var policy = Materialize(merged, path, errors);
            if (policy is not null)
            {
                clusters[name] = policy;
            }
        }

        if (errors.Count > 0 || account is null)
        {
            throw new PolicyException(source, errors);
        }

        return new PolicySet(account, clusters);
    }

    private static RemediationPolicy? Materialize(JsonObject node, string path, List<string> errors)
    {
        RemediationPolicy? policy;
        try
        {
            policy = node.Deserialize(CoreJsonContext.Default.RemediationPolicy);
        }
        catch (JsonException e)
        {
            errors.Add($"{path}{JsonPathSuffix(e.Path)}: {FirstSentence(e.Message)}");
            return null;
        }

        if (policy is null)
        {
            errors.Add($"{path}: must not be null");
            return null;
        }

        var before = errors.Count;
        PolicyValidator.Validate(policy, path, errors);
        return errors.Count == before ? WithUnresolvedDocuments(policy) : null;
    }

    /// <summary>
    /// Stack documents read as <see cref="StackDocuments.Unresolved"/> placeholders until the deployment's names are
    /// applied (<see cref="StackDocumentResolver.Resolve(PolicySet, StackDocumentNames)"/>).
    /// </summary>
    private static RemediationPolicy WithUnresolvedDocuments(RemediationPolicy policy) => policy with
    {
        Ssm = policy.Ssm with
        {
            Documents = policy.Ssm.Documents.ToDictionary(d => d.Key, d => StackDocumentResolver.Unresolved(d.Value), StringComparer.Ordinal),
            Diagnostics = policy.Ssm.Diagnostics is { } diagnostics ? StackDocumentResolver.Unresolved(diagnostics) : null,
        },
    };

    /// <summary>Objects merge key by key; everything else (arrays, scalars, null) replaces.</summary>
    private static void Merge(JsonObject target, JsonObject overrides)
    {
        foreach (var (key, value) in overrides)
        {
            if (value is JsonObject child && target[key] is JsonObject existing)
            {
                Merge(existing, child);
            }
            else
            {
                target[key] = value?.DeepClone();
            }
        }
    }

    private static string JsonPathSuffix(string? jsonPath) =>
        string.IsNullOrEmpty(jsonPath) || jsonPath == "$" ? "" : jsonPath.TrimStart('$');

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    /// <summary>Each kind's own default mode (<see cref="ActionKind.DefaultMode"/>) where the shipped default names none.</summary>
    private static void AddDefaultModes(JsonObject root)
    {
        if (root["actionModes"] is not JsonObject modes)
        {
            root["actionModes"] = modes = [];
        }

        foreach (var kind in ActionKinds.All)
        {
            if (kind.DefaultMode is { } mode && !modes.ContainsKey(kind.Name))
            {
                modes[kind.Name] = mode;
            }
        }
    }
}
