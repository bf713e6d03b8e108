namespace InstantOnRemediate.Core.Runbook;

/// <summary>What a printed command leaves for the person to fill in. Nothing else in a printed command is a placeholder.</summary>
public static class RunbookPlaceholders
{
    /// <summary>Who approves or asks: an e-mail address or IAM name/ARN.</summary>
    public const string Person = "<you>";

    /// <summary>Why, in words (goes to the audit trail).</summary>
    public const string Reason = "<why>";
}
