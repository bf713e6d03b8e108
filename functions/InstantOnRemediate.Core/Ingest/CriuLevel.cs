namespace InstantOnRemediate.Core.Ingest;

public enum CriuLevel
{
    Warn,
    Error,
}
