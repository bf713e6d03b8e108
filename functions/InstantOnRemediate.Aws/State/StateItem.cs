namespace InstantOnRemediate.Aws.State;

/// <summary>One row of the state table: keys, string attributes, numeric counters and an optional expiry.</summary>
internal sealed record StateItem
{
    public required string Pk { get; init; }

    public required string Sk { get; init; }

    public IReadOnlyDictionary<string, string> Strings { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, long> Numbers { get; init; } = new Dictionary<string, long>();

    /// <summary>Epoch seconds after which the row counts as gone (DynamoDB TTL deletes lazily, so reads check it too).</summary>
    public long? Ttl { get; init; }

    public string? S(string name) => Strings.GetValueOrDefault(name);

    public long N(string name) => Numbers.GetValueOrDefault(name);

    public bool IsExpired(DateTimeOffset now) => Ttl is { } ttl && ttl <= now.ToUnixTimeSeconds();
}
