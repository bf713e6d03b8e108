namespace InstantOnRemediate.Core.Ingest;

/// <summary>Values of the subscription payload's <c>messageType</c>.</summary>
public static class MessageTypes
{
    public const string Data = "DATA_MESSAGE";

    /// <summary>Reachability checks sent by CloudWatch Logs; carry no log events and are ignored.</summary>
    public const string Control = "CONTROL_MESSAGE";
}
