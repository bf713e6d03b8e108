namespace InstantOnRemediate.Core.Classification;

/// <summary>
/// Keeps the most significant episode of one log (the last of the highest rank): only it becomes a result; every
/// other episode goes back to the tracker for reuse. Shared by the line and the stream classifiers.
/// </summary>
internal sealed class MostSignificantEpisode(EpisodeTracker tracker)
{
    private RestoreEpisode? best;
    private int bestRank = -1;
    private int episodes;

    public void Consider(RestoreEpisode episode)
    {
        if (episode.LineCount == 0)
        {
            return;
        }

        episodes++;
        var rank = EpisodeClassifier.Rank(EpisodeClassifier.Decide(episode), episode);
        if (rank >= bestRank)
        {
            if (best is not null)
            {
                tracker.Recycle(best);
            }

            best = episode;
            bestRank = rank;
        }
        else
        {
            tracker.Recycle(episode);
        }
    }

    /// <summary>The kept episode classified, with the number of episodes seen.</summary>
    public ClassificationResult Result(SignatureCatalog catalog) =>
        (best is null ? ClassificationResult.NoFinding : EpisodeClassifier.Classify(best, catalog)) with { Episodes = episodes };
}
