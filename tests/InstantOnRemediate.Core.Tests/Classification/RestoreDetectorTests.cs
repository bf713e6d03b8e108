using InstantOnRemediate.Core.Classification;
using InstantOnRemediate.Core.Ingest;
using InstantOnRemediate.Core.Tests.Ingest;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Core.Tests.Classification;

public sealed class RestoreDetectorTests
{
    private static readonly SignatureCatalog Catalog = SignatureCatalog.LoadEmbedded();

    [Fact]
    public void Detect_EksRseqSample_OneRestoreFailureWithPodNodeClusterAndSigsegvSignal()
    {
        var batch = SubscriptionDecoder.Decode(File.ReadAllBytes(RepoPaths.Event("detect", "eks-rseq-al2.json")));

        var finding = Assert.Single(RestoreDetector.Detect(batch, Catalog));

        Assert.Equal((Verdicts.RestoreFailure, CauseIds.RseqCriuUnaware, RemedyClasses.Image), (finding.Verdict, finding.Cause, finding.Remedy));
        Assert.Equal(("prod-eks", "orders-7d9f8b6c5-x2k4q", "shop", "ip-192-168-12-34.us-west-2.compute.internal", "orders"),
            (finding.Cluster, finding.Pod, finding.Namespace, finding.Node, finding.Container));
        Assert.Contains(Signals.RestoreSigsegv, finding.Signals);
        Assert.Contains("liberty-recovery-disabled", finding.Signals);
        Assert.Contains(finding.Evidence, l => l.Contains("killed by signal 11", StringComparison.Ordinal));
        Assert.Contains(finding.Evidence, l => l.StartsWith("CWWKE0964E", StringComparison.Ordinal));
        Assert.Contains(finding.Benign, l => l.Contains("SO_BUF_LOCK", StringComparison.Ordinal));
        Assert.DoesNotContain(finding.Evidence, l => l.Contains("Diag module missing", StringComparison.Ordinal));
        Assert.Null(finding.Kernel);
        Assert.Equal(12, finding.EventIds.Count);
        Assert.Equal(FindingIds.For(finding.LogGroup, finding.LogStream, finding.Pod, finding.Container, finding.EventIds[0]), finding.Id);
        Assert.Equal(finding.Id, Assert.Single(RestoreDetector.Detect(batch, Catalog)).Id);
    }

    [Fact]
    public void Detect_ControlMessageOrRejectedBatch_NoFindings()
    {
        Assert.Empty(RestoreDetector.Detect(SubscriptionDecoder.Decode(File.ReadAllBytes(RepoPaths.Event("detect", "control-message.json"))), Catalog));
        Assert.Empty(RestoreDetector.Detect(DecodedBatch.Reject(RejectionReasons.InvalidJson, "x."), Catalog));
    }

    [Fact]
    public void Detect_TwoRestartsOfOnePodAndAnotherPod_OneFindingPerEpisode()
    {
        var lines = new[]
        {
            FluentBit("a", "CWWKE0964E: Restoring the checkpoint server process failed. The server did not launch because checkpoint restore recovery is disabled."),
            FluentBit("b", "[AUDIT   ] CWWKC0452I: The Liberty server process resumed operation from a checkpoint in 0.2 seconds."),
            FluentBit("a", "Error (criu/cr-restore.c:1325): Can't open -1/sys/kernel/ns_last_pid on procfs: Read-only file system\nError (criu/cr-restore.c:2557): Restoring FAILED."),
            FluentBit("a", "CWWKE0964E: Restoring the checkpoint server process failed. The server did not launch because checkpoint restore recovery is disabled."),
            FluentBit("a", "Error (criu/cr-restore.c:1230): Can't fork for 12: File exists"),
        };
        var batch = SubscriptionDecoder.Decode(Delivery(lines));

        var findings = RestoreDetector.Detect(batch, Catalog);

        Assert.Equal(
            [("a", "seccomp-clone3-ns-last-pid"), ("b", "none"), ("a", "pid-conflict")],
            findings.Select(f => (f.Pod!, f.Cause)));
        Assert.Equal(Verdicts.RestoreSuccess, findings[1].Verdict);
        Assert.Equal(3, findings.Select(f => f.Id).Distinct().Count());
        Assert.All(findings, f => Assert.Equal("node-a", f.Node));
    }

    [Fact]
    public void Detect_PlainMessages_TakePodAndNodeFromStreamName()
    {
        var batch = SubscriptionDecoder.Decode(Envelopes.FromPayload(Envelopes.Payload(
            Envelopes.Event(Envelopes.EventId(1), 1, "Error (criu/cr-restore.c:1480): 56 killed by signal 11: Segmentation fault"))));

        var finding = Assert.Single(RestoreDetector.Detect(batch, Catalog));

        Assert.Equal(("pod-1", "ns", "app", "node-1", "prod"), (finding.Pod, finding.Namespace, finding.Container, finding.Node, finding.Cluster));
    }

    [Fact]
    public void Detect_BatchDecodedWithCatalogFilter_SameFindingsAsWithEveryText()
    {
        // Container Insights records whose log hides literals behind \u and \/ escapes, multi-line texts, plain text
        // and records of several pods: every way the filter's rule and the detector's parsing could part.
        var messages = new[]
        {
            FluentBit("a", "[INFO] GET /api/orders 200"),
            FluentBit("a", "CWWKE0964E: Restoring the checkpoint server process failed."),
            FluentBit("a", "Error (criu/cr-restore.c:1480): 56 killed by signal 11: Segmentation fault\nError (criu/cr-restore.c:2447): Restoring FAILED."),
            FluentBit("b", "plain <b> & 'quoted' \"text\""),
            FluentBit("b", "CWWKC0452I: The Liberty server process resumed operation from a checkpoint."),
            FluentBit("a", "CWWKE0964E: Restoring the checkpoint server process failed.").Replace("CWWKE", "\\u0043WWKE", StringComparison.Ordinal),
            FluentBit("a", "Error (criu/cr-restore.c:1230): Can't fork for 12: File exists").Replace("criu/", "criu\\/", StringComparison.Ordinal),
            "2025-05-08T10:00:00.1Z stderr F Error (criu/cr-restore.c:2447): Restoring FAILED.",
            "just a line",
            FluentBit("c", "[INFO] served"),
        };
        string[] samples = [.. Directory.GetFiles(RepoPaths.Event("detect"), "eks-*.json").Where(f => !f.EndsWith(".decoded.json", StringComparison.Ordinal))];
        Assert.NotEmpty(samples);

        foreach (var delivery in samples.Select(File.ReadAllBytes).Append(Delivery(messages)))
        {
            var every = RestoreDetector.Detect(SubscriptionDecoder.Decode(delivery), Catalog);
            var filtered = SubscriptionDecoder.Decode(delivery, DecoderLimits.Default, Catalog.MessageFilter);

            Assert.NotEmpty(every);
            Assert.Contains(filtered.Payload!.LogEvents, e => e.Message is null);
            Assert.Equal(Json(every), Json(RestoreDetector.Detect(filtered, Catalog)));
        }
    }

    [Theory]
    [InlineData("5.10.226-214.880.amzn2.x86_64", CauseIds.RseqPtraceUnsupported)]
    [InlineData("6.1.176-221.360.amzn2023.x86_64", CauseIds.RseqCriuUnaware)]
    public void ClassifyLines_Sigsegv_KernelInLogRefinesCause(string kernel, string cause)
    {
        var result = RestoreDetector.ClassifyLines(
        [
            "Linux node 1 " + kernel + " #1 SMP",
            "(00.147465) Error (criu/cr-restore.c:1480): 5507 killed by signal 11: Segmentation fault",
            "(00.147496) Error (criu/cr-restore.c:2447): Restoring FAILED.",
        ], Catalog);

        Assert.Equal((Verdicts.RestoreFailure, cause, kernel), (result.Verdict, result.Cause, result.Kernel));
        Assert.Contains(Signals.KernelFromLog, result.Signals);
        Assert.Equal(cause == CauseIds.RseqPtraceUnsupported, result.Signals.Contains(Signals.CauseRefinedByKernel));
        Assert.Equal(cause == CauseIds.RseqPtraceUnsupported ? RemedyClasses.NodeKernel : RemedyClasses.Image, result.Remedy);
    }

    [Fact]
    public void ClassifyLines_BenignOnlyWithoutMarker_NeverBenignAsCause()
    {
        var result = RestoreDetector.ClassifyLines(
        [
            "Warn  (criu/kerndat.c:1153): $XDG_RUNTIME_DIR not set. Cannot find location for kerndat file",
            "Error (criu/sockets.c:210): sockets: Diag module missing (-2)",
        ], Catalog);

        Assert.Equal(Verdicts.None, result.Verdict);
        Assert.Equal(2, result.Benign.Count);
        Assert.Empty(result.Evidence);
    }

    [Fact]
    public void ClassifyLines_NetlinkErrorOutsideCheckpoint_NotSelinuxCause()
    {
        var restore = RestoreDetector.ClassifyLines(["Error (criu/libnetlink.c:84): Can't send request message: Permission denied"], Catalog);
        var dump = RestoreDetector.ClassifyLines(
        [
            "Error (criu/libnetlink.c:84): Can't send request message: Permission denied",
            "Error (criu/cr-dump.c:2093): Dumping FAILED.",
        ], Catalog);

        Assert.Equal((Verdicts.RestoreFailure, CauseIds.Unknown), (restore.Verdict, restore.Cause));
        Assert.Contains(Signals.SignatureNeedsOtherPhase, restore.Signals);
        Assert.Equal((Verdicts.CheckpointFailure, "selinux-netlink-blocked"), (dump.Verdict, dump.Cause));
    }

    [Fact]
    public void ClassifyLines_LargeLog_StreamsAndKeepsBoundedEvidence()
    {
        static IEnumerable<string> Lines()
        {
            for (var i = 0; i < 300_000; i++)
            {
                yield return i % 1000 == 0 ? "Error (criu/cr-restore.c:1230): Can't fork for " + i + ": File exists" : "[INFO] request " + i + " served in 3 ms";
            }
        }

        var result = RestoreDetector.ClassifyLines(Lines(), Catalog);

        Assert.Equal("pid-conflict", result.Cause);
        Assert.True(result.Evidence.Count <= 64);
    }

    [Fact]
    public void ClassifyLines_NoLines_NoFinding()
    {
        var result = RestoreDetector.ClassifyLines([], Catalog);

        Assert.Equal((Verdicts.None, CauseIds.None, RemedyClasses.None, 0), (result.Verdict, result.Cause, result.Remedy, result.Episodes));
    }

    /// <summary>A Container Insights (Fluent Bit) record of one container log line.</summary>
    private static string FluentBit(string pod, string log) =>
        "{\"log\":" + System.Text.Json.JsonSerializer.Serialize(log) + ",\"kubernetes\":{\"pod_name\":\"" + pod + "\",\"namespace_name\":\"shop\",\"container_name\":\"app\",\"host\":\"node-a\"}}";

    /// <summary>A delivery of the messages as events 1, 2, … one millisecond apart.</summary>
    private static byte[] Delivery(IEnumerable<string> messages) =>
        Envelopes.FromPayload(Envelopes.Payload([.. messages.Select((m, i) => Envelopes.Event(Envelopes.EventId(i + 1), 1000 + i, m))]));

    private static string Json(IReadOnlyList<Finding> findings) =>
        System.Text.Json.JsonSerializer.Serialize([.. findings], InstantOnRemediate.Core.Json.CoreJsonContext.Default.ListFinding);
}
