namespace InstantOnRemediate.Core.Correlation;

/// <summary>A shipped or supplied correlation data file (kernel-feature matrix, AMI catalog, inventory) is invalid.</summary>
public sealed class CorrelationDataException : Exception
{
    public CorrelationDataException()
    {
    }

    public CorrelationDataException(string message)
        : base(message)
    {
    }

    public CorrelationDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
