namespace InstantOnRemediate.Core.Planning;

/// <summary>
/// The workload a pod belongs to, from its name: a Deployment pod <c>orders-7d9f8b6c5-x2k4q</c> → <c>orders</c>
/// (ReplicaSet hash and pod suffix dropped), a StatefulSet pod <c>db-2</c> → <c>db</c>; any other name is its own workload.
/// </summary>
public static class WorkloadNames
{
    public static string? Of(string? pod)
    {
        if (string.IsNullOrEmpty(pod))
        {
            return null;
        }

        var parts = pod.Split('-');
        if (parts.Length >= 3 && IsSuffix(parts[^1], 5, 5) && IsSuffix(parts[^2], 5, 10))
        {
            return string.Join('-', parts[..^2]);
        }

        if (parts.Length >= 2 && parts[^1].Length is > 0 and <= 5 && parts[^1].All(char.IsAsciiDigit))
        {
            return string.Join('-', parts[..^1]);
        }

        return pod;
    }

    /// <summary>Kubernetes generated suffixes: lowercase consonants and digits (no vowels), of the given length range.</summary>
    private static bool IsSuffix(string part, int min, int max) =>
        part.Length >= min && part.Length <= max && part.All(c => char.IsAsciiDigit(c) || (char.IsAsciiLetterLower(c) && c is not ('a' or 'e' or 'i' or 'o' or 'u')));
}
