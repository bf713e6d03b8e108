using System.Globalization;
using System.Text;

namespace InstantOnRemediate.Aws.Http;

/// <summary>
/// Builds RFC 3986-encoded query strings (<see cref="ToString"/>, with the leading <c>?</c>) and Query-protocol form
/// bodies (<see cref="ToFormBody"/>), and URI path labels, skipping absent values. Names and values are
/// percent-encoded, so no value can add a field.
/// </summary>
internal sealed class AwsQueryString
{
    private readonly StringBuilder text = new();

    public AwsQueryString Add(string name, string? value)
    {
        if (value is not null)
        {
            text.Append(text.Length == 0 ? '?' : '&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }

        return this;
    }

    public AwsQueryString Add(string name, int? value) =>
        Add(name, value?.ToString(CultureInfo.InvariantCulture));

    public override string ToString() => text.ToString();

    /// <summary>The pairs as an <c>application/x-www-form-urlencoded</c> body (UTF-8, no leading <c>?</c>).</summary>
    public byte[] ToFormBody() => text.Length == 0 ? [] : Encoding.UTF8.GetBytes(text.ToString(1, text.Length - 1));

    /// <summary>A URI path label, encoded so '/' and '?' in a name cannot change the route.</summary>
    public static string Label(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        return Uri.EscapeDataString(value);
    }
}
