using System.Globalization;
using System.Text;

namespace InstantOnRemediate.Reliability.Tests.Support;

/// <summary>JSON string literals written by hand, so any UTF-16 text (lone surrogates included) can be put on the wire escaped.</summary>
internal static class JsonText
{
    public static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                default:
                    if (c < ' ' || char.IsSurrogate(c) || c == '\u007f')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }
}
