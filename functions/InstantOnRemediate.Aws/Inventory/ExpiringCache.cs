namespace InstantOnRemediate.Aws.Inventory;

/// <summary>A small keyed cache whose entries expire after a lifetime measured on an injected clock.</summary>
internal sealed class ExpiringCache<TKey, TValue>(TimeProvider time, TimeSpan lifetime)
    where TKey : notnull
{
    private readonly Dictionary<TKey, (TValue Value, DateTimeOffset Expires)> entries = [];
    private readonly Lock gate = new();

    public ExpiringCache(TimeProvider time, TimeSpan lifetime, IEqualityComparer<TKey> comparer)
        : this(time, lifetime)
    {
        entries = new Dictionary<TKey, (TValue, DateTimeOffset)>(comparer);
    }

    public bool TryGet(TKey key, out TValue value)
    {
        lock (gate)
        {
            if (entries.TryGetValue(key, out var entry) && entry.Expires > time.GetUtcNow())
            {
                value = entry.Value;
                return true;
            }

            entries.Remove(key);
            value = default!;
            return false;
        }
    }

    public void Set(TKey key, TValue value)
    {
        lock (gate)
        {
            entries[key] = (value, time.GetUtcNow() + lifetime);
        }
    }
}
