namespace InstantOnRemediate.Testing;

/// <summary>What a <see cref="FaultProxy"/> does instead of (or on top of) forwarding a request.</summary>
public sealed record Fault
{
    public required string Name { get; init; }

    /// <summary>Answer this status and body without forwarding (throttling, 5xx, ResourceInUse, a scripted page).</summary>
    public int? Status { get; init; }

    public string Body { get; init; } = "";

    public string ContentType { get; init; } = "application/json";

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Wait this long before doing anything else (a slow service; longer than the client's attempt timeout, a hang).</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Reset the TCP connection instead of answering.</summary>
    public bool Reset { get; init; }

    /// <summary>Forward first (the service carries the request out), then lose the answer with <see cref="Status"/> or a reset.</summary>
    public bool AfterForwarding { get; init; }

    /// <summary>HTTP 429 with a JSON ThrottlingException (EKS, DynamoDB-style services).</summary>
    public static Fault Throttling() => new()
    {
        Name = "throttling-429", Status = 429, Body = """{"__type":"ThrottlingException","message":"Rate exceeded"}""",
        Headers = new Dictionary<string, string> { ["x-amzn-ErrorType"] = "ThrottlingException" },
    };

    /// <summary>HTTP 400 with the query-protocol Throttling error (SNS, EC2).</summary>
    public static Fault QueryThrottling() => new()
    {
        Name = "throttling-query", Status = 400, ContentType = "text/xml",
        Body = "<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>f</RequestId></ErrorResponse>",
    };

    /// <summary>EC2's own throttling answer: HTTP 503, <c>Response/Errors/Error</c> with RequestLimitExceeded.</summary>
    public static Fault Ec2RequestLimitExceeded() => new()
    {
        Name = "ec2-request-limit", Status = 503, ContentType = "text/xml;charset=UTF-8",
        Body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>RequestLimitExceeded</Code><Message>Request limit exceeded.</Message></Error></Errors><RequestID>d2a1b7c8-3e4f-4a5b-9c6d-7e8f9a0b1c2d</RequestID></Response>",
    };

    public static Fault ServerError(int status = 500) => new()
    {
        Name = "server-" + status.ToString(System.Globalization.CultureInfo.InvariantCulture), Status = status,
        Body = """{"__type":"ServerException","message":"injected failure"}""",
        Headers = new Dictionary<string, string> { ["x-amzn-ErrorType"] = "ServerException" },
    };

    /// <summary>EKS's answer while another update of the node group is in progress.</summary>
    public static Fault ResourceInUse() => new()
    {
        Name = "resource-in-use-409", Status = 409, Body = """{"message":"Nodegroup is currently being updated"}""",
        Headers = new Dictionary<string, string> { ["x-amzn-ErrorType"] = "ResourceInUseException" },
    };

    public static Fault ConnectionReset() => new() { Name = "connection-reset", Reset = true };

    /// <summary>Answers after <paramref name="delay"/>, by forwarding.</summary>
    public static Fault Slow(TimeSpan delay) => new() { Name = "slow", Delay = delay };

    /// <summary>The service carries the request out, then the client sees a 500: its retry must not mutate twice.</summary>
    public static Fault LostResponse() => ServerError() with { Name = "lost-response", AfterForwarding = true };
}
