namespace InstantOnRemediate.Core.Security;

/// <summary>
/// Declares an IAM action a method (or every method of a class) calls. The deployment test collects these
/// declarations and compares them with the policies in template.yaml: nothing missing, nothing extra.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class IamActionAttribute(string action) : Attribute
{
    /// <summary>The IAM action, e.g. <c>eks:UpdateNodegroupConfig</c>.</summary>
    public string Action { get; } = action;

    /// <summary>The resource kind it is scoped to in the template: cluster, nodegroup, document, instance, topic, table, parameter, log-group, or * when the service has no resource-level permission.</summary>
    public string Resource { get; init; } = "*";
}
