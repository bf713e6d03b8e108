namespace InstantOnRemediate.Application.Logging;

/// <summary>CloudWatch metric units used by the service (a subset of the CloudWatch <c>StandardUnit</c> values).</summary>
internal static class MetricUnits
{
    public const string Count = "Count";
    public const string Milliseconds = "Milliseconds";
    public const string Bytes = "Bytes";
    public const string None = "None";

    public static readonly IReadOnlyList<string> All = [Count, Milliseconds, Bytes, None];
}
