using InstantOnRemediate.Core.Planning;

namespace InstantOnRemediate.Core.Policy;

/// <summary>observe &lt; recommend &lt; enforce.</summary>
public static class ModeOrder
{
    public static int Rank(string mode) => mode switch
    {
        Modes.Observe => 0,
        Modes.Recommend => 1,
        Modes.Enforce => 2,
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "unknown mode"),
    };

    public static string Min(string a, string b) => Rank(a) <= Rank(b) ? a : b;

    /// <summary>The mode an action of <paramref name="actionType"/> runs under: its own mode, capped by the service mode.</summary>
    public static string ForAction(RemediationPolicy policy, string actionType) =>
        policy.ActionModes.TryGetValue(actionType, out var own) ? Min(own, policy.Mode) : policy.Mode;
}
