namespace InstantOnRemediate.Aws.Tests.Events;

/// <summary>PutEvents bodies as EventBridge sends them (validated against events/2015-10-07 in a test).</summary>
internal static class EventBridgeCannedResponses
{
    public const string CentralBusArn = "arn:aws:events:us-east-1:210987654321:event-bus/instanton-central";

    public static string AllOk(int count) =>
        """{"FailedEntryCount":0,"Entries":[""" + string.Join(",", Enumerable.Range(1, count).Select(i => $$"""{"EventId":"11710aed-b79e-4468-a20b-bb3c0c3b4{{i:D3}}"}""")) + "]}";

    /// <summary>Entry 2 of 3 throttled, entry 3 malformed.</summary>
    public const string PartlyFailed = """
        {"FailedEntryCount":2,"Entries":[
          {"EventId":"11710aed-b79e-4468-a20b-bb3c0c3b4001"},
          {"ErrorCode":"ThrottlingException","ErrorMessage":"Rate exceeded"},
          {"ErrorCode":"MalformedDetail","ErrorMessage":"Detail is malformed."}]}
        """;

    public const string InternalFailure = """{"__type":"InternalException","message":"Internal service error"}""";

    public const string AccessDenied = """{"__type":"AccessDeniedException","message":"User: arn:aws:sts::123456789012:assumed-role/detect is not authorized to perform: events:PutEvents on resource: arn:aws:events:us-east-1:210987654321:event-bus/instanton-central"}""";
}
