using System.Text;

namespace ReportSite.Markdown.Citations;

/// <summary>
/// One citation inside a bracketed group, as Pandoc reads it: <c>[prefix -@key, locator, suffix]</c>.
/// </summary>
/// <param name="Key">The cited source id.</param>
/// <param name="Prefix">Text before the key ("see"), or null.</param>
/// <param name="Locator">The locator as written ("p. 4", "ص 4", "pp. 3-5"), or null.</param>
/// <param name="LocatorLabel">The locator's kind in CSL terms ("page", "chapter", …), or null.</param>
/// <param name="Suffix">Text after the key and locator, without the leading comma, or null.</param>
/// <param name="SuppressAuthor">True for <c>-@key</c>.</param>
/// <param name="KeyOffset">Offset of the key's '@' within the group's text (after '['), for diagnostics.</param>
public sealed record Citation(
    string Key,
    string? Prefix,
    string? Locator,
    string? LocatorLabel,
    string? Suffix,
    bool SuppressAuthor,
    int KeyOffset)
{
    /// <summary>The locator exactly as written when that differs from <see cref="Locator"/> ("{iv, 34}"), for printing back.</summary>
    public string? LocatorAsWritten { get; init; }

    /// <summary>Prints the citation back in Pandoc syntax (without brackets); parsing the result gives this citation again.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        if (Prefix is not null) text.Append(Protect(Prefix)).Append(' ');
        if (SuppressAuthor) text.Append('-');
        text.Append('@');
        if (CitationSyntax.IsBareKey(Key)) text.Append(Key);
        else text.Append('{').Append(Protect(Key)).Append('}');
        if (Locator is not null)
        {
            text.Append(", ");
            if (LocatorAsWritten is not null) text.Append(LocatorAsWritten);
            else if (Suffix is not null && CitationSyntax.WouldExtendLocator(Suffix))
            {
                // "p. 4" then suffix "5" would read back as the locator "p. 4, 5": brace the value.
                var (label, value) = CitationSyntax.SplitLocator(Locator);
                text.Append(label.Length > 0 ? label + " " : "").Append('{').Append(value).Append('}');
            }
            else text.Append(Locator);
        }
        if (Suffix is not null) text.Append(", ").Append(Protect(Suffix));
        return text.ToString();
    }

    // A trailing backslash would escape the ';', '}' or ',' printed after it.
    private static string Protect(string part) =>
        (part.Length - part.TrimEnd('\\').Length) % 2 == 1 ? part + " " : part;
}

/// <summary>A bracketed citation group: one or more citations separated by ';'.</summary>
public sealed record CitationGroup(IReadOnlyList<Citation> Citations)
{
    public override string ToString() => "[" + string.Join("; ", Citations) + "]";
}
