using System.Text;

namespace InstantOnRemediate.Core.Classification;

/// <summary>
/// Builds the CloudWatch Logs subscription filter pattern from the catalog: an OR of quoted, case-sensitive terms
/// (<c>?"a" ?"b"</c>) that every failure or outcome line contains. Terms avoid characters that log shippers
/// escape inside JSON records (quotes, backslashes, slashes, apostrophes), so they also match Container Insights
/// records. CloudWatch allows at most 1024 characters.
/// </summary>
public static class FilterPatternGenerator
{
    public const int MaxPatternLength = 1024;

    /// <summary>The distinct terms, a term dropped when it contains a shorter one (OR makes it redundant), ordinal order.</summary>
    public static IReadOnlyList<string> Terms(SignatureCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var terms = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var s in catalog.Document.Signatures)
        {
            if (s.FilterTerm is { } term)
            {
                terms.Add(term);
            }
            else
            {
                terms.UnionWith(s.Literals);
            }
        }

        foreach (var m in catalog.Document.Markers.Where(m => m.InFilter))
        {
            terms.UnionWith(m.FilterTerms.Count > 0 ? m.FilterTerms : m.Literals);
        }

        return terms.Where(t => !terms.Any(other => other.Length < t.Length && t.Contains(other, StringComparison.Ordinal))).ToList();
    }

    /// <exception cref="CatalogValidationException">The pattern would exceed CloudWatch's 1024-character limit.</exception>
    public static string Generate(SignatureCatalog catalog)
    {
        var pattern = string.Join(' ', Terms(catalog).Select(t => "?\"" + t + "\""));
        return pattern.Length <= MaxPatternLength
            ? pattern
            : throw new CatalogValidationException($"signature catalog: the subscription filter pattern is {pattern.Length} characters; CloudWatch Logs allows {MaxPatternLength}. Share filter terms between entries.");
    }

    /// <summary>Letters, digits, space and <c>_ . : ( ) = , @ # -</c>, at least 3 characters, no leading/trailing space.</summary>
    public static bool IsSafeTerm(string term)
    {
        if (term is null || term.Length < 3 || term[0] == ' ' || term[^1] == ' ')
        {
            return false;
        }

        foreach (var c in term)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not (' ' or '_' or '.' or ':' or '(' or ')' or '=' or ',' or '@' or '#' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when every match of <paramref name="regex"/> starts with <paramref name="term"/>: the regex begins with the escaped term and has no top-level alternation.</summary>
    internal static bool RegexRequiresPrefix(string? regex, string term)
    {
        if (regex is null)
        {
            return false;
        }

        var escaped = new StringBuilder();
        foreach (var c in term)
        {
            if ("\\*+?|{}[]()^$.#".Contains(c, StringComparison.Ordinal))
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        if (!regex.StartsWith(escaped.ToString(), StringComparison.Ordinal))
        {
            return false;
        }

        var depth = 0;
        var inClass = false;
        for (var i = 0; i < regex.Length; i++)
        {
            var c = regex[i];
            if (c == '\\')
            {
                i++;
            }
            else if (inClass)
            {
                inClass = c != ']';
            }
            else if (c == '[')
            {
                inClass = true;
            }
            else if (c == '(')
            {
                depth++;
            }
            else if (c == ')')
            {
                depth--;
            }
            else if (c == '|' && depth == 0)
            {
                return false;
            }
        }

        return true;
    }
}
