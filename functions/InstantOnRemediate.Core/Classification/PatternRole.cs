namespace InstantOnRemediate.Core.Classification;

internal enum PatternRole
{
    Signature,
    Marker,
    Benign,
    Kernel,
    NodeFact,
    CriuWarning,
    ErrnoText,
    ErrnoName,
}
