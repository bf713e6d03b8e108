using System.Text;

namespace InstantOnRemediate.Aws.Events;

/// <summary>
/// The size EventBridge charges a PutEvents entry against its 256 KB limit ("Calculating PutEvents event entry
/// size", EventBridge User Guide): 14 bytes for Time when set, plus the UTF-8 bytes of Source, DetailType, Detail
/// and each Resources item. The limit also applies to the sum over one request.
/// </summary>
public static class EventEntrySize
{
    public const int MaxBytes = 256 * 1024;

    private const int TimeBytes = 14;

    public static int Of(PutEventsRequestEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var size = entry.Time is null ? 0 : TimeBytes;
        size += Encoding.UTF8.GetByteCount(entry.Source ?? "");
        size += Encoding.UTF8.GetByteCount(entry.DetailType ?? "");
        size += Encoding.UTF8.GetByteCount(entry.Detail ?? "");
        foreach (var resource in entry.Resources ?? [])
        {
            size += Encoding.UTF8.GetByteCount(resource ?? "");
        }

        return size;
    }

    /// <summary>Why EventBridge would refuse <paramref name="entry"/> outright, or null.</summary>
    public static string? Problem(PutEventsRequestEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (string.IsNullOrEmpty(entry.Source) || string.IsNullOrEmpty(entry.DetailType) || string.IsNullOrEmpty(entry.Detail))
        {
            return "entry needs Source, DetailType and Detail";
        }

        var size = Of(entry);
        return size > MaxBytes ? $"entry is {size} bytes, more than the {MaxBytes}-byte PutEvents entry limit" : null;
    }
}
