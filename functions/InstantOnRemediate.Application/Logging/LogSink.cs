using System.Text;

namespace InstantOnRemediate.Application.Logging;

/// <summary>
/// Where structured lines go: one UTF-8 JSON object per line, written whole under a lock so lines from
/// concurrent writers never interleave. In Lambda this is stdout (CloudWatch Logs); the local runner uses stderr.
/// </summary>
internal sealed class LogSink
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();
    private readonly Stream? stream;
    private readonly TextWriter? writer;
    private readonly Lock gate = new();

    public LogSink(Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        stream = output;
    }

    public LogSink(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        writer = output;
    }

    /// <summary>A sink that drops everything (handlers built for tests that do not look at logs).</summary>
    public static LogSink Null { get; } = new(Stream.Null);

    public void WriteLine(ReadOnlySpan<byte> utf8Json)
    {
        lock (gate)
        {
            if (stream is not null)
            {
                stream.Write(utf8Json);
                stream.Write(NewLine);
                stream.Flush();
            }
            else
            {
                writer!.WriteLine(Encoding.UTF8.GetString(utf8Json));
                writer.Flush();
            }
        }
    }
}
