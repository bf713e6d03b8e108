using InstantOnRemediate.Aws.Http;

namespace InstantOnRemediate.Aws.Tests.Http;

/// <summary>Always the same draw; counts draws (one per retry).</summary>
internal sealed class FixedJitter(double value) : IJitterSource
{
    private int draws;

    public int Draws => draws;

    public double Next()
    {
        Interlocked.Increment(ref draws);
        return value;
    }
}
