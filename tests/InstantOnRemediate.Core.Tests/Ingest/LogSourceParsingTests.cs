using InstantOnRemediate.Core.Ingest;

namespace InstantOnRemediate.Core.Tests.Ingest;

public sealed class LogSourceParsingTests
{
    private static readonly string DockerId = new string('0', 40) + "abcdef0123456789abcdef01";

    [Fact]
    public void Parse_ContainerInsightsStreamName_GivesPodNamespaceContainerNode()
    {
        var source = LogStreamName.Parse($"ip-192-168-12-34.us-west-2.compute.internal-application.var.log.containers.orders-7d9f8b6c5-x2k4q_shop_orders-{DockerId}.log");

        Assert.Equal(new ContainerRef("orders-7d9f8b6c5-x2k4q", "shop", "orders", "ip-192-168-12-34.us-west-2.compute.internal", null), source);
    }

    [Theory]
    [InlineData("kube.var.log.containers.web-0_default_liberty-server-{0}.log", "web-0", "default", "liberty-server", null)]
    [InlineData("application.var.log.containers.a.b_ns_c-{0}.log", "a.b", "ns", "c", null)]
    public void Parse_TagOnlyStreamNames_GivePodWithoutNode(string pattern, string pod, string ns, string container, string? node)
    {
        var source = LogStreamName.Parse(string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, DockerId));

        Assert.Equal(new ContainerRef(pod, ns, container, node, null), source);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2025/05/08/[$LATEST]abcdef")]
    [InlineData("node-application.var.log.containers.not-a-container-file")]
    public void Parse_OtherStreamNames_GiveNothing(string? name) => Assert.Null(LogStreamName.Parse(name));

    [Theory]
    [InlineData("/aws/containerinsights/prod-eks/application", "prod-eks")]
    [InlineData("/aws/containerinsights/my_cluster2/dataplane", "my_cluster2")]
    [InlineData("/aws/lambda/detect", null)]
    [InlineData("/aws/containerinsights/bad name/application", null)]
    [InlineData(null, null)]
    public void ClusterOf_LogGroupNames_GiveCluster(string? group, string? cluster) => Assert.Equal(cluster, LogGroupName.ClusterOf(group));

    [Fact]
    public void Parse_FluentBitRecord_UsesLogAndKubernetesMetadata()
    {
        const string message = """{"time":"2025-05-08T10:00:00.1Z","stream":"stderr","_p":"F","log":"CWWKE0964E: Restoring failed\nsecond line","kubernetes":{"pod_name":"p","namespace_name":"n","host":"node-a","container_name":"c","container_image":"img:1","docker_id":"x","labels":{"app":"a"}},"unknown":1}""";

        var record = LogRecordParser.Parse(message, new ContainerRef("stream-pod", "stream-ns", "stream-c", "stream-node", null));

        Assert.Equal("CWWKE0964E: Restoring failed\nsecond line", record.Text);
        Assert.Equal(new ContainerRef("p", "n", "c", "node-a", "img:1"), record.Source);
        Assert.Equal("stderr", record.Stream);
    }

    [Fact]
    public void Parse_DockerJsonFile_UsesLogAndStreamSourceFallback()
    {
        var fallback = new ContainerRef("pod", "ns", "c", "node", null);

        var record = LogRecordParser.Parse("""{"log":"Error (criu/cr-restore.c:2447): Restoring FAILED.\n","stream":"stdout","time":"2025-05-08T10:00:00.000000001Z"}""", fallback);

        Assert.Equal("Error (criu/cr-restore.c:2447): Restoring FAILED.\n", record.Text);
        Assert.Same(fallback, record.Source);
    }

    [Fact]
    public void Parse_LibertyJsonLogging_UsesMessage()
    {
        var record = LogRecordParser.Parse("""{"type":"liberty_message","message":"CWWKC0452I: The Liberty server process resumed operation from a checkpoint in 0.3 seconds.","ibm_messageId":"CWWKC0452I"}""");

        Assert.StartsWith("CWWKC0452I", record.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2025-05-08T10:00:00.123456789Z stderr F Error (criu/cr-restore.c:1480): 5 killed by signal 11", "Error (criu/cr-restore.c:1480): 5 killed by signal 11")]
    [InlineData("{not json at all", "{not json at all")]
    [InlineData("{\"no\":\"log field\"}", "{\"no\":\"log field\"}")]
    [InlineData("plain line", "plain line")]
    public void Parse_PlainText_KeepsTextWithoutCriPrefix(string message, string text) => Assert.Equal(text, LogRecordParser.Parse(message).Text);

    [Theory]
    [InlineData("(00.116595) Error (criu/cr-restore.c:1230): Can't fork for 15047: File exists", CriuLevel.Error, "criu/cr-restore.c", 1230, false)]
    [InlineData("17:10:16   [OUT] pie: 31483: Error (criu/pie/restorer.c:1839): prctl failed @1839 with -1", CriuLevel.Error, "criu/pie/restorer.c", 1839, true)]
    [InlineData("  1024: Warn  (criu/sockets.c:544): sockets: \tsocket has dumped SO_BUF_LOCK state", CriuLevel.Warn, "criu/sockets.c", 544, false)]
    [InlineData("Warn (criu/libnetlink.c:84): Can't send request message", CriuLevel.Warn, "criu/libnetlink.c", 84, false)]
    [InlineData("# (00.183859) Error (criu/cr-dump.c:203): 4063 has rseq but kernel lacks get_rseq_conf feature", CriuLevel.Error, "criu/cr-dump.c", 203, false)]
    public void TryParse_CriuLines_GiveLevelSourceAndRestorer(string line, CriuLevel level, string file, int number, bool restorer)
    {
        Assert.True(CriuLine.TryParse(line, out var parsed));
        Assert.Equal((level, file, number, restorer), (parsed.Level, parsed.SourceFile, parsed.SourceLine, parsed.FromRestorer));
        Assert.False(char.IsWhiteSpace(line[parsed.MessageStart]));
    }

    [Theory]
    [InlineData("Error (code 500): server failed")]
    [InlineData("Warn: disk almost full")]
    [InlineData("[AUDIT   ] CWWKF0011I: ready")]
    public void TryParse_NonCriuLines_False(string line) => Assert.False(CriuLine.TryParse(line, out _));

    [Fact]
    public void IsDumpSide_DumpSources_True()
    {
        Assert.True(CriuLine.TryParse("Error (criu/cr-dump.c:1524): Collect mappings failed", out var dump));
        Assert.True(dump.IsDumpSide);
        Assert.True(CriuLine.TryParse("Error (criu/cr-restore.c:2447): Restoring FAILED.", out var restore));
        Assert.False(restore.IsDumpSide);
    }
}
