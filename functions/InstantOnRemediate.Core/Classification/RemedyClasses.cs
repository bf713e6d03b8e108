namespace InstantOnRemediate.Core.Classification;

/// <summary>Where the fix for a cause lives (DESIGN §4 contract values). Moving workloads only helps node-side classes.</summary>
public static class RemedyClasses
{
    public const string NodeKernel = "node-kernel";
    public const string NodeConfig = "node-config";
    public const string PodSpec = "pod-spec";
    public const string Image = "image";
    public const string Hardware = "hardware";
    public const string Transient = "transient";
    public const string Unknown = "unknown";
    public const string None = "none";

    public static readonly IReadOnlyList<string> All = [NodeKernel, NodeConfig, PodSpec, Image, Hardware, Transient, Unknown, None];
}
