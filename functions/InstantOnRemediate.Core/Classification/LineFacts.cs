namespace InstantOnRemediate.Core.Classification;

/// <summary>
/// Layers 1 and 2 of one failure line: who printed it (a CRIU subsystem such as <c>files-reg</c>, or a wrapper
/// origin such as <c>runtime</c>, <c>jvm</c>, <c>liberty</c>), the phase that code runs in, the errno it reports and
/// where the message starts.
/// </summary>
internal readonly record struct LineFacts(string Origin, string Phase, bool IsCriu, bool IsWarning, string? Errno, int MessageStart)
{
    public const string CriuOrigin = "criu";
}
