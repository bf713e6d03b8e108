namespace InstantOnRemediate.Lambda.Logging;

/// <summary>
/// Where structured lines go: one UTF-8 JSON object per line, written whole under a lock so lines from
/// concurrent writers never interleave. In Lambda this is stdout (CloudWatch Logs); the local runner uses stderr.
/// </summary>
internal sealed class LogSink
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();
    private readonly Stream output;
    private readonly Lock gate = new();

    public LogSink(Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        this.output = output;
    }

    /// <summary>A sink that drops everything (handlers built for tests that do not look at logs).</summary>
    public static LogSink Null { get; } = new(Stream.Null);

    public void WriteLine(ReadOnlySpan<byte> utf8Json)
    {
        lock (gate)
        {
            output.Write(utf8Json);
            output.Write(NewLine);
            output.Flush();
        }
    }
}
