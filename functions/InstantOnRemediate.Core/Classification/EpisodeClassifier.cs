namespace InstantOnRemediate.Core.Classification;

/// <summary>
/// Decides verdict, cause and remedy of one episode. Verdict: a failure marker, else the best signature's verdict,
/// else CRIU error lines (restore, or checkpoint when they come from dump code), else a success marker, else
/// restore-only CRIU lines without a success marker (Liberty prints restore.log only after a failed restore),
/// else none. Cause: the highest-precedence signature whose phase condition holds; <c>unknown</c> for a failure
/// without one. Benign lines never decide anything.
/// </summary>
internal static class EpisodeClassifier
{
    public static ClassificationResult Classify(RestoreEpisode episode, SignatureCatalog catalog, int episodes = 1)
    {
        var effective = episode.SignatureHits.Where(h => PhaseHolds(h.Signature.RequiresPhase, episode)).ToList();
        var best = effective
            .OrderByDescending(h => h.Signature.Precedence)
            .ThenBy(h => h.Order < 0 ? int.MaxValue : h.Order)
            .FirstOrDefault();

        var verdict = episode.FirstFailureKind switch
        {
            MarkerKinds.RestoreFailed => Verdicts.RestoreFailure,
            MarkerKinds.CheckpointFailed => Verdicts.CheckpointFailure,
            _ when best is not null => best.Signature.Verdict,
            _ when episode.RestoreSucceeded => Verdicts.RestoreSuccess,
            _ when episode.CriuError => episode.CriuErrorDumpSide ? Verdicts.CheckpointFailure : Verdicts.RestoreFailure,
            _ when episode.RestorePhaseBenign => Verdicts.RestoreFailure,
            _ => Verdicts.None,
        };

        if (verdict is Verdicts.None or Verdicts.RestoreSuccess)
        {
            return new ClassificationResult
            {
                Verdict = verdict,
                Cause = CauseIds.None,
                Remedy = RemedyClasses.None,
                Evidence = verdict == Verdicts.None ? [] : episode.Evidence.Where(e => e.IsMarker).Select(e => e.Text).ToList(),
                Benign = episode.BenignLines,
                Kernel = episode.Kernel,
                Signals = episode.Kernel is null ? [] : [Signals.KernelFromLog],
                Matched = [.. episode.MatchedMarkers],
                Episodes = episodes,
            };
        }

        var signals = new SortedSet<string>(episode.MarkerSignals, StringComparer.Ordinal);
        var cause = CauseIds.Unknown;
        if (best is not null)
        {
            cause = best.Signature.Cause;
            signals.UnionWith(best.Signature.Signals);
            if (best.Signature.KernelBelow is { } rule && episode.Kernel is { } kernel
                && KernelRelease.TryParse(kernel, out var running) && KernelRelease.TryParse(rule.Version, out var needed) && running < needed)
            {
                cause = rule.Cause;
                signals.Add(Signals.CauseRefinedByKernel);
            }
        }

        if (episode.Kernel is not null)
        {
            signals.Add(Signals.KernelFromLog);
        }

        if (effective.Count < episode.SignatureHits.Count)
        {
            signals.Add(Signals.SignatureNeedsOtherPhase);
        }

        var effectiveIds = effective.Select(h => h.Signature.Id).ToHashSet(StringComparer.Ordinal);
        var evidence = episode.Evidence
            .Where(e => e.IsMarker || e.SignatureIds.Any(effectiveIds.Contains) || (best is null && e.IsCriuError))
            .Select(e => e.Text)
            .ToList();

        var definition = catalog.Cause(cause);
        return new ClassificationResult
        {
            Verdict = verdict,
            Cause = cause,
            Remedy = definition?.Remedy ?? RemedyClasses.Unknown,
            Evidence = evidence,
            Benign = episode.BenignLines,
            Kernel = episode.Kernel,
            Explanation = definition?.Explanation,
            Fix = definition?.Fix,
            Signals = [.. signals],
            Matched = [.. effectiveIds.Order(StringComparer.Ordinal), .. episode.MatchedMarkers],
            Episodes = episodes,
        };
    }

    /// <summary>Orders results for "the most significant episode": failures with a cause, then unknown failures, then successes, then nothing.</summary>
    public static int Rank(ClassificationResult result) => result.Verdict switch
    {
        Verdicts.RestoreFailure or Verdicts.CheckpointFailure => result.Cause == CauseIds.Unknown ? 2 : 3,
        Verdicts.RestoreSuccess => 1,
        _ => 0,
    };

    private static bool PhaseHolds(string? phase, RestoreEpisode episode) => phase switch
    {
        null => true,
        Phases.Checkpoint => episode.CheckpointPhase,
        Phases.Restore => !episode.CheckpointPhase,
        _ => false,
    };
}
