namespace InstantOnRemediate.Benchmarks;

/// <summary>
/// How big a batch is, in one of the two units "a 1 MB batch" can mean: the gzip data of the delivery (Lambda's
/// 1 MB payload limit bounds it) or the log data CloudWatch Logs put in it (a PutLogEvents batch is at most 1 MB).
/// </summary>
public sealed record BatchSize(int Bytes, bool IsLogData)
{
    public static IEnumerable<BatchSize> All =>
    [
        new(1_000, false), new(10_000, false), new(100_000, false), new(1_000_000, false),
        new(1_048_576, true),
    ];

    public byte[] Envelope(out int events, out int decompressedBytes) => IsLogData
        ? SampleLogs.LogDataEnvelope(Bytes, out events, out decompressedBytes)
        : SampleLogs.MaxSizeEnvelope(Bytes, out events, out decompressedBytes);

    public override string ToString() => IsLogData ? $"{Bytes} B log data" : $"{Bytes} B gzip";
}
