namespace InstantOnRemediate.Core.Correlation;

/// <summary>Distribution tags read from a kernel release string (the part after major.minor.patch).</summary>
public static class KernelDistros
{
    /// <summary>Amazon Linux 2 (<c>5.10.226-214.880.amzn2.x86_64</c>).</summary>
    public const string Amzn2 = "amzn2";

    /// <summary>Amazon Linux 2023 (<c>6.1.115-126.197.amzn2023.x86_64</c>).</summary>
    public const string Amzn2023 = "amzn2023";

    /// <summary>RHEL 8 and rebuilds (<c>4.18.0-553.el8_10.x86_64</c>).</summary>
    public const string El8 = "el8";

    /// <summary>RHEL 9 and rebuilds (<c>5.14.0-570.78.1.el9_6.ppc64le</c>).</summary>
    public const string El9 = "el9";

    /// <summary>Ubuntu cloud kernel for AWS (<c>6.8.0-1041-aws</c>).</summary>
    public const string UbuntuAws = "ubuntu-aws";

    /// <summary>Ubuntu generic kernel (<c>5.15.0-91-generic</c>).</summary>
    public const string Ubuntu = "ubuntu";

    /// <summary>No distribution suffix (Bottlerocket prints <c>6.1.128</c>; bare series such as <c>5.10</c>).</summary>
    public const string None = "";
}
