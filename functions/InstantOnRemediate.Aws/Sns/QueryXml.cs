using System.Xml;
using System.Xml.Linq;

namespace InstantOnRemediate.Aws.Sns;

/// <summary>Safe parsing of Query-protocol XML documents (no DTDs, no external entities), matched by local name.</summary>
internal static class QueryXml
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
    };

    public static XElement? Parse(byte[] body)
    {
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            using var stream = new MemoryStream(body, writable: false);
            using var reader = XmlReader.Create(stream, Settings);
            return XDocument.Load(reader).Root;
        }
        catch (XmlException)
        {
            return null;
        }
    }

    /// <summary>The text of the element reached by following <paramref name="path"/> (local names) from <paramref name="root"/>.</summary>
    public static string? Text(XElement? root, params ReadOnlySpan<string> path)
    {
        var current = root;
        foreach (var name in path)
        {
            current = current?.Elements().FirstOrDefault(e => e.Name.LocalName == name);
        }

        return current?.Value;
    }
}
