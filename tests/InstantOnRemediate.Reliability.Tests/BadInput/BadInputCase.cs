namespace InstantOnRemediate.Reliability.Tests.BadInput;

/// <summary>How a bad input must be answered.</summary>
internal enum Answer
{
    /// <summary>Not a subscription event at all: the invocation fails with InvalidRequest and says why.</summary>
    InvalidRequest,

    /// <summary>A subscription event whose data is damaged: answered, with one batch-level rejection and no findings.</summary>
    BatchRejected,

    /// <summary>One bad event in a batch: that event rejected with its reason, the good episode still found.</summary>
    EventRejected,
}

/// <summary>A named bad delivery: how to build it, how it must be answered, and the reason code or message text expected.</summary>
internal sealed record BadInputCase(string Name, Func<byte[]> Build, Answer Answer, string Expected)
{
    public override string ToString() => Name;
}
