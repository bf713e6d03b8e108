using InstantOnRemediate.Core.Ingest;

namespace InstantOnRemediate.Core.Classification;

/// <summary>
/// Parse → episodes → classify. <see cref="Detect"/> works on a decoded subscription batch (records grouped by
/// container, one finding per failed/succeeded episode); <see cref="ClassifyLines"/> streams a plain log (the
/// CLI path) in constant memory and returns its most significant episode.
/// </summary>
public static class RestoreDetector
{
    public static IReadOnlyList<Finding> Detect(DecodedBatch batch, SignatureCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(catalog);
        if (batch.Payload is not { IsControlMessage: false } payload)
        {
            return [];
        }

        var streamSource = LogStreamName.Parse(payload.LogStream);
        var trackers = new Dictionary<ContainerRef, EpisodeTracker>();
        var order = new List<ContainerRef>();
        var closed = new List<(ContainerRef Source, RestoreEpisode Episode)>();
        foreach (var e in payload.LogEvents)
        {
            var record = LogRecordParser.Parse(e.Message, streamSource);
            if (!trackers.TryGetValue(record.Source, out var tracker))
            {
                trackers[record.Source] = tracker = new EpisodeTracker(catalog);
                order.Add(record.Source);
            }

            foreach (var line in record.Text.AsSpan().EnumerateLines())
            {
                if (!line.IsEmpty && tracker.Feed(line, e.Timestamp, e.Id) is { } done)
                {
                    closed.Add((record.Source, done));
                }
            }
        }

        foreach (var source in order)
        {
            closed.Add((source, trackers[source].Finish()));
        }

        var cluster = LogGroupName.ClusterOf(payload.LogGroup);
        var findings = new List<Finding>();
        foreach (var (source, episode) in closed.OrderBy(c => c.Episode.FirstTimestamp))
        {
            var result = EpisodeClassifier.Classify(episode, catalog);
            if (result.Verdict == Verdicts.None)
            {
                continue;
            }

            findings.Add(new Finding
            {
                Id = FindingIds.For(payload.LogGroup, payload.LogStream, source.Pod, source.Container, episode.FirstEventId),
                Verdict = result.Verdict,
                Cause = result.Cause,
                Remedy = result.Remedy,
                Cluster = cluster,
                Pod = source.Pod,
                Namespace = source.Namespace,
                Node = source.Node,
                Container = source.Container,
                Image = source.Image,
                LogGroup = payload.LogGroup,
                LogStream = payload.LogStream,
                Evidence = result.Evidence,
                Benign = result.Benign,
                Kernel = result.Kernel,
                Explanation = result.Explanation,
                Fix = result.Fix,
                Signals = result.Signals,
                FirstTimestamp = episode.FirstTimestamp,
                LastTimestamp = episode.LastTimestamp,
                EventIds = episode.EventIds,
            });
        }

        return findings;
    }

    /// <summary>Classifies one container's log read line by line. JSON lines (Docker json-file, Fluent Bit) are unwrapped.</summary>
    public static ClassificationResult ClassifyLines(IEnumerable<string> lines, SignatureCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(lines);
        catalog ??= SignatureCatalog.LoadEmbedded();
        var tracker = new EpisodeTracker(catalog);
        ClassificationResult? best = null;
        var episodes = 0;

        void Consider(RestoreEpisode episode)
        {
            if (episode.LineCount == 0)
            {
                return;
            }

            episodes++;
            var result = EpisodeClassifier.Classify(episode, catalog);
            if (best is null || EpisodeClassifier.Rank(result) >= EpisodeClassifier.Rank(best))
            {
                best = result;
            }
        }

        foreach (var raw in lines)
        {
            if (raw is null)
            {
                continue;
            }

            var text = raw.Length > 1 && raw[0] == '{' ? LogRecordParser.Parse(raw).Text : raw;
            foreach (var line in text.AsSpan().EnumerateLines())
            {
                if (!line.IsEmpty && tracker.Feed(line, 0, null) is { } done)
                {
                    Consider(done);
                }
            }
        }

        Consider(tracker.Finish());
        return (best ?? ClassificationResult.NoFinding) with { Episodes = episodes };
    }
}
