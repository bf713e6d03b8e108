namespace InstantOnRemediate.Aws.Logs;

/// <summary>CloudWatch Logs FilterLogEvents, shaped like AWSSDK.CloudWatchLogs (replaceable in one file).</summary>
public interface IAmazonCloudWatchLogs
{
    Task<FilterLogEventsResponse> FilterLogEventsAsync(FilterLogEventsRequest request, CancellationToken cancellationToken = default);
}

public sealed record FilterLogEventsRequest
{
    public required string LogGroupName { get; init; }
    public List<string>? LogStreamNames { get; init; }
    public string? LogStreamNamePrefix { get; init; }

    /// <summary>Epoch milliseconds.</summary>
    public long? StartTime { get; init; }
    public long? EndTime { get; init; }
    public string? FilterPattern { get; init; }
    public string? NextToken { get; init; }
    public int? Limit { get; init; }
}

public sealed record FilterLogEventsResponse
{
    public List<FilteredLogEvent> Events { get; init; } = [];
    public string? NextToken { get; init; }
}

public sealed record FilteredLogEvent
{
    public string? LogStreamName { get; init; }
    public long? Timestamp { get; init; }
    public string? Message { get; init; }
    public long? IngestionTime { get; init; }
    public string? EventId { get; init; }
}
