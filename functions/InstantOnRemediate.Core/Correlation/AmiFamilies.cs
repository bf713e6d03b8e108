namespace InstantOnRemediate.Core.Correlation;

/// <summary>AMI family ids used in the inventory (<c>amiFamily</c>) and the AMI catalog.</summary>
public static class AmiFamilies
{
    public const string Al2 = "al2";
    public const string Al2023 = "al2023";
    public const string Bottlerocket = "bottlerocket";
    public const string Ubuntu = "ubuntu";
    public const string Windows = "windows";
    public const string Custom = "custom";
}
