using InstantOnRemediate.Core.Classification.Catalog;
using InstantOnRemediate.Core.Ingest;

namespace InstantOnRemediate.Core.Classification;

/// <summary>
/// The lines of one restore (or checkpoint) attempt of one container, reduced to what classification needs.
/// Memory is bounded: evidence and benign lines are capped, plain lines are only counted.
/// </summary>
internal sealed class RestoreEpisode
{
    public const int MaxEvidence = 64;
    public const int MaxBenign = 32;
    public const int MaxEventIds = 10_000;

    private readonly List<EvidenceLine> evidence = [];
    private readonly List<string> benign = [];
    private readonly HashSet<string> benignSeen = new(StringComparer.Ordinal);
    private readonly List<SignatureHit> signatureHits = [];
    private readonly SortedSet<string> markerSignals = new(StringComparer.Ordinal);
    private readonly SortedSet<string> matchedMarkers = new(StringComparer.Ordinal);
    private readonly List<string> eventIds = [];

    public string? FirstFailureKind { get; private set; }

    public bool RestoreSucceeded { get; private set; }

    public bool CheckpointPhase { get; private set; }

    public bool RestorePhaseBenign { get; private set; }

    public bool CriuError { get; private set; }

    public bool CriuErrorDumpSide { get; private set; }

    public bool HasStart { get; private set; }

    public bool HasTerminal { get; private set; }

    public string? Kernel { get; private set; }

    public long FirstTimestamp { get; private set; }

    public long LastTimestamp { get; private set; }

    public string? FirstEventId { get; private set; }

    public int LineCount { get; private set; }

    public IReadOnlyList<EvidenceLine> Evidence => evidence;

    public IReadOnlyList<string> BenignLines => benign;

    public IReadOnlyList<SignatureHit> SignatureHits => signatureHits;

    public IReadOnlyCollection<string> MarkerSignals => markerSignals;

    public IReadOnlyCollection<string> MatchedMarkers => matchedMarkers;

    public IReadOnlyList<string> EventIds => eventIds;

    public void AddPlain(long timestamp, string? eventId) => Count(timestamp, eventId);

    public void Add(ReadOnlySpan<char> line, List<CatalogPattern> hits, long timestamp, string? eventId)
    {
        Count(timestamp, eventId);
        string? text = null;
        var isBenign = false;
        var isMarker = false;
        var isCriuError = false;
        List<SignatureDefinition>? lineSignatures = null;
        foreach (var hit in hits)
        {
            switch (hit.Role)
            {
                case PatternRole.Signature:
                    (lineSignatures ??= []).Add(hit.Signature!);
                    break;
                case PatternRole.Marker when hit.Marker!.Kind == MarkerKinds.CriuError:
                    isCriuError = true;
                    break;
                case PatternRole.Marker:
                    isMarker = true;
                    ApplyMarker(hit.Marker!);
                    break;
                case PatternRole.Benign:
                    isBenign = true;
                    RestorePhaseBenign |= hit.Benign!.Phase == Phases.Restore;
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
        if (isCriuError)
        {
            CriuError = true;
            if (CriuLine.TryParse(line, out var criu) && criu.IsDumpSide)
            {
                CriuErrorDumpSide = true;
                CheckpointPhase = true;
            }
        }

        if (lineSignatures is not null)
        {
            text ??= line.ToString();
            foreach (var s in lineSignatures)
            {
                signatureHits.Add(new SignatureHit(s, evidence.Count < MaxEvidence ? evidence.Count : -1, text));
            }
        }

        if ((isMarker || lineSignatures is not null || isCriuError) && evidence.Count < MaxEvidence)
        {
            evidence.Add(new EvidenceLine(text ?? line.ToString(), isMarker, lineSignatures?.Select(s => s.Id).ToArray() ?? [], isCriuError));
        }
        else if (isBenign && lineSignatures is null && !isMarker && benign.Count < MaxBenign)
        {
            text ??= line.ToString();
            if (benignSeen.Add(text))
            {
                benign.Add(text);
            }
        }
    }

    private void ApplyMarker(MarkerDefinition marker)
    {
        matchedMarkers.Add(marker.Id);
        markerSignals.UnionWith(marker.Signals);
        HasStart |= marker.StartsAttempt;
        HasTerminal |= marker.Terminal;
        switch (marker.Kind)
        {
            case MarkerKinds.RestoreFailed:
                FirstFailureKind ??= marker.Kind;
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
                break;
        }
    }

    private void Count(long timestamp, string? eventId)
    {
        if (LineCount++ == 0)
        {
            FirstTimestamp = timestamp;
        }

        LastTimestamp = timestamp;
        if (eventId is not null && (eventIds.Count == 0 || eventIds[^1] != eventId))
        {
            FirstEventId ??= eventId;
            if (eventIds.Count < MaxEventIds)
            {
                eventIds.Add(eventId);
            }
        }
    }
}

/// <summary>A line kept as evidence: a marker, signature lines (by id) and/or a CRIU error.</summary>
internal sealed record EvidenceLine(string Text, bool IsMarker, string[] SignatureIds, bool IsCriuError);

/// <summary>A signature that matched a line; <see cref="Order"/> is its evidence position (-1 when the cap was reached).</summary>
internal sealed record SignatureHit(SignatureDefinition Signature, int Order, string Line);
