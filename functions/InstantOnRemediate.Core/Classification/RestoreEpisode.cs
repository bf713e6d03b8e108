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

    // Created on first use and kept across Reset: a classifier that recycles the episodes it does not keep
    // (LogStreamClassifier, ClassifyLines) allocates nothing per episode once these have grown.
    private List<EvidenceEntry>? evidence;
    private List<TextRange>? benign;
    private char[] text = [];
    private int textLength;
    private List<SignatureHit>? signatureHits;
    private List<string>? markerSignals;
    private List<string>? matchedMarkers;
    private List<string>? eventIds;
    private List<string>? nodeSignals;
    private List<string>? nodeCauses;
    private List<CauseCandidate>? candidates;
    private bool restoreCommandSeen;
    private bool checkpointMarked;
    private bool restoreMarked;

    public string? FirstFailureKind { get; private set; }

    public bool RestoreSucceeded { get; private set; }

    /// <summary>
    /// The episode is a checkpoint: a checkpoint marker (request, command, failure) was seen, or an error from
    /// dump-only CRIU code while no marker showed a restore (compel's task handling also runs when a restore
    /// catches its tasks, so a restore marker is the stronger evidence).
    /// </summary>
    public bool CheckpointPhase => checkpointMarked || (CriuErrorDumpSide && !restoreMarked);

    /// <summary>Only checkpoint markers showed the step (a dump command, a checkpoint request or failure), no restore marker.</summary>
    public bool CheckpointOnlyMarked => checkpointMarked && !restoreMarked;

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

    /// <summary>
    /// A crash report that needs context was seen (a shell's, the kernel's or a runtime's report of a process killed by
    /// a fatal signal): beside restore lines, the restored program died, even after a "restored" line.
    /// </summary>
    public bool ContextualCrash { get; private set; }

    /// <summary>The episode holds a restore/checkpoint line: a CRIU line, a marker that stands on its own, a signature, a benign or node-fact line.</summary>
    public bool HasContext { get; private set; }

    public bool CriuErrorDumpSide { get; private set; }

    /// <summary>CRIU's feature check ran in this episode (<see cref="MarkerKinds.CheckRun"/>).</summary>
    public bool CheckRun { get; private set; }

    /// <summary>A marker showed a checkpoint or restore attempt (requested, started, failed or succeeded), not just CRIU's own lines.</summary>
    public bool AttemptMarked => checkpointMarked || restoreMarked || FirstFailureKind is not null;

    public bool HasStart { get; private set; }

    /// <summary>The episode already holds a failure: a CRIU error, a failure marker or a crash report.</summary>
    public bool HasFailureLines => CriuError || Crashed || FirstFailureKind is not null;

    public bool HasTerminal { get; private set; }

    public string? Kernel { get; private set; }

    public long FirstTimestamp { get; private set; }

    public long LastTimestamp { get; private set; }

    public string? FirstEventId { get; private set; }

    public int LineCount { get; private set; }

    /// <summary>Evidence lines in log order (text materialised on each call: read it once, when the episode becomes a result).</summary>
    public IReadOnlyList<EvidenceLine> Evidence
    {
        get
        {
            if (evidence is not { Count: > 0 })
            {
                return [];
            }

            var lines = new EvidenceLine[evidence.Count];
            for (var i = 0; i < lines.Length; i++)
            {
                var e = evidence[i];
                lines[i] = new EvidenceLine(TextOf(e.Text), e.IsMarker, e.IsCriuError);
            }

            return lines;
        }
    }

    /// <summary>Distinct benign lines in log order (materialised on each call).</summary>
    public IReadOnlyList<string> BenignLines => benign is { Count: > 0 } ? [.. benign.Select(TextOf)] : [];

    public IReadOnlyList<SignatureHit> SignatureHits => (IReadOnlyList<SignatureHit>?)signatureHits ?? [];

    public IReadOnlyCollection<string> MarkerSignals => (IReadOnlyCollection<string>?)markerSignals ?? [];

    /// <summary>Ids of the markers matched, ordinal order.</summary>
    public IReadOnlyCollection<string> MatchedMarkers => matchedMarkers is { Count: > 0 } ? [.. matchedMarkers.Order(StringComparer.Ordinal)] : [];

    /// <summary>Causes implied by node facts, in log order: used when a failure has no identifying line.</summary>
    public IReadOnlyList<string> NodeCauses => (IReadOnlyList<string>?)nodeCauses ?? [];

    /// <summary>Signals of node facts (probe lines about the kernel) seen in the episode.</summary>
    public IReadOnlyCollection<string> NodeSignals => (IReadOnlyCollection<string>?)nodeSignals ?? [];

    public IReadOnlyList<string> EventIds => (IReadOnlyList<string>?)eventIds ?? [];

    /// <summary>Empties the episode for reuse, keeping the capacity of its buffers (the caller no longer reads it).</summary>
    public RestoreEpisode Reset()
    {
        evidence?.Clear();
        benign?.Clear();
        textLength = 0;
        signatureHits?.Clear();
        markerSignals?.Clear();
        matchedMarkers?.Clear();
        eventIds = null;
        nodeSignals?.Clear();
        nodeCauses?.Clear();
        restoreCommandSeen = false;
        FirstFailureKind = null;
        RestoreSucceeded = false;
        checkpointMarked = false;
        restoreMarked = false;
        RestorePhaseBenign = false;
        LinesAfterRestoreCommand = 0;
        RestoreAttempted = false;
        Crashed = false;
        CriuError = false;
        CriuErrorDumpSide = false;
        ContextualFailure = false;
        ContextualCrash = false;
        CheckRun = false;
        HasContext = false;
        HasStart = false;
        HasTerminal = false;
        Kernel = null;
        FirstTimestamp = 0;
        LastTimestamp = 0;
        FirstEventId = null;
        LineCount = 0;
        return this;
    }

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
        string? contextualOrigin = null;
        var candidates = this.candidates ??= [];
        candidates.Clear();
        foreach (var hit in hits)
        {
            switch (hit.Role)
            {
                case PatternRole.Signature:
                    candidates.Add(hit.Signature!);
                    HasContext = true;
                    break;
                case PatternRole.Marker when hit.Marker!.Kind == MarkerKinds.CriuError:
                    isCriuError = true;
                    HasContext = true;
                    break;
                case PatternRole.Marker when hit.Marker!.RequiresContext:
                    AddOnce(ref matchedMarkers, hit.Marker.Id);
                    ContextualFailure = true;
                    ContextualCrash |= hit.Marker.Kind == MarkerKinds.Crashed;
                    contextualOrigin ??= hit.Marker.Origin ?? "runtime";
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
                    AddOnce(ref nodeSignals, hit.NodeFact!.Signal);
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
        var signatureCount = candidates.Count;
        var causeOnlyLine = false;
        if (!isBenign && (isCriuError || isCriuWarning) && structure.TryAnalyseCriu(line, errno, out var facts))
        {
            if (isCriuError)
            {
                CriuError = true;
                if (facts.Phase == Phases.Checkpoint)
                {
                    CriuErrorDumpSide = true;
                }
                else if (facts.Phase == Phases.Restore)
                {
                    RestoreAttempted = true;
                }
            }

            structure.Apply(line, facts, candidates);
        }
        else if ((failureOrigin ?? contextualOrigin) is { } origin && !isBenign)
        {
            structure.Apply(line, StructuralRules.AnalyseWrapper(origin, errno), candidates);
            // A rule that matched a line which is a failure only in context (a crash report) names the cause; the
            // context decides whether there is a failure at all.
            causeOnlyLine = failureOrigin is null;
        }

        var evidenceCount = evidence?.Count ?? 0;
        if (candidates.Count > 0)
        {
            signatureHits ??= [];
            var order = evidenceCount < MaxEvidence ? evidenceCount : -1;
            for (var i = 0; i < candidates.Count; i++)
            {
                // A rule that matched a CRIU warning may name the cause of a failure, never make one.
                var structural = i >= signatureCount;
                signatureHits.Add(new SignatureHit(candidates[i], order, CauseOnly: structural && ((!isCriuError && isCriuWarning) || causeOnlyLine)));
            }
        }

        if ((isMarker || candidates.Count > 0 || isCriuError) && evidenceCount < MaxEvidence)
        {
            (evidence ??= []).Add(new EvidenceEntry(Keep(line), isMarker, isCriuError));
        }
        else if (isBenign && candidates.Count == 0 && !isMarker && (benign?.Count ?? 0) < MaxBenign && !IsBenignSeen(line))
        {
            (benign ??= []).Add(Keep(line));
        }
    }

    /// <summary>True when the line (as it would be kept) is already among the benign lines.</summary>
    private bool IsBenignSeen(ReadOnlySpan<char> line)
    {
        var cut = line.Length > EvidenceText.MaxChars;
        var head = cut ? line[..EvidenceText.MaxChars] : line;
        if (benign is null)
        {
            return false;
        }

        foreach (var r in benign)
        {
            if (r.Cut == cut && r.Length == head.Length && text.AsSpan(r.Start, r.Length).SequenceEqual(head))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Copies the line's first <see cref="EvidenceText.MaxChars"/> characters into the episode's text buffer.</summary>
    private TextRange Keep(ReadOnlySpan<char> line)
    {
        var cut = line.Length > EvidenceText.MaxChars;
        var head = cut ? line[..EvidenceText.MaxChars] : line;
        if (textLength + head.Length > text.Length)
        {
            // Bounded: at most MaxEvidence + MaxBenign lines of MaxChars each.
            Array.Resize(ref text, Math.Max(text.Length * 2, Math.Max(textLength + head.Length, 1024)));
        }

        head.CopyTo(text.AsSpan(textLength));
        var range = new TextRange(textLength, head.Length, cut);
        textLength += head.Length;
        return range;
    }

    private string TextOf(TextRange r) => r.Cut ? string.Concat(text.AsSpan(r.Start, r.Length), EvidenceText.Ellipsis) : new string(text, r.Start, r.Length);

    private static void AddOnce(ref List<string>? list, string value)
    {
        list ??= [];
        if (!list.Contains(value))
        {
            list.Add(value);
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

    private void ApplyMarker(MarkerDefinition marker)
    {
        AddOnce(ref matchedMarkers, marker.Id);
        for (var i = 0; i < marker.Signals.Count; i++)
        {
            AddOnce(ref markerSignals, marker.Signals[i]);
        }

        HasStart |= marker.StartsAttempt;
        HasTerminal |= marker.Terminal;
        switch (marker.Kind)
        {
            case MarkerKinds.CheckRun:
                CheckRun = true;
                break;
            case MarkerKinds.RestoreFailed:
                FirstFailureKind ??= marker.Kind;
                RestoreAttempted = true;
                restoreMarked = true;
                break;
            case MarkerKinds.Failed:
                FirstFailureKind ??= marker.Kind;
                break;
            case MarkerKinds.RestoreAttempt:
                RestoreAttempted = true;
                restoreMarked = true;
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
                checkpointMarked = true;
                break;
            case MarkerKinds.CheckpointRequested:
                checkpointMarked = true;
                break;
            case MarkerKinds.RestoreSucceeded:
                RestoreSucceeded = true;
                RestoreAttempted = true;
                restoreMarked = true;
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

/// <summary>A line kept as evidence: a marker, a signature or rule line (its hits carry its position) and/or a CRIU error.</summary>
internal sealed record EvidenceLine(string Text, bool IsMarker, bool IsCriuError);

/// <summary>Where a kept line's text sits in its episode's buffer; <see cref="Cut"/>: it was longer than <see cref="EvidenceText.MaxChars"/>.</summary>
internal readonly record struct TextRange(int Start, int Length, bool Cut);

internal readonly record struct EvidenceEntry(TextRange Text, bool IsMarker, bool IsCriuError);

/// <summary>
/// A signature or structural rule that matched a line; <see cref="Order"/> is its evidence position (-1 when the cap
/// was reached). <see cref="CauseOnly"/>: it may name the cause of a failure but does not make the episode one.
/// </summary>
internal readonly record struct SignatureHit(CauseCandidate Signature, int Order, bool CauseOnly = false);
