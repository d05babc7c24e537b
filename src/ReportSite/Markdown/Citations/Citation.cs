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

    /// <summary>Prints the citation back in Pandoc syntax (without brackets).</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        if (Prefix is not null) text.Append(Prefix).Append(' ');
        if (SuppressAuthor) text.Append('-');
        text.Append('@');
        if (CitationSyntax.IsBareKey(Key)) text.Append(Key);
        else text.Append('{').Append(Key).Append('}');
        if (Locator is not null) text.Append(", ").Append(LocatorAsWritten ?? Locator);
        if (Suffix is not null) text.Append(", ").Append(Suffix);
        return text.ToString();
    }
}

/// <summary>A bracketed citation group: one or more citations separated by ';'.</summary>
public sealed record CitationGroup(IReadOnlyList<Citation> Citations)
{
    public override string ToString() => "[" + string.Join("; ", Citations) + "]";
}
