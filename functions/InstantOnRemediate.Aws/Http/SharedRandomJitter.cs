namespace InstantOnRemediate.Aws.Http;

/// <summary>The process-wide thread-safe generator; the production jitter source.</summary>
public sealed class SharedRandomJitter : IJitterSource
{
    public static readonly SharedRandomJitter Instance = new();

    private SharedRandomJitter()
    {
    }

    public double Next() => Random.Shared.NextDouble();
}
