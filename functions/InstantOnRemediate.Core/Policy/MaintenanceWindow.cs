using System.Text.Json.Serialization;

namespace InstantOnRemediate.Core.Policy;

/// <summary>A weekly UTC window for disruptive actions: days (mon..sun) and hours [StartHour, EndHour).</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record MaintenanceWindow
{
    public List<string> Days { get; set; } = [];

    public int StartHour { get; init; }

    public int EndHour { get; set; } = 24;

    public static readonly IReadOnlyList<string> DayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    public bool Contains(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        var day = DayNames[(int)utc.DayOfWeek];
        return Days.Contains(day, StringComparer.Ordinal) && utc.Hour >= StartHour && utc.Hour < EndHour;
    }

    public override string ToString() =>
        string.Join(",", Days) + " " + StartHour.ToString("00", System.Globalization.CultureInfo.InvariantCulture) + ":00-"
        + EndHour.ToString("00", System.Globalization.CultureInfo.InvariantCulture) + ":00 UTC";
}
