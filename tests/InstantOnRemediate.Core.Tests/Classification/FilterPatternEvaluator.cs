namespace InstantOnRemediate.Core.Tests.Classification;

/// <summary>
/// The CloudWatch Logs filter-pattern semantics for unstructured events, as documented: terms are case-sensitive;
/// a quoted term matches as an exact substring; bare terms are AND-ed; <c>?term</c> terms are OR-ed; <c>-term</c>
/// excludes; an empty pattern matches everything. JSON (<c>{ $.x = ... }</c>) and regex (<c>%...%</c>) patterns are
/// not used by this service and are refused.
/// </summary>
internal sealed class FilterPatternEvaluator
{
    private readonly List<string> required = [];
    private readonly List<string> optional = [];
    private readonly List<string> excluded = [];

    public FilterPatternEvaluator(string pattern)
    {
        var i = 0;
        while (i < pattern.Length)
        {
            if (pattern[i] == ' ')
            {
                i++;
                continue;
            }

            if (pattern[i] is '{' or '%' or '[')
            {
                throw new NotSupportedException($"pattern syntax at {i} ('{pattern[i]}') is not an unstructured term list");
            }

            var list = required;
            if (pattern[i] == '?')
            {
                list = optional;
                i++;
            }
            else if (pattern[i] == '-')
            {
                list = excluded;
                i++;
            }

            string term;
            if (i < pattern.Length && pattern[i] == '"')
            {
                var end = pattern.IndexOf('"', i + 1);
                if (end < 0)
                {
                    throw new FormatException($"unterminated quote at {i}");
                }

                term = pattern[(i + 1)..end];
                i = end + 1;
                if (i < pattern.Length && pattern[i] != ' ')
                {
                    throw new FormatException($"a quoted term must be followed by a space (position {i})");
                }
            }
            else
            {
                var end = pattern.IndexOf(' ', i);
                end = end < 0 ? pattern.Length : end;
                term = pattern[i..end];
                if (term.Any(c => !char.IsAsciiLetterOrDigit(c) && c != '_'))
                {
                    throw new FormatException($"unquoted term '{term}' has characters that need quotes");
                }

                i = end;
            }

            list.Add(term);
        }

        if (optional.Count > 0 && required.Count > 0)
        {
            throw new FormatException("mixing ?OR terms with AND terms is ambiguous; the service never does it");
        }
    }

    public bool Matches(string message)
    {
        if (excluded.Any(t => message.Contains(t, StringComparison.Ordinal)))
        {
            return false;
        }

        if (optional.Count > 0)
        {
            return optional.Any(t => message.Contains(t, StringComparison.Ordinal));
        }

        return required.All(t => message.Contains(t, StringComparison.Ordinal));
    }
}
