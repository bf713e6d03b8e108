namespace InstantOnRemediate.Core.Ingest;

/// <summary>Which container a log record came from, as far as the record or its log stream name tells.</summary>
public sealed record ContainerRef(string? Pod, string? Namespace, string? Container, string? Node, string? Image)
{
    public static ContainerRef Unknown { get; } = new(null, null, null, null, null);

    /// <summary>Fields this reference lacks are taken from <paramref name="fallback"/>.</summary>
    public ContainerRef WithFallback(ContainerRef? fallback) => fallback is null ? this : new(
        Pod ?? fallback.Pod,
        Namespace ?? fallback.Namespace,
        Container ?? fallback.Container,
        Node ?? fallback.Node,
        Image ?? fallback.Image);
}
