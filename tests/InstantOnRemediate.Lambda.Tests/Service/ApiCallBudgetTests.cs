using InstantOnRemediate.Aws.Http;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using InstantOnRemediate.Core.Classification;
using InstantOnRemediate.Application.Composition;
using InstantOnRemediate.Application.Detect;
using InstantOnRemediate.Application.Logging;
using InstantOnRemediate.Application.Shared;
using InstantOnRemediate.Testing;

namespace InstantOnRemediate.Lambda.Tests.Service;

/// <summary>
/// AWS calls per episode, counted at the wire: the detect pipeline runs against moto_server through a counting
/// loopback relay (AWS_ENDPOINT_URL points at the relay). A batch without a restore outcome makes no call; a batch's
/// reads are bounded by its distinct nodes, node groups and AMIs, each read once; repeated batches about the same
/// failing nodes are answered from the inventory cache, so calls do not grow with batches.
/// </summary>
[Collection(ApiCallBudgetCollection.Name)]
public sealed class ApiCallBudgetTests(ApiCallBudgetTests.Environment environment, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<ApiCallBudgetTests.Environment>
{
    private const string Cluster = "prod-eks";

    /// <summary>The first failing batch of a cache lifetime: one read each of the instances, the node group, the AMI and the pause switch.</summary>
    private static readonly string[] FirstBatchCalls =
    [
        "ec2:DescribeImages",
        "ec2:DescribeInstances",
        "json:AmazonSSM.GetParameter",
        "rest:GET /clusters/prod-eks/node-groups/ng-al2-general",
    ];

    [Fact]
    public async Task RunAsync_BatchWithoutFailures_MakesNoAwsCall()
    {
        using var service = environment.NewService();
        var before = environment.Calls.Count;

        var response = await new DetectPipeline(service).RunAsync(Batch(1, failing: false, environment.NodeNames[0]), TimeProvider.System, CancellationToken.None);

        Assert.Equal(40, response.Batch.Events);
        Assert.Empty(response.Findings);
        Assert.Equal(before, environment.Calls.Count);
    }

    [Fact]
    public async Task RunAsync_RepeatedFailuresOnOneNode_CallsDoNotGrowWithBatches()
    {
        using var service = environment.NewService();
        var start = environment.Calls.Count;

        var node = environment.NodeNames[0];
        var first = await new DetectPipeline(service).RunAsync(Batch(100, failing: true, node), TimeProvider.System, CancellationToken.None);
        var afterFirst = environment.Calls.Count;
        for (var i = 1; i <= 5; i++)
        {
            var next = await new DetectPipeline(service).RunAsync(Batch(100 + (i * 1000), failing: true, node), TimeProvider.System, CancellationToken.None);
            Assert.Contains(next.Findings, f => f.Verdict == Verdicts.RestoreFailure);
        }

        var afterSix = environment.Calls.Count;
        var firstCalls = environment.Calls.Skip(start).Take(afterFirst - start).ToList();
        var laterCalls = environment.Calls.Skip(afterFirst).Take(afterSix - afterFirst).ToList();

        output.WriteLine($"first batch: {firstCalls.Count} calls ({string.Join(", ", firstCalls)}); five more batches: {laterCalls.Count} calls");

        // The first episode reads the node's instance, node group and AMI, and the pause switch: four calls.
        var finding = Assert.Single(first.Findings, f => f.Verdict == Verdicts.RestoreFailure);
        Assert.Equal(node, finding.Node);
        Assert.Contains(first.Correlation, c => c.Node == node && c.Nodegroup == environment.Nodegroup);
        Assert.Equal(FirstBatchCalls, firstCalls.Order(StringComparer.Ordinal));
        // Five more episodes on the same node within the cache lifetime: no new read at all.
        Assert.True(laterCalls.Count == 0, "calls after the first batch: " + string.Join(", ", laterCalls));
    }

    [Fact]
    public async Task RunAsync_FailuresOnThreeNodesOfOneNodegroupAndAmi_EachReadOnce()
    {
        using var service = environment.NewService();
        var start = environment.Calls.Count;

        var first = await new DetectPipeline(service).RunAsync(Batch(200_000, failing: true, [.. environment.NodeNames]), TimeProvider.System, CancellationToken.None);
        var afterFirst = environment.Calls.Count;
        var again = await new DetectPipeline(service).RunAsync(Batch(300_000, failing: true, [.. environment.NodeNames]), TimeProvider.System, CancellationToken.None);
        var firstCalls = environment.Calls.Skip(start).Take(afterFirst - start).ToList();
        var laterCalls = environment.Calls.Skip(afterFirst).ToList();

        output.WriteLine($"three failing nodes: {firstCalls.Count} calls ({string.Join(", ", firstCalls)}); the same three again: {laterCalls.Count} calls");

        // Three failing nodes of one node group on one AMI: one DescribeInstances for the three names, one
        // DescribeNodegroup, one DescribeImages - the same four calls as for one node.
        Assert.Equal(environment.NodeNames.Order(StringComparer.Ordinal), first.Findings.Where(f => f.Verdict == Verdicts.RestoreFailure).Select(f => f.Node).Order(StringComparer.Ordinal));
        Assert.Equal(3, first.Correlation.Count);
        Assert.All(first.Correlation, c => Assert.Equal(environment.Nodegroup, c.Nodegroup));
        Assert.Single(first.Correlation.Select(c => c.AmiId).Distinct(StringComparer.Ordinal));
        Assert.Equal(3, first.Correlation.Select(c => c.InstanceId).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(FirstBatchCalls, firstCalls.Order(StringComparer.Ordinal));
        // New episodes on the same three nodes within the cache lifetime: no new read.
        Assert.Equal(3, again.Findings.Count(f => f.Verdict == Verdicts.RestoreFailure));
        Assert.True(laterCalls.Count == 0, "calls for the same nodes again: " + string.Join(", ", laterCalls));
    }

    /// <summary>
    /// 40 Container Insights events of one pod on each of <paramref name="nodes"/> (orders-7d9f8b6c5-x2k4q on the
    /// first, whose stream the batch is, then -x2k4r, -x2k4s, ...); with <paramref name="failing"/> the last three
    /// events of each pod are a failed restore.
    /// </summary>
    private static byte[] Batch(int firstId, bool failing, params string[] nodes)
    {
        var lines = Enumerable.Range(0, 40).Select(i => string.Create(CultureInfo.InvariantCulture, $"[INFO] GET /api/orders/{i} 200 3ms")).ToList();
        if (failing)
        {
            lines[37] = "CWWKE0964E: Restoring the checkpoint server process failed. Check the /logs/checkpoint/restore.log log to determine why the checkpoint process was not restored.";
            lines[38] = "Error (criu/cr-restore.c:1492): 133 killed by signal 11: Segmentation fault";
            lines[39] = "Error (criu/cr-restore.c:2447): Restoring FAILED.";
        }

        using var payload = new MemoryStream();
        using (var w = new Utf8JsonWriter(payload))
        {
            w.WriteStartObject();
            w.WriteString("messageType", "DATA_MESSAGE");
            w.WriteString("owner", MotoServer.AccountId);
            w.WriteString("logGroup", $"/aws/containerinsights/{Cluster}/application");
            w.WriteString("logStream", nodes[0] + "-application.var.log.containers.orders-7d9f8b6c5-x2k4q_shop_orders-0123456789abcdef.log");
            w.WriteStartArray("subscriptionFilters");
            w.WriteStringValue("instanton-restore-failures");
            w.WriteEndArray();
            w.WriteStartArray("logEvents");
            for (var n = 0; n < nodes.Length; n++)
            {
                for (var i = 0; i < lines.Count; i++)
                {
                    var record = JsonSerializer.Serialize(new Dictionary<string, object>
                    {
                        ["stream"] = "stdout",
                        ["log"] = lines[i],
                        ["kubernetes"] = new Dictionary<string, string>
                        {
                            ["pod_name"] = "orders-7d9f8b6c5-x2k4" + (char)('q' + n), ["namespace_name"] = "shop", ["container_name"] = "orders", ["host"] = nodes[n],
                        },
                    });
                    var offset = (n * lines.Count) + i;
                    w.WriteStartObject();
                    w.WriteString("id", (firstId + offset).ToString("D56", CultureInfo.InvariantCulture));
                    w.WriteNumber("timestamp", 1_746_700_800_000L + (firstId * 10L) + offset);
                    w.WriteString("message", record);
                    w.WriteEndObject();
                }
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        using var gz = new MemoryStream();
        using (var gzip = new GZipStream(gz, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(payload.ToArray());
        }

        return Encoding.UTF8.GetBytes("{\"awslogs\":{\"data\":\"" + Convert.ToBase64String(gz.ToArray()) + "\"}}");
    }

    /// <summary>
    /// moto_server seeded with cluster prod-eks, one AL2 node group and three running instances of one AMI, behind a
    /// relay that records each call as <c>service:action</c>. AWS_ENDPOINT_URL points at the relay while the class runs.
    /// </summary>
    public sealed class Environment : IAsyncLifetime
    {
        private const string Seed = """
            ec2 = boto3.client('ec2'); eks = boto3.client('eks')
            vpc = ec2.create_vpc(CidrBlock='192.168.0.0/16')['Vpc']['VpcId']
            subnet = ec2.create_subnet(VpcId=vpc, CidrBlock='192.168.0.0/19')['Subnet']['SubnetId']
            eks.create_cluster(name='prod-eks', version='1.30', roleArn='arn:aws:iam::123456789012:role/eks-cluster',
                resourcesVpcConfig=dict(subnetIds=[subnet]))
            created = eks.create_nodegroup(clusterName='prod-eks', nodegroupName='ng-al2-general', subnets=[subnet], amiType='AL2_x86_64',
                nodeRole='arn:aws:iam::123456789012:role/eks-node', version='1.30', releaseVersion='1.30.9-20250212',
                instanceTypes=['m5.xlarge'], scalingConfig=dict(minSize=1, maxSize=2, desiredSize=1))
            asg = created['nodegroup']['resources']['autoScalingGroups'][0]['name']
            ami = ec2.register_image(Name='amazon-eks-node-1.30-v20250212', Description='EKS AL2 node', Architecture='x86_64',
                RootDeviceName='/dev/xvda', VirtualizationType='hvm')['ImageId']
            run = ec2.run_instances(ImageId=ami, MinCount=3, MaxCount=3, InstanceType='m5.xlarge', SubnetId=subnet,
                TagSpecifications=[dict(ResourceType='instance', Tags=[dict(Key='aws:autoscaling:groupName', Value=asg),
                    dict(Key='eks:nodegroup-name', Value='ng-al2-general'), dict(Key='kubernetes.io/cluster/prod-eks', Value='owned')])])
            print('\n'.join(i['PrivateDnsName'] for i in run['Instances']))
            """;

        private readonly List<string> calls = [];
        private readonly HttpClient forwarder = new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };
        private LoopbackHttpServer? relay;
        private string? previousEndpoint;
        private string? stateRoot;

        public MotoServer Moto { get; } = new();

        /// <summary>Private DNS names of the node group's three instances.</summary>
        public IReadOnlyList<string> NodeNames { get; private set; } = [];

        public string Nodegroup => "ng-al2-general";

        /// <summary>Every AWS call so far, as <c>service:action</c> (EC2 Action=, X-Amz-Target, or the REST method and path).</summary>
        public IReadOnlyList<string> Calls
        {
            get
            {
                lock (calls)
                {
                    return [.. calls];
                }
            }
        }

        internal ServiceContext NewService()
        {
            var options = new FunctionOptions
            {
                UseAws = true,
                StateDirectory = Path.Combine(stateRoot!, Guid.NewGuid().ToString("N")),
            };
            var settings = new ServiceSettings { Clusters = [Cluster] };
            return new ServiceContext(options, settings, JsonLogger.Null, TimeProvider.System, composedOf: null,
                () => AwsSettings.FromEnvironment(System.Environment.GetEnvironmentVariable));
        }

        public async Task InitializeAsync()
        {
            TestEnvironment.ApplyStaticCredentials();
            await Moto.InitializeAsync();
            NodeNames = (await RunPythonAsync(Seed)).Split('\n', StringSplitOptions.TrimEntries);
            relay = new LoopbackHttpServer(Forward);
            stateRoot = Directory.CreateTempSubdirectory("api-budget-").FullName;
            previousEndpoint = System.Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL");
            System.Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL", relay.Endpoint.ToString().TrimEnd('/'));
        }

        public async Task DisposeAsync()
        {
            System.Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL", previousEndpoint);
            if (relay is not null)
            {
                await relay.DisposeAsync();
            }

            forwarder.Dispose();
            await Moto.DisposeAsync();
            if (stateRoot is not null && Directory.Exists(stateRoot))
            {
                Directory.Delete(stateRoot, recursive: true);
            }
        }

        private ScriptedResponse Forward(CapturedRequest request)
        {
            lock (calls)
            {
                calls.Add(Describe(request));
            }

            var target = new Uri(Moto.Endpoint, request.Path + (request.Query.Length > 0 ? "?" + request.Query : ""));
            using var message = new HttpRequestMessage(new HttpMethod(request.Method), target);
            if (request.Body.Length > 0 || request.Method is "POST" or "PUT")
            {
                message.Content = new ByteArrayContent(request.Body);
            }

            foreach (var (name, value) in request.Headers)
            {
                if (name.Equals("Host", StringComparison.OrdinalIgnoreCase) || name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)
                    || name.Equals("Connection", StringComparison.OrdinalIgnoreCase) || name.Equals("Expect", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (!message.Headers.TryAddWithoutValidation(name, value))
                {
                    message.Content?.Headers.TryAddWithoutValidation(name, value);
                }
            }

            using var response = forwarder.Send(message);
            using var reader = new StreamReader(response.Content.ReadAsStream(), Encoding.UTF8);
            var body = reader.ReadToEnd();
            return new ScriptedResponse((int)response.StatusCode, body)
            {
                ContentType = response.Content.Headers.ContentType?.ToString() ?? "application/json",
            };
        }

        private static string Describe(CapturedRequest request)
        {
            if (request.Header("X-Amz-Target") is { } target)
            {
                return "json:" + target;
            }

            var body = request.BodyText;
            var action = body.Split('&').FirstOrDefault(p => p.StartsWith("Action=", StringComparison.Ordinal));
            return action is not null ? "ec2:" + action["Action=".Length..] : "rest:" + request.Method + " " + request.Path;
        }

        private Task<string> RunPythonAsync(string script) =>
            Boto3Script.RunAsync(Moto.Endpoint, script, [], TimeSpan.FromSeconds(60));
    }
}

/// <summary>The budget tests set AWS_ENDPOINT_URL for the process: they run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ApiCallBudgetCollection
{
    public const string Name = "AWS API call budget";
}
