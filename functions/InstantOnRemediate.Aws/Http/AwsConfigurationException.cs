namespace InstantOnRemediate.Aws.Http;

/// <summary>The AWS settings (region, endpoint overrides, retry limits) are missing or malformed.</summary>
public sealed class AwsConfigurationException : Exception
{
    public AwsConfigurationException()
    {
    }

    public AwsConfigurationException(string message)
        : base(message)
    {
    }

    public AwsConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
