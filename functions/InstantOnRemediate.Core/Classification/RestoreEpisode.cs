using InstantOnRemediate.Core.Classification.Catalog;

namespace InstantOnRemediate.Core.Classification;

/// <summary>
/// The lines of one restore (or checkpoint) attempt of one container, reduced to what classification needs.
/// Memory is bounded: evidence and benign lines are capped, plain lines are only counted.
/// </summary>
internal sealed class RestoreEpisode(StructuralRules structure)
{
    public const int MaxEvidence = 64;
    public const int MaxBenign = 32;
    public const int MaxEventIds = 10_000;

    // Created on first use: most episodes of a dense log need few of them.
    private List<EvidenceLine>? evidence;
    private List<string>? benign;
    private HashSet<string>? benignSeen;
    private List<SignatureHit>? signatureHits;
    private SortedSet<string>? markerSignals;
    private SortedSet<string>? matchedMarkers;
    private List<string>? eventIds;
    private SortedSet<string>? nodeSignals;
    private List<string>? nodeCauses;
    private bool restoreCommandSeen;

    public string? FirstFailureKind { get; private set; }

    public bool RestoreSucceeded { get; private set; }

    public bool CheckpointPhase { get; private set; }

    /// <summary>A CRIU warning printed only while restoring (benign by itself): Liberty prints restore.log only after a failed restore.</summary>
    public bool RestorePhaseBenign { get; private set; }

    /// <summary>Lines seen after the last restore command (the restored program's own output, with --shell-job).</summary>
    public int LinesAfterRestoreCommand { get; private set; }

    /// <summary>A restore was started or reported (runtime command, restore markers).</summary>
    public bool RestoreAttempted { get; private set; }

    /// <summary>The process crashed (JVM dump, fatal signal report).</summary>
    public bool Crashed { get; private set; }

    public bool CriuError { get; private set; }

    /// <summary>A failure or crash marker that needs context (<see cref="Catalog.MarkerDefinition.RequiresContext"/>) was seen.</summary>
    public bool ContextualFailure { get; private set; }

    /// <summary>The episode holds a restore/checkpoint line: a CRIU line, a marker that stands on its own, a signature, a benign or node-fact line.</summary>
    public bool HasContext { get; private set; }

    public bool CriuErrorDumpSide { get; private set; }

    public bool HasStart { get; private set; }

    public bool HasTerminal { get; private set; }

    public string? Kernel { get; private set; }

    public long FirstTimestamp { get; private set; }

    public long LastTimestamp { get; private set; }

    public string? FirstEventId { get; private set; }

    public int LineCount { get; private set; }

    public IReadOnlyList<EvidenceLine> Evidence => (IReadOnlyList<EvidenceLine>?)evidence ?? [];

    public IReadOnlyList<string> BenignLines => (IReadOnlyList<string>?)benign ?? [];

    public IReadOnlyList<SignatureHit> SignatureHits => (IReadOnlyList<SignatureHit>?)signatureHits ?? [];

    public IReadOnlyCollection<string> MarkerSignals => (IReadOnlyCollection<string>?)markerSignals ?? [];

    public IReadOnlyCollection<string> MatchedMarkers => (IReadOnlyCollection<string>?)matchedMarkers ?? [];

    /// <summary>Causes implied by node facts, in log order: used when a failure has no identifying line.</summary>
    public IReadOnlyList<string> NodeCauses => (IReadOnlyList<string>?)nodeCauses ?? [];

    /// <summary>Signals of node facts (probe lines about the kernel) seen in the episode.</summary>
    public IReadOnlyCollection<string> NodeSignals => (IReadOnlyCollection<string>?)nodeSignals ?? [];

    public IReadOnlyList<string> EventIds => (IReadOnlyList<string>?)eventIds ?? [];

    public void AddPlain(long timestamp, string? eventId) => Count(timestamp, eventId);

    public void Add(ReadOnlySpan<char> line, List<CatalogPattern> hits, long timestamp, string? eventId)
    {
        Count(timestamp, eventId);
        var isBenign = false;
        var isMarker = false;
        var isCriuError = false;
        var isCriuWarning = false;
        string? errno = null;
        var errnoTextLength = -1;
        string? failureOrigin = null;
        List<CauseCandidate>? candidates = null;
        foreach (var hit in hits)
        {
            switch (hit.Role)
            {
                case PatternRole.Signature:
                    (candidates ??= []).Add(hit.Signature!);
                    HasContext = true;
                    break;
                case PatternRole.Marker when hit.Marker!.Kind == MarkerKinds.CriuError:
                    isCriuError = true;
                    HasContext = true;
                    break;
                case PatternRole.Marker when hit.Marker!.RequiresContext:
                    (matchedMarkers ??= new(StringComparer.Ordinal)).Add(hit.Marker.Id);
                    ContextualFailure = true;
                    break;
                case PatternRole.Marker:
                    // Markers outside the subscription filter (commands, test harness output, pod status) set the
                    // episode's state but are context, not evidence: production never sees those lines.
                    isMarker |= hit.Marker!.InFilter;
                    HasContext = true;
                    ApplyMarker(hit.Marker!);
                    if (hit.Marker!.Kind is MarkerKinds.RestoreFailed or MarkerKinds.CheckpointFailed or MarkerKinds.Failed or MarkerKinds.Crashed)
                    {
                        failureOrigin ??= hit.Marker.Origin ?? "runtime";
                    }

                    break;
                case PatternRole.Benign:
                    isBenign = true;
                    HasContext = true;
                    RestorePhaseBenign |= hit.Benign!.Phase == Phases.Restore;
                    break;
                case PatternRole.NodeFact:
                    HasContext = true;
                    (nodeSignals ??= new(StringComparer.Ordinal)).Add(hit.NodeFact!.Signal);
                    if (hit.NodeFact.Cause is { } implied)
                    {
                        (nodeCauses ??= []).Add(implied);
                    }

                    break;
                case PatternRole.CriuWarning:
                    isCriuWarning = true;
                    HasContext = true;
                    break;
                case PatternRole.ErrnoText when hit.Errno!.Text.Length > errnoTextLength:
                    // The longest strerror text wins ("Too many open files in system"), and a text wins over a name.
                    errno = hit.Errno.Name;
                    errnoTextLength = hit.Errno.Text.Length;
                    break;
                case PatternRole.ErrnoName when errno is null && IsWord(line, hit.Errno!.Name):
                    errno = hit.Errno.Name;
                    errnoTextLength = 0;
                    break;
                case PatternRole.Kernel when Kernel is null:
                    foreach (var m in hit.Regex!.EnumerateMatches(LineMatcher.RegexInput(line)))
                    {
                        Kernel = line.Slice(m.Index, m.Length).ToString();
                        break;
                    }

                    break;
            }
        }

        // A benign line (e.g. "Error (criu/sockets.c:210): sockets: Diag module missing") is never failure content.
        isCriuError &= !isBenign;
        var signatureCount = candidates?.Count ?? 0;
        if (!isBenign && (isCriuError || isCriuWarning) && structure.TryAnalyseCriu(line, errno, out var facts))
        {
            if (isCriuError)
            {
                CriuError = true;
                if (facts.Phase == Phases.Checkpoint)
                {
                    CriuErrorDumpSide = true;
                    CheckpointPhase = true;
                }
                else if (facts.Phase == Phases.Restore)
                {
                    RestoreAttempted = true;
                }
            }

            structure.Apply(line, facts, candidates ??= []);
        }
        else if (failureOrigin is not null && !isBenign)
        {
            structure.Apply(line, StructuralRules.AnalyseWrapper(failureOrigin, errno), candidates ??= []);
        }

        var evidenceCount = evidence?.Count ?? 0;
        if (candidates is { Count: > 0 })
        {
            signatureHits ??= [];
            var order = evidenceCount < MaxEvidence ? evidenceCount : -1;
            for (var i = 0; i < candidates.Count; i++)
            {
                // A rule that matched a CRIU warning may name the cause of a failure, never make one.
                var structural = i >= signatureCount;
                signatureHits.Add(new SignatureHit(candidates[i], order, CauseOnly: structural && !isCriuError && isCriuWarning));
            }
        }

        if ((isMarker || candidates is { Count: > 0 } || isCriuError) && evidenceCount < MaxEvidence)
        {
            (evidence ??= []).Add(new EvidenceLine(EvidenceText.Bound(line), isMarker, IdsOf(candidates), isCriuError));
        }
        else if (isBenign && candidates is null && !isMarker && (benign?.Count ?? 0) < MaxBenign)
        {
            var text = EvidenceText.Bound(line);
            if ((benignSeen ??= new(StringComparer.Ordinal)).Add(text))
            {
                (benign ??= []).Add(text);
            }
        }
    }

    /// <summary>True when <paramref name="word"/> occurs in the line as a whole word (an errno name: <c>EPERM</c>, not <c>EPERMS</c>).</summary>
    private static bool IsWord(ReadOnlySpan<char> line, string word)
    {
        for (var at = line.IndexOf(word, StringComparison.Ordinal); at >= 0;)
        {
            var end = at + word.Length;
            if ((at == 0 || !IsWordChar(line[at - 1])) && (end == line.Length || !IsWordChar(line[end])))
            {
                return true;
            }

            var next = line[(at + 1)..].IndexOf(word, StringComparison.Ordinal);
            at = next < 0 ? -1 : at + 1 + next;
        }

        return false;

        static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
    }

    private static string[] IdsOf(List<CauseCandidate>? candidates)
    {
        if (candidates is not { Count: > 0 })
        {
            return [];
        }

        var ids = new string[candidates.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = candidates[i].Id;
        }

        return ids;
    }

    private void ApplyMarker(MarkerDefinition marker)
    {
        (matchedMarkers ??= new(StringComparer.Ordinal)).Add(marker.Id);
        if (marker.Signals.Count > 0)
        {
            (markerSignals ??= new(StringComparer.Ordinal)).UnionWith(marker.Signals);
        }
        HasStart |= marker.StartsAttempt;
        HasTerminal |= marker.Terminal;
        switch (marker.Kind)
        {
            case MarkerKinds.RestoreFailed:
                FirstFailureKind ??= marker.Kind;
                RestoreAttempted = true;
                break;
            case MarkerKinds.Failed:
                FirstFailureKind ??= marker.Kind;
                break;
            case MarkerKinds.RestoreAttempt:
                RestoreAttempted = true;
                if (marker.Origin == "runtime")
                {
                    // A command (criu restore, podman container restore…): what follows is the restored program's output.
                    restoreCommandSeen = true;
                    LinesAfterRestoreCommand = 0;
                }

                break;
            case MarkerKinds.Crashed:
                Crashed = true;
                break;
            case MarkerKinds.CheckpointFailed:
                FirstFailureKind ??= marker.Kind;
                CheckpointPhase = true;
                break;
            case MarkerKinds.CheckpointRequested:
                CheckpointPhase = true;
                break;
            case MarkerKinds.RestoreSucceeded:
                RestoreSucceeded = true;
                RestoreAttempted = true;
                break;
        }
    }

    private void Count(long timestamp, string? eventId)
    {
        if (restoreCommandSeen)
        {
            LinesAfterRestoreCommand++;
        }

        if (LineCount++ == 0)
        {
            FirstTimestamp = timestamp;
        }

        LastTimestamp = timestamp;
        if (eventId is not null && (eventIds is not { Count: > 0 } || eventIds[^1] != eventId))
        {
            FirstEventId ??= eventId;
            if ((eventIds ??= []).Count < MaxEventIds)
            {
                eventIds.Add(eventId);
            }
        }
    }
}

/// <summary>A line kept as evidence: a marker, signature lines (by id) and/or a CRIU error.</summary>
internal sealed record EvidenceLine(string Text, bool IsMarker, string[] SignatureIds, bool IsCriuError);

/// <summary>
/// A signature or structural rule that matched a line; <see cref="Order"/> is its evidence position (-1 when the cap
/// was reached). <see cref="CauseOnly"/>: it may name the cause of a failure but does not make the episode one.
/// </summary>
internal sealed record SignatureHit(CauseCandidate Signature, int Order, bool CauseOnly = false);
