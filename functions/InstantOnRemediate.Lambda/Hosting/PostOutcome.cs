namespace InstantOnRemediate.Lambda.Hosting;

/// <summary>What the Runtime API said to a response or error post (5xx is a <see cref="RuntimeApiException"/>).</summary>
internal enum PostOutcome
{
    /// <summary>202 Accepted.</summary>
    Accepted,

    /// <summary>413: the response is over the payload limit; report an error instead.</summary>
    PayloadTooLarge,

    /// <summary>Another 4xx (unknown or finished request id, forbidden): nothing more to do for this invocation.</summary>
    Rejected,
}
