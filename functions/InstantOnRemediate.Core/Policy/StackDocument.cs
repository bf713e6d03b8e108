namespace InstantOnRemediate.Core.Policy;

/// <summary>
/// One SSM document the stack deploys (template.yaml, content under infra/ssm/): the key a policy refers to it by,
/// the environment variable that carries its deployed name, and the stack document that undoes it, if any.
/// </summary>
public sealed record StackDocument(string Key, string Variable, string? UndoKey, string Meaning);
