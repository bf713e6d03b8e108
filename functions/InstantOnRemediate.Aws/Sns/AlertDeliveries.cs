namespace InstantOnRemediate.Aws.Sns;

/// <summary>Where an alert is delivered from: the account and Region of its topic's ARN.</summary>
public static class AlertDeliveries
{
    public static (string? Account, string? Region) StackOf(string? topicArn)
    {
        var parts = topicArn?.Split(':') ?? [];
        return parts.Length >= 6 && parts[0] == "arn" && parts[2] == "sns" ? (parts[4], parts[3]) : (null, null);
    }
}
