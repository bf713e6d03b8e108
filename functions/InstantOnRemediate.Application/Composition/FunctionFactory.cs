using System.Collections;
using InstantOnRemediate.Aws.Http;
using InstantOnRemediate.Application.Handlers;
using InstantOnRemediate.Application.Invocation;
using InstantOnRemediate.Application.Logging;
using InstantOnRemediate.Application.Shared;

namespace InstantOnRemediate.Application.Composition;

/// <summary>
/// The composition root: one place that turns a handler name and options into a ready handler, for the Lambda
/// host and the local runner alike. Building is cheap: no AWS client, catalog or inventory is loaded here; each
/// handler creates what it needs on first use.
/// </summary>
internal static class FunctionFactory
{
    /// <summary>
    /// Builds the handler named <paramref name="handlerName"/> (<c>detect</c>, <c>runbook</c>, <c>reconcile</c>,
    /// matched exactly). Throws <see cref="FunctionConfigurationException"/> (<c>Runtime.NoSuchHandler</c>) for any
    /// other name and (<c>Runtime.InvalidConfiguration</c>) for invalid options.
    /// </summary>
    public static IFunctionHandler Create(string handlerName, FunctionOptions options, JsonLogger log, IDictionary environment, TimeProvider clock, ServiceSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        if (handlerName is null || !HandlerNames.All.Contains(handlerName))
        {
            throw new FunctionConfigurationException(
                $"unknown handler '{handlerName}': the handler must be one of {string.Join(", ", HandlerNames.All)}",
                RuntimeError.NoSuchHandlerType);
        }

        options.Validate();
        var handlerLog = log.ForHandler(handlerName);
        ArgumentNullException.ThrowIfNull(environment);
        var service = new ServiceContext(options, settings ?? ServiceSettings.FromEnvironment(environment), handlerLog, clock,
            FunctionPermissions.For(handlerName), () => AwsSettings.FromEnvironment(name => environment[name] as string, AwsSettings.ProfileRegion),
            probeNodes: handlerName == HandlerNames.Runbook); // the on-call's diagnose asks the nodes themselves
        // The policy is read (and validated) now, so a missing or invalid one is an init error that names it.
        _ = service.Policy;
        return handlerName switch
        {
            HandlerNames.Detect => new DetectHandler(service),
            HandlerNames.Runbook => new RunbookHandler(service),
            _ => new ReconcileHandler(service),
        };
    }
}
