namespace InstantOnRemediate.Core.Classification;

/// <summary>
/// Cuts one container's lines into episodes. A second attempt-start marker (Liberty's CWWKE0961I/0957I/0964E,
/// CWWKC0452I, CWWKC0451I) or a second CRIU terminal line (<c>Restoring FAILED.</c>) in the same episode starts a
/// new one. Lines before any marker belong to the episode they precede (CRIU's own stderr comes before
/// Liberty's message).
/// </summary>
internal sealed class EpisodeTracker(SignatureCatalog catalog)
{
    private readonly List<CatalogPattern> hits = [];
    private RestoreEpisode current = new();

    /// <returns>The episode this line closed, if it started a new one.</returns>
    public RestoreEpisode? Feed(ReadOnlySpan<char> line, long timestamp, string? eventId)
    {
        hits.Clear();
        if (!catalog.Matcher.Match(line, hits))
        {
            current.AddPlain(timestamp, eventId);
            return null;
        }

        var starts = false;
        var terminal = false;
        foreach (var h in hits)
        {
            starts |= h.Marker?.StartsAttempt == true;
            terminal |= h.Marker?.Terminal == true;
        }

        RestoreEpisode? closed = null;
        if ((starts && current.HasStart) || (terminal && current.HasTerminal))
        {
            closed = current;
            current = new RestoreEpisode();
        }

        current.Add(line, hits, timestamp, eventId);
        return closed;
    }

    /// <summary>An event known to hold no catalog literal: only counted.</summary>
    public void AddPlain(long timestamp, string? eventId) => current.AddPlain(timestamp, eventId);

    public RestoreEpisode Finish()
    {
        var last = current;
        current = new RestoreEpisode();
        return last;
    }
}
