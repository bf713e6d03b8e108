using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace InstantOnRemediate.Benchmarks;

/// <summary>Deterministic synthetic logs: ordinary application lines, benign CRIU lines and failure lines.</summary>
internal static class SampleLogs
{
    /// <summary>CloudWatch Logs puts at most this many events in one batch.</summary>
    private const int MaxBatchEvents = 10_000;

    /// <summary>What PutLogEvents adds to each message's UTF-8 bytes when it sizes a batch.</summary>
    private const int PutLogEventsOverheadBytes = 26;

    private static readonly string[] Plain =
    [
        "[INFO] GET /api/orders/{0} 200 3ms user={1}",
        "2025-05-08T10:00:{2:00}.123Z  INFO 1 --- [executor-thread-{3}] c.e.orders.OrderService : order {0} reserved for {1}",
        "[AUDIT   ] CWWKT0016I: Web application available (default_host): http://orders-{3}:9080/api/",
        "{{\"level\":\"debug\",\"msg\":\"cache refresh\",\"key\":\"{0}\",\"took_ms\":{2}}}",
    ];

    private static readonly string[] Failure =
    [
        "CWWKE0964E: Restoring the checkpoint server process failed. Check the /logs/checkpoint/restore.log log to determine why the checkpoint process was not restored. The server did not launch because checkpoint restore recovery is disabled.",
        "Warn  (criu/kerndat.c:1153): $XDG_RUNTIME_DIR not set. Cannot find location for kerndat file",
        "Error (criu/sockets.c:210): sockets: Diag module missing (-2)",
        "  1024: Warn  (criu/sockets.c:544): sockets: \tsocket has dumped SO_BUF_LOCK state but kernel doesn't support SO_BUF_LOCK",
        "Error (criu/cr-restore.c:1492): 133 killed by signal 11: Segmentation fault",
        "Error (criu/cr-restore.c:2447): Restoring FAILED.",
    ];

    public static string[] PlainLines(int count, int seed = 1)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(i => PlainLine(random, i))];
    }

    /// <summary>Mostly plain lines with a failure episode every 500 lines (about 1% of lines hit the catalog).</summary>
    public static string[] MixedLines(int count, int seed = 2)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(i => i % 500 < Failure.Length ? Failure[i % 500] : PlainLine(random, i))];
    }

    /// <summary>A Container Insights subscription envelope whose gzip data is about <paramref name="compressedTarget"/> bytes.</summary>
    public static byte[] MaxSizeEnvelope(int compressedTarget, out int events, out int decompressedBytes)
    {
        var random = new Random(3);
        var lines = new List<string>();
        byte[] gz;
        byte[] raw;
        var step = Math.Clamp(compressedTarget / 150, 1, 2000);
        while (true)
        {
            for (var i = 0; i < step; i++)
            {
                lines.Add(BatchLine(random, lines.Count));
            }

            raw = Payload(lines);
            gz = Gzip(raw);
            if (gz.Length >= compressedTarget || lines.Count >= MaxBatchEvents)
            {
                break;
            }

            step = Math.Max(1, (int)((compressedTarget - gz.Length) / ((double)gz.Length / lines.Count)));
            step = Math.Min(step, MaxBatchEvents - lines.Count);
        }

        events = lines.Count;
        decompressedBytes = raw.Length;
        return Envelope(gz);
    }

    /// <summary>
    /// The delivery of one full CloudWatch Logs batch: as many events as fit in <paramref name="batchBytes"/> counted
    /// the way PutLogEvents counts them (each message's UTF-8 bytes plus 26), the lines of <see cref="MaxSizeEnvelope"/>.
    /// </summary>
    public static byte[] LogDataEnvelope(int batchBytes, out int events, out int decompressedBytes)
    {
        var random = new Random(3);
        var lines = new List<string>();
        var size = 0;
        while (lines.Count < MaxBatchEvents)
        {
            var line = BatchLine(random, lines.Count);
            var eventSize = Encoding.UTF8.GetByteCount(Record(line)) + PutLogEventsOverheadBytes;
            if (size + eventSize > batchBytes)
            {
                break;
            }

            size += eventSize;
            lines.Add(line);
        }

        var raw = Payload(lines);
        events = lines.Count;
        decompressedBytes = raw.Length;
        return Envelope(Gzip(raw));
    }

    /// <summary>A failure episode every 400 lines, high-entropy request logs between them.</summary>
    private static string BatchLine(Random random, int n) => n % 400 < Failure.Length ? Failure[n % 400] : TracedLine(random, n);

    private static byte[] Envelope(byte[] gz) => Encoding.UTF8.GetBytes("{\"awslogs\":{\"data\":\"" + Convert.ToBase64String(gz) + "\"}}");

    /// <summary>
    /// JSON escaped as Fluent Bit and CloudWatch Logs escape it: a quote is <c>\"</c>, not System.Text.Json's default
    /// <c>\u0022</c>, which the catalog prefilter must treat as able to hide a literal (and so would parse every record).
    /// </summary>
    private static readonly JavaScriptEncoder WireEscaping = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    private static readonly JsonSerializerOptions RecordOptions = new() { Encoder = WireEscaping };

    /// <summary>The Fluent Bit record Container Insights stores as the CloudWatch message of a line.</summary>
    private static string Record(string line) =>
        "{\"time\":\"2025-05-08T10:00:00.000000000Z\",\"stream\":\"stdout\",\"_p\":\"F\",\"log\":" + JsonSerializer.Serialize(line, RecordOptions) +
        ",\"kubernetes\":{\"pod_name\":\"orders-7d9f8b6c5-x2k4q\",\"namespace_name\":\"shop\",\"host\":\"ip-192-168-12-34.us-west-2.compute.internal\",\"container_name\":\"orders\"}}";

    private static string PlainLine(Random random, int i) => string.Format(CultureInfo.InvariantCulture, Plain[i % Plain.Length],
        random.NextInt64(1L << 40).ToString("x10", CultureInfo.InvariantCulture), random.Next(100_000), random.Next(60), random.Next(16));

    /// <summary>A plain line with trace ids, as high-entropy as real request logs, so 10,000 events fill about 1 MB of gzip.</summary>
    private static string TracedLine(Random random, int i) => PlainLine(random, i) + " trace=" + Hex(random, 32) + " span=" + Hex(random, 16) + " client=" + Hex(random, 40);

    private static string Hex(Random random, int length)
    {
        Span<byte> bytes = stackalloc byte[length / 2];
        random.NextBytes(bytes);
        return Convert.ToHexStringLower(bytes);
    }

    private static byte[] Payload(List<string> lines)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = WireEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("messageType", "DATA_MESSAGE");
            w.WriteString("owner", "123456789012");
            w.WriteString("logGroup", "/aws/containerinsights/prod-eks/application");
            w.WriteString("logStream", "ip-192-168-12-34.us-west-2.compute.internal-application.var.log.containers.orders-7d9f8b6c5-x2k4q_shop_orders-" + new string('a', 64) + ".log");
            w.WriteStartArray("subscriptionFilters");
            w.WriteStringValue("instanton");
            w.WriteEndArray();
            w.WriteStartArray("logEvents");
            for (var i = 0; i < lines.Count; i++)
            {
                w.WriteStartObject();
                w.WriteString("id", (389_000_000_000L + i).ToString("D56", CultureInfo.InvariantCulture));
                w.WriteNumber("timestamp", 1_746_700_800_000L + i);
                w.WriteString("message", Record(lines[i]));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static byte[] Gzip(byte[] raw)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(raw);
        }

        return output.ToArray();
    }

    /// <summary>Size of the dense corpus log (the labelled corpus repeated).</summary>
    internal const int DenseCorpusBytes = 100_000_000;

    /// <summary>
    /// The labelled corpus logs (sorted by name, each ending in one newline) concatenated and repeated to at least
    /// <see cref="DenseCorpusBytes"/>; BENCH_DENSE_FILE names a file already built the same way (scripts/bench.sh).
    /// </summary>
    public static byte[] DenseCorpus()
    {
        if (Environment.GetEnvironmentVariable("BENCH_DENSE_FILE") is { Length: > 0 } file)
        {
            return File.ReadAllBytes(file);
        }

        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "tests", "data", "corpus", "criu")))
        {
            dir = dir.Parent;
        }

        var corpus = Path.Combine(dir?.FullName ?? throw new DirectoryNotFoundException("tests/data/corpus/criu not found above " + AppContext.BaseDirectory), "tests", "data", "corpus", "criu");
        using var one = new MemoryStream();
        foreach (var log in Directory.GetFiles(corpus, "*.log").Order(StringComparer.Ordinal))
        {
            var bytes = File.ReadAllBytes(log).AsSpan();
            while (!bytes.IsEmpty && bytes[^1] == (byte)'\n')
            {
                bytes = bytes[..^1];
            }

            one.Write(bytes);
            one.WriteByte((byte)'\n');
        }

        var unit = one.ToArray();
        var copies = (DenseCorpusBytes / unit.Length) + 1;
        var all = new byte[unit.Length * copies];
        for (var c = 0; c < copies; c++)
        {
            unit.CopyTo(all, c * unit.Length);
        }

        return all;
    }
}
