namespace InstantOnRemediate.Aws.Eks;

/// <summary>Taint effects in EKS API spelling; kubectl's <c>NoSchedule</c> etc. are rejected by the API.</summary>
public static class TaintEffects
{
    public const string NoSchedule = "NO_SCHEDULE";

    public const string NoExecute = "NO_EXECUTE";

    public const string PreferNoSchedule = "PREFER_NO_SCHEDULE";

    public static bool IsValid(string? effect) => effect is NoSchedule or NoExecute or PreferNoSchedule;

    /// <summary>Rejects a taint list the API would refuse: effect outside the enum, key not 1..63 chars, value over 63.</summary>
    internal static void Validate(IEnumerable<Taint>? taints, string member)
    {
        foreach (var taint in taints ?? [])
        {
            if (!IsValid(taint.Effect))
            {
                throw new ArgumentException($"{member}: taint effect '{taint.Effect}' is not NO_SCHEDULE, NO_EXECUTE or PREFER_NO_SCHEDULE", member);
            }

            if (taint.Key is not { Length: >= 1 and <= 63 })
            {
                throw new ArgumentException($"{member}: taint key must be 1..63 characters", member);
            }

            if (taint.Value is { Length: > 63 })
            {
                throw new ArgumentException($"{member}: taint value must be at most 63 characters", member);
            }
        }
    }
}
