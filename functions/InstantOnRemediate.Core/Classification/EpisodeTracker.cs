namespace InstantOnRemediate.Core.Classification;

/// <summary>
/// Cuts one container's lines into episodes. A second attempt-start marker (Liberty's CWWKE0961I/0957I/0964E,
/// CWWKC0452I, CWWKC0451I) or a second CRIU terminal line (<c>Restoring FAILED.</c>) in the same episode starts a
/// new one, and so does a <c>criu check</c> command after failure lines. Lines before any marker belong to the
/// episode they precede (CRIU's own stderr comes before Liberty's message).
/// </summary>
internal sealed class EpisodeTracker(SignatureCatalog catalog)
{
    private readonly List<CatalogPattern> hits = [];
    private RestoreEpisode current = new(catalog.Structure);
    private RestoreEpisode? spare;

    /// <summary>
    /// Hands back an episode the caller has finished with (classified and not kept): the next episode reuses it and
    /// its buffers, so a classifier that keeps only its best episode allocates nothing per episode.
    /// </summary>
    public void Recycle(RestoreEpisode episode)
    {
        if (!ReferenceEquals(episode, current))
        {
            spare = episode;
        }
    }

    /// <returns>The episode this line closed, if it started a new one.</returns>
    public RestoreEpisode? Feed(ReadOnlySpan<char> line, long timestamp, string? eventId)
    {
        hits.Clear();
        if (!catalog.Matcher.Match(line, hits))
        {
            current.AddPlain(timestamp, eventId);
            return null;
        }

        return FeedHits(line, hits, timestamp, eventId);
    }

    /// <summary>A line whose literals were already found (streamed bytes): confirms the candidates' regexes and feeds it.</summary>
    public RestoreEpisode? FeedCandidates(ReadOnlySpan<char> line, ReadOnlySpan<ulong> seen, long timestamp, string? eventId)
    {
        hits.Clear();
        if (!catalog.Matcher.Confirm(line, seen, hits))
        {
            current.AddPlain(timestamp, eventId);
            return null;
        }

        return FeedHits(line, hits, timestamp, eventId);
    }

    private RestoreEpisode? FeedHits(ReadOnlySpan<char> line, List<CatalogPattern> hits, long timestamp, string? eventId)
    {
        var starts = false;
        var terminal = false;
        var checkCommand = false;
        foreach (var h in hits)
        {
            starts |= h.Marker?.StartsAttempt == true;
            terminal |= h.Marker?.Terminal == true;
            checkCommand |= h.Marker is { StartsAttempt: true, Kind: MarkerKinds.CheckRun };
        }

        // A 'criu check' command is typed after whatever printed the lines before it: errors already seen belong to
        // the attempt before the check, not to the check (whose own errors are probes about the node).
        RestoreEpisode? closed = null;
        if ((starts && current.HasStart) || (terminal && current.HasTerminal) || (checkCommand && current.HasFailureLines))
        {
            closed = current;
            current = Next();
        }

        current.Add(line, hits, timestamp, eventId);
        return closed;
    }

    /// <summary>An event known to hold no catalog literal: only counted.</summary>
    public void AddPlain(long timestamp, string? eventId) => current.AddPlain(timestamp, eventId);

    public RestoreEpisode Finish()
    {
        var last = current;
        current = Next();
        return last;
    }

    private RestoreEpisode Next()
    {
        var next = spare?.Reset() ?? new RestoreEpisode(catalog.Structure);
        spare = null;
        return next;
    }
}
