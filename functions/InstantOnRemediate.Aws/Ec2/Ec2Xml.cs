using System.Xml;

namespace InstantOnRemediate.Aws.Ec2;

/// <summary>
/// Forward-only reading of EC2 XML documents: no DTDs, no external entities, elements matched by local name (the
/// namespace is not checked), unknown elements skipped unread.
/// </summary>
internal static class Ec2Xml
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = true,
    };

    /// <summary>A reader positioned on the root element; <see cref="XmlException"/> when there is none.</summary>
    public static XmlReader Open(byte[] body)
    {
        var reader = XmlReader.Create(new MemoryStream(body, writable: false), Settings);
        try
        {
            if (reader.MoveToContent() != XmlNodeType.Element)
            {
                throw new XmlException("no root element");
            }

            return reader;
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The local names of the current element's child elements, with the reader on each child's start tag. The
    /// caller consumes every child it is given (<see cref="Text"/>, a nested <see cref="Children"/>, or
    /// <see cref="XmlReader.Skip"/>); afterwards the reader is past the current element's end tag.
    /// </summary>
    public static IEnumerable<string> Children(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            yield break;
        }

        var depth = reader.Depth;
        reader.Read();
        while (true)
        {
            reader.MoveToContent();
            if (reader.EOF)
            {
                throw new XmlException("document ends inside an element");
            }

            if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth)
            {
                reader.Read();
                yield break;
            }

            if (reader.NodeType == XmlNodeType.Element)
            {
                yield return reader.LocalName;
            }
            else
            {
                reader.Read();
            }
        }
    }

    /// <summary>
    /// The <c>item</c> children of an EC2 list element (<c>reservationSet</c>, <c>tagSet</c>, ...), with the reader on
    /// each item's start tag for the caller to consume; other children are skipped.
    /// </summary>
    public static IEnumerable<XmlReader> Items(XmlReader reader)
    {
        foreach (var name in Children(reader))
        {
            if (name == "item")
            {
                yield return reader;
            }
            else
            {
                reader.Skip();
            }
        }
    }

    /// <summary>The text of a leaf element (empty for <c>&lt;a/&gt;</c>); moves past its end tag.</summary>
    public static string Text(XmlReader reader) => reader.ReadElementContentAsString();

    public static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
