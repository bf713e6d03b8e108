using System.Text.RegularExpressions;

namespace InstantOnRemediate.Core.Ingest;

/// <summary>
/// Container Insights application log stream names:
/// <c>&lt;node&gt;-application.var.log.containers.&lt;pod&gt;_&lt;namespace&gt;_&lt;container&gt;-&lt;64 hex&gt;.log</c>
/// (Fluent Bit's kubernetes file-name shape; the node prefix comes from <c>log_stream_prefix</c>).
/// </summary>
public static partial class LogStreamName
{
    private const string ContainersMarker = "var.log.containers.";

    public static ContainerRef? Parse(string? logStream)
    {
        if (string.IsNullOrEmpty(logStream) || logStream.Length > 1024)
        {
            return null;
        }

        var at = logStream.IndexOf(ContainersMarker, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var file = FileName().Match(logStream, at + ContainersMarker.Length);
        if (!file.Success)
        {
            return null;
        }

        return new ContainerRef(file.Groups["pod"].Value, file.Groups["ns"].Value, file.Groups["container"].Value, NodeOf(logStream.AsSpan(0, at)), null);
    }

    private static string? NodeOf(ReadOnlySpan<char> prefix)
    {
        // "<node>-application." (Container Insights), "<node>." (host logs) or a bare tag ("kube.", "application.").
        prefix = prefix.TrimEnd('.');
        foreach (var tag in (ReadOnlySpan<string>)["-application", "-dataplane", "-host"])
        {
            if (prefix.EndsWith(tag, StringComparison.Ordinal))
            {
                prefix = prefix[..^tag.Length];
                return prefix.Length > 0 ? prefix.ToString() : null;
            }
        }

        return null;
    }

    [GeneratedRegex(@"\G(?<pod>[a-z0-9][-a-z0-9.]*)_(?<ns>[^_]+)_(?<container>.+)-(?<id>[a-z0-9]{64})\.log$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex FileName();
}
