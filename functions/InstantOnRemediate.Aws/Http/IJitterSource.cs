namespace InstantOnRemediate.Aws.Http;

/// <summary>Randomness for backoff, passed in so retry timing is deterministic under test.</summary>
public interface IJitterSource
{
    /// <summary>A value in [0, 1).</summary>
    double Next();
}
