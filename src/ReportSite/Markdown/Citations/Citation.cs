using System.Text;

namespace ReportSite.Markdown.Citations;

/// <summary>How a citation names its source, as Pandoc's <c>citationMode</c>.</summary>
public enum CitationMode
{
    /// <summary><c>[@key]</c>: the marker only.</summary>
    Normal,
    /// <summary><c>[-@key]</c> or <c>-@key</c>: the author is already named in the sentence.</summary>
    SuppressAuthor,
    /// <summary><c>@key</c> in the sentence: the author's name, then the marker ("Ashraf [3]").</summary>
    AuthorInText,
}

public static class CitationModes
{
    /// <summary>Pandoc's citation modes as claims.json and templates name them.</summary>
    public static string Name(this CitationMode mode) => mode switch
    {
        CitationMode.SuppressAuthor => "suppress-author",
        CitationMode.AuthorInText => "author-in-text",
        _ => "normal",
    };
}

/// <summary>
/// One citation, as Pandoc reads it: <c>[prefix -@key, locator, suffix]</c> in a bracketed group, or
/// <c>@key [locator, suffix]</c> in the text. Prefix, locator and suffix are Markdown as written (see <see cref="CitationAffix"/>).
/// </summary>
/// <param name="Key">The cited source id.</param>
/// <param name="Prefix">Text before the key ("see"), or null.</param>
/// <param name="Locator">The locator as written ("p. 4", "ص 4", "pp. 3-5"), or null.</param>
/// <param name="LocatorLabel">The locator's kind in CSL terms ("page", "chapter", …), or null.</param>
/// <param name="Suffix">Text after the key and locator, without the leading comma, or null.</param>
/// <param name="Mode">Normal, <c>-@key</c> (suppress author) or <c>@key</c> in the text (author in text).</param>
/// <param name="KeyOffset">Offset of the key's '@' within the text it was read from (after '[' for a bracketed group), for diagnostics.</param>
public sealed record Citation(
    string Key,
    string? Prefix,
    string? Locator,
    string? LocatorLabel,
    string? Suffix,
    CitationMode Mode,
    int KeyOffset)
{
    public bool SuppressAuthor => Mode == CitationMode.SuppressAuthor;

    /// <summary>True when the key was written in braces, <c>@{key}</c>: a citation wherever it stands, valid id or not.</summary>
    public bool Braced { get; init; }

    /// <summary>The locator exactly as written when that differs from <see cref="Locator"/> ("{iv, 34}"), for printing back.</summary>
    public string? LocatorAsWritten { get; init; }

    /// <summary>Prints the citation back in Pandoc syntax (without brackets); parsing the result gives this citation again.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        if (Prefix is not null) text.Append(Protect(Prefix)).Append(' ');
        AppendKey(text);
        AppendLocatorAndSuffix(text, ", ");
        return text.ToString();
    }

    internal void AppendKey(StringBuilder text)
    {
        if (SuppressAuthor) text.Append('-');
        text.Append('@');
        if (CitationSyntax.IsBareKey(Key)) text.Append(Key);
        else text.Append('{').Append(Protect(Key)).Append('}');
    }

    /// <summary>", locator, suffix" after a key (<paramref name="first"/> is ", "), or "locator, suffix" in an in-text bracket ("").</summary>
    internal void AppendLocatorAndSuffix(StringBuilder text, string first)
    {
        if (Locator is not null)
        {
            text.Append(first);
            if (LocatorAsWritten is not null) text.Append(LocatorAsWritten);
            else if (Suffix is not null && CitationSyntax.WouldExtendLocator(Suffix))
            {
                // "p. 4" then suffix "5" would read back as the locator "p. 4, 5": brace the value.
                var (label, value) = CitationSyntax.SplitLocator(Locator);
                text.Append(label.Length > 0 ? label + " " : "").Append('{').Append(value).Append('}');
            }
            else text.Append(Locator);
        }
        // A suffix that would read back as a locator ("99 years later") is kept one by empty braces: "@key, {}, 99 years later".
        var emptyBraces = Suffix is not null && Locator is null && CitationSyntax.WouldReadAsLocator(Suffix);
        if (emptyBraces) text.Append(first).Append("{}");
        if (Suffix is not null) text.Append(Locator is null && !emptyBraces ? first : ", ").Append(Protect(Suffix));
    }

    // A trailing backslash would escape the ';', '}' or ',' printed after it.
    private static string Protect(string part) =>
        (part.Length - part.TrimEnd('\\').Length) % 2 == 1 ? part + " " : part;
}

/// <summary>
/// A citation group: one or more citations separated by ';' in brackets, or an in-text citation
/// (<see cref="InText"/>): <c>@a</c>, <c>-@a</c>, <c>@a [p. 3]</c>, <c>@a [p. 3; @b]</c>, <c>@a [@b]</c>.
/// </summary>
public sealed record CitationGroup(IReadOnlyList<Citation> Citations, bool InText = false)
{
    public override string ToString()
    {
        if (!InText) return "[" + string.Join("; ", Citations) + "]";
        var first = Citations[0];
        var text = new StringBuilder();
        first.AppendKey(text);
        var located = first.Locator is not null || first.Suffix is not null;
        if (!located && Citations.Count == 1) return text.ToString();
        text.Append(" [");
        // Pandoc's in-text bracket: the first citation's locator and suffix, then the other citations after ';'.
        first.AppendLocatorAndSuffix(text, "");
        if (located && Citations.Count > 1) text.Append("; ");
        text.Append(string.Join("; ", Citations.Skip(1)));
        return text.Append(']').ToString();
    }
}
