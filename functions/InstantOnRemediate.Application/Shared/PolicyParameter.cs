using System.Text.RegularExpressions;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using InstantOnRemediate.Core.Policy;
using InstantOnRemediate.Core.Security;
using InstantOnRemediate.Application.Composition;

namespace InstantOnRemediate.Application.Shared;

/// <summary>
/// Where the policy document comes from (env POLICY): empty = the shipped default, JSON text, the name of an SSM
/// String parameter under <c>/instanton-remediate/</c> (read once per sandbox with GetParameter; the template
/// grants exactly that path), or, for local runs, a file. Any problem is a configuration error that names the
/// source, raised when the function starts (an init error), not on every invocation.
/// </summary>
internal static partial class PolicyParameter
{
    /// <summary>The SSM parameter names POLICY may take (the template's AllowedPattern says the same).</summary>
    public const string Prefix = "/instanton-remediate/";

    public static bool IsParameterName(string? text) => text is not null && text.StartsWith(Prefix, StringComparison.Ordinal) && ParameterName().IsMatch(text);

    public static PolicySet Load(string? text, IAmazonSimpleSystemsManagement? ssm)
    {
        try
        {
            return text switch
            {
                null => PolicyLoader.LoadDefault(),
                _ when text.TrimStart().StartsWith('{') => PolicyLoader.Parse(text, FunctionOptions.PolicyVariable),
                _ when IsParameterName(text) => PolicyLoader.Parse(Read(text, ssm), $"SSM parameter {text}"),
                _ => LoadFile(text),
            };
        }
        catch (PolicyException e)
        {
            throw new FunctionConfigurationException($"{FunctionOptions.PolicyVariable}: {e.Message}", e);
        }
    }

    private static PolicySet LoadFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new FunctionConfigurationException(
                $"{FunctionOptions.PolicyVariable}: '{path}' is neither JSON, an SSM parameter name under {Prefix}, nor a readable file");
        }

        return PolicyLoader.Parse(File.ReadAllText(path), path);
    }

    [IamAction("ssm:GetParameter", Resource = "parameter")]
    private static string Read(string name, IAmazonSimpleSystemsManagement? ssm)
    {
        if (ssm is null)
        {
            throw new FunctionConfigurationException(
                $"{FunctionOptions.PolicyVariable} names the SSM parameter {name}, but this run has no AWS access (run with --aws, or give the policy as a file or JSON)");
        }

        try
        {
            // Once per sandbox, at start: the composition root is synchronous and nothing else runs yet.
            var response = ssm.GetParameterAsync(new GetParameterRequest { Name = name }).GetAwaiter().GetResult();
            return response.Parameter?.Value is { Length: > 0 } value
                ? value
                : throw new FunctionConfigurationException($"{FunctionOptions.PolicyVariable}: SSM parameter {name} is empty");
        }
        catch (ParameterNotFoundException)
        {
            throw new FunctionConfigurationException($"{FunctionOptions.PolicyVariable}: SSM parameter {name} does not exist (create it from infra/policy/*.json, see docs/deploy.md)");
        }
        catch (AmazonSimpleSystemsManagementException e)
        {
            throw new FunctionConfigurationException($"{FunctionOptions.PolicyVariable}: SSM parameter {name} could not be read: {e.ErrorCode} {e.Message}", e);
        }
    }

    [GeneratedRegex("^/instanton-remediate/[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex ParameterName();
}
