namespace InstantOnRemediate.Core.Classification;

/// <summary>
/// Decides verdict, cause and remedy of one episode.
/// Verdict: an episode of CRIU's feature check (<c>criu check</c>) without any attempt is none (its errors are findings
/// about the node); else a failure marker (Liberty, CRIU, runtime, JVM, test), else the best signature or structural
/// rule, else a crash (a crash report that needs context counts beside restore lines), else a success marker, else
/// CRIU error lines (in the episode's phase), else a failure that needs context (a bare <c>*_FAILED</c>) beside
/// restore/checkpoint lines, else none. Warnings alone never make a failure.
/// Cause: the highest-precedence candidate whose phase condition holds — specific signatures (layer 3) usually
/// outrank structural rules (origin × errno × object); <c>unknown</c> for a failure without one.
/// Benign lines never decide anything.
/// </summary>
internal static class EpisodeClassifier
{
    /// <summary>Output lines after a restore command, without any failure, that show the restored program running.</summary>
    internal const int MinOutputAfterRestore = 3;

    /// <summary>Verdict and the cause candidates of an episode, without building a result (cheap: no allocation).</summary>
    public static EpisodeDecision Decide(RestoreEpisode episode)
    {
        SignatureHit? best = null, deciding = null;
        var effective = 0;
        var hits = episode.SignatureHits;
        for (var i = 0; i < hits.Count; i++)
        {
            var h = hits[i];
            if (!PhaseHolds(h.Signature.RequiresPhase, episode))
            {
                continue;
            }

            effective++;
            if (Outranks(h, best))
            {
                best = h;
            }

            if (!h.CauseOnly && Outranks(h, deciding))
            {
                deciding = h;
            }
        }

        var phaseVerdict = episode.CheckpointPhase ? Verdicts.CheckpointFailure : Verdicts.RestoreFailure;
        // CRIU's feature check probes the kernel and exits: its errors describe the node (node facts), and nothing
        // was checkpointed or restored unless a marker shows an attempt (a crash in it is CRIU's own, while checking).
        var checkOnly = episode.CheckRun && !episode.AttemptMarked;
        // A signature's verdict is the phase its line usually comes from; an episode that markers show to be a
        // checkpoint and nothing else (a `criu dump` command, a checkpoint request) keeps its own phase.
        var decidedVerdict = (episode.CheckpointOnlyMarked ? null : deciding?.Signature.Verdict) ?? phaseVerdict;
        var verdict = checkOnly ? Verdicts.None : episode.FirstFailureKind switch
        {
            MarkerKinds.RestoreFailed => Verdicts.RestoreFailure,
            MarkerKinds.CheckpointFailed => Verdicts.CheckpointFailure,
            MarkerKinds.Failed => decidedVerdict,
            _ when deciding is not null => decidedVerdict,
            // A JVM crash in an InstantOn log: the restored (or checkpointing) process died.
            _ when episode.Crashed => phaseVerdict,
            // A shell's, the kernel's or a runtime's report of a process killed by SIGSEGV/SIGILL/SIGABRT beside
            // restore lines: the restored program died, even when CRIU or the runtime had said "restored".
            _ when episode.ContextualCrash && episode.HasContext => phaseVerdict,
            _ when episode.RestoreSucceeded => Verdicts.RestoreSuccess,
            _ when episode.CriuError => phaseVerdict,
            // A bare "*_FAILED" token or an abort, beside restore/checkpoint lines: the attempt failed.
            _ when episode.ContextualFailure && episode.HasContext => phaseVerdict,
            // Liberty prints restore.log (warnings and errors at the default log level) only after a failed restore.
            _ when episode.RestorePhaseBenign => Verdicts.RestoreFailure,
            // A restore command followed by the program's own output and no error: the restored task runs (--shell-job).
            _ when episode.LinesAfterRestoreCommand >= MinOutputAfterRestore => Verdicts.RestoreSuccess,
            _ => Verdicts.None,
        };

        return new EpisodeDecision(verdict, best, effective);
    }

    /// <summary>Orders episodes for "the most significant one": failures with a cause, then unknown failures, then successes, then nothing.</summary>
    public static int Rank(EpisodeDecision decision, RestoreEpisode episode) => decision.Verdict switch
    {
        Verdicts.RestoreFailure or Verdicts.CheckpointFailure => decision.Best is null && episode.NodeCauses.Count == 0 ? 2 : 3,
        Verdicts.RestoreSuccess => 1,
        _ => 0,
    };

    public static ClassificationResult Classify(RestoreEpisode episode, SignatureCatalog catalog, int episodes = 1)
    {
        var decision = Decide(episode);
        var verdict = decision.Verdict;
        var best = decision.Best?.Signature;
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
                Signals = [.. episode.NodeSignals.Concat(episode.Kernel is null ? [] : [Signals.KernelFromLog]).Order(StringComparer.Ordinal)],
                Matched = [.. episode.MatchedMarkers],
                Episodes = episodes,
            };
        }

        var signals = new SortedSet<string>(episode.MarkerSignals, StringComparer.Ordinal);
        signals.UnionWith(episode.NodeSignals);
        var cause = CauseIds.Unknown;
        if (best is not null)
        {
            cause = best.Cause;
            signals.UnionWith(best.Signals);
            if (best.KernelBelow is { } rule && episode.Kernel is { } kernel
                && KernelRelease.TryParse(kernel, out var running) && KernelRelease.TryParse(rule.Version, out var needed) && running < needed)
            {
                cause = rule.Cause;
                signals.Add(Signals.CauseRefinedByKernel);
            }
        }

        else if (episode.NodeCauses.Count > 0)
        {
            // No line identifies the cause, but CRIU's probes showed the node lacks what the failure needs.
            cause = episode.NodeCauses[0];
            signals.Add(Signals.CauseFromNodeFact);
        }

        if (episode.Kernel is not null)
        {
            signals.Add(Signals.KernelFromLog);
        }

        if (decision.Effective < episode.SignatureHits.Count)
        {
            signals.Add(Signals.SignatureNeedsOtherPhase);
        }

        // Evidence: every specific signature that held, and the structural rules that name the chosen cause.
        var effectiveIds = episode.SignatureHits
            .Where(h => PhaseHolds(h.Signature.RequiresPhase, episode))
            .Where(h => !h.Signature.Structural || h.Signature.Cause == best?.Cause)
            .Select(h => h.Signature.Id)
            .ToHashSet(StringComparer.Ordinal);
        // A signature or rule hit carries the position of its line among the evidence lines.
        var effectiveLines = episode.SignatureHits
            .Where(h => h.Order >= 0 && effectiveIds.Contains(h.Signature.Id))
            .Select(h => h.Order)
            .ToHashSet();
        var evidence = episode.Evidence
            .Where((e, i) => e.IsMarker || effectiveLines.Contains(i) || (best is null && e.IsCriuError))
            .Select(e => e.Text)
            .ToList();

        var definition = catalog.Cause(cause);
        // A structural rule says what happened in this log (which component, which errno, which object): that is the
        // why, and its own fix where it has one; the cause's texts are the general case.
        var decidingRule = best is { Structural: true } && cause == best.Cause ? best : null;
        return new ClassificationResult
        {
            Verdict = verdict,
            Cause = cause,
            Remedy = definition?.Remedy ?? RemedyClasses.Unknown,
            Evidence = evidence,
            Benign = episode.BenignLines,
            Kernel = episode.Kernel,
            Explanation = decidingRule?.Mechanism is { Length: > 0 } mechanism ? Sentence(mechanism) : definition?.Explanation,
            Fix = decidingRule?.Fix is { Length: > 0 } fix ? fix : definition?.Fix,
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

    /// <summary>A rule's mechanism as a sentence of its own: capitalised, ending in a full stop.</summary>
    private static string Sentence(string mechanism)
    {
        var text = mechanism.Trim();
        text = char.ToUpperInvariant(text[0]) + text[1..];
        return text.EndsWith('.') ? text : text + ".";
    }

    /// <summary>Higher precedence wins; on a tie the line that came first.</summary>
    private static bool Outranks(SignatureHit h, SignatureHit? other) =>
        other is not { } o
        || h.Signature.Precedence > o.Signature.Precedence
        || (h.Signature.Precedence == o.Signature.Precedence && (h.Order < 0 ? int.MaxValue : h.Order) < (o.Order < 0 ? int.MaxValue : o.Order));

    private static bool PhaseHolds(string? phase, RestoreEpisode episode) => phase switch
    {
        null => true,
        Phases.Checkpoint => episode.CheckpointPhase,
        Phases.Restore => !episode.CheckpointPhase,
        _ => false,
    };
}
