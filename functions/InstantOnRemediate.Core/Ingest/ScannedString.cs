namespace InstantOnRemediate.Core.Ingest;

/// <summary>What <see cref="JsonStringScanner"/> found in one valid JSON string value.</summary>
/// <param name="End">Index just past the closing quote.</param>
/// <param name="RawLength">Bytes between the quotes, escapes as written.</param>
/// <param name="TextLength">UTF-16 characters of the unescaped text; meaningful when <see cref="Text"/> is <see cref="ScannedText.Complete"/>.</param>
/// <param name="Text">Whether the text was produced, and if not why.</param>
/// <param name="ContainsNul">The text holds U+0000 (only a <c>\u0000</c> escape can put it there).</param>
internal readonly record struct ScannedString(int End, int RawLength, int TextLength, ScannedText Text, bool ContainsNul);

/// <summary>The text of a scanned string value, in the order the decoder reports problems.</summary>
internal enum ScannedText
{
    /// <summary>The whole unescaped text is in the caller's buffer.</summary>
    Complete,

    /// <summary>The text is longer than the caller's buffer: only validated.</summary>
    DoesNotFit,

    /// <summary>The raw bytes are not valid UTF-8.</summary>
    InvalidUtf8,

    /// <summary>An escaped UTF-16 surrogate has no partner (not valid Unicode text).</summary>
    LoneSurrogate,
}
