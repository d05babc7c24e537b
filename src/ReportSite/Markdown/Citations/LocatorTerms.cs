namespace ReportSite.Markdown.Citations;

/// <summary>
/// Locator labels Pandoc (citeproc) recognises at the start of a suffix, plus their Arabic equivalents,
/// mapped to CSL locator types.
/// </summary>
internal static class LocatorTerms
{
    private static readonly (string Term, string Label)[] Terms =
    [
        // English (CSL locator terms, long, short and plural forms)
        ("book", "book"), ("books", "book"), ("bk.", "book"), ("bks.", "book"),
        ("chapter", "chapter"), ("chapters", "chapter"), ("chap.", "chapter"), ("chaps.", "chapter"), ("ch.", "chapter"),
        ("column", "column"), ("columns", "column"), ("col.", "column"), ("cols.", "column"),
        ("figure", "figure"), ("figures", "figure"), ("fig.", "figure"), ("figs.", "figure"),
        ("folio", "folio"), ("folios", "folio"), ("fol.", "folio"), ("fols.", "folio"),
        ("number", "number"), ("numbers", "number"), ("no.", "number"), ("nos.", "number"),
        ("line", "line"), ("lines", "line"), ("l.", "line"), ("ll.", "line"),
        ("note", "note"), ("notes", "note"), ("n.", "note"), ("nn.", "note"),
        ("opus", "opus"), ("opera", "opus"), ("op.", "opus"), ("opp.", "opus"),
        ("page", "page"), ("pages", "page"), ("p.", "page"), ("pp.", "page"), ("p", "page"), ("pp", "page"),
        ("paragraph", "paragraph"), ("paragraphs", "paragraph"), ("para.", "paragraph"), ("paras.", "paragraph"), ("¶", "paragraph"), ("¶¶", "paragraph"),
        ("part", "part"), ("parts", "part"), ("pt.", "part"), ("pts.", "part"),
        ("section", "section"), ("sections", "section"), ("sec.", "section"), ("secs.", "section"), ("§", "section"), ("§§", "section"),
        ("sub verbo", "sub-verbo"), ("s.v.", "sub-verbo"), ("s.vv.", "sub-verbo"),
        ("verse", "verse"), ("verses", "verse"), ("v.", "verse"), ("vv.", "verse"),
        ("volume", "volume"), ("volumes", "volume"), ("vol.", "volume"), ("vols.", "volume"),
        ("timestamp", "timestamp"),
        // Arabic
        ("ص", "page"), ("ص.", "page"), ("صص", "page"), ("صص.", "page"), ("صفحة", "page"), ("صفحات", "page"), ("الصفحة", "page"), ("الصفحات", "page"),
        ("ج", "volume"), ("ج.", "volume"), ("جزء", "volume"), ("الجزء", "volume"), ("مج", "volume"), ("مجلد", "volume"), ("المجلد", "volume"),
        ("فصل", "chapter"), ("الفصل", "chapter"), ("باب", "chapter"),
        ("ف", "paragraph"), ("فقرة", "paragraph"), ("الفقرة", "paragraph"), ("فقرات", "paragraph"),
        ("سطر", "line"), ("السطر", "line"), ("أسطر", "line"),
        ("رقم", "number"), ("الرقم", "number"), ("بند", "section"), ("البند", "section"), ("مادة", "section"), ("المادة", "section"),
        ("ملحق", "appendix"), ("الملحق", "appendix"), ("شكل", "figure"), ("الشكل", "figure"),
    ];

    // Longest first, so "pp." wins over "p." and "صفحات" over "ص".
    private static readonly (string Term, string Label)[] ByLength =
        Terms.OrderByDescending(t => t.Term.Length).ToArray();

    /// <summary>The term at the start of <paramref name="text"/>, if it is followed by a space, a digit or '{'.</summary>
    public static (string Term, string Label)? Match(ReadOnlySpan<char> text)
    {
        foreach (var (term, label) in ByLength)
        {
            if (!text.StartsWith(term, StringComparison.OrdinalIgnoreCase)) continue;
            if (text.Length == term.Length) continue;
            var next = text[term.Length];
            if (char.IsWhiteSpace(next) || char.IsDigit(next) || next == '{') return (term, label);
        }
        return null;
    }
}
