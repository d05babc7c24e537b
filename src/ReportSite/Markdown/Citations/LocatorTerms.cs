namespace ReportSite.Markdown.Citations;

/// <summary>
/// Locator labels Pandoc (citeproc) recognises at the start of a suffix — the locator terms of CSL 1.0.2's en-US
/// locale, long, short and symbol forms, singular and plural — plus their Arabic equivalents, each mapped to one of
/// CSL 1.0.2's locator types (<see cref="CslLocatorTypes"/>): a label CSL does not have is never emitted.
/// </summary>
internal static class LocatorTerms
{
    /// <summary>The locator types of CSL 1.0.2 (the values of a cite's "label").</summary>
    public static readonly IReadOnlySet<string> CslLocatorTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "act", "appendix", "article-locator", "book", "canon", "chapter", "column", "elocation", "equation", "figure",
        "folio", "issue", "line", "note", "opus", "page", "paragraph", "part", "rule", "scene", "section", "sub-verbo",
        "supplement", "table", "timestamp", "title-locator", "verse", "volume",
    };

    /// <summary>Every label a term maps to.</summary>
    public static IEnumerable<string> Labels => Terms.Select(t => t.Label).Distinct();

    private static readonly (string Term, string Label)[] Terms =
    [
        // English (CSL 1.0.2 en-US locator terms, long, short and plural forms)
        ("act", "act"), ("acts", "act"),
        ("appendix", "appendix"), ("appendices", "appendix"), ("app.", "appendix"), ("apps.", "appendix"),
        ("article", "article-locator"), ("articles", "article-locator"), ("art.", "article-locator"), ("arts.", "article-locator"),
        ("canon", "canon"), ("canons", "canon"),
        ("location", "elocation"), ("locations", "elocation"), ("loc.", "elocation"), ("locs.", "elocation"),
        ("equation", "equation"), ("equations", "equation"), ("eq.", "equation"), ("eqs.", "equation"),
        ("rule", "rule"), ("rules", "rule"), ("r.", "rule"), ("rr.", "rule"),
        ("scene", "scene"), ("scenes", "scene"), ("sc.", "scene"), ("scs.", "scene"),
        ("table", "table"), ("tables", "table"), ("tbl.", "table"), ("tbls.", "table"),
        ("title", "title-locator"), ("titles", "title-locator"), ("tit.", "title-locator"), ("tits.", "title-locator"),
        ("book", "book"), ("books", "book"), ("bk.", "book"), ("bks.", "book"),
        ("chapter", "chapter"), ("chapters", "chapter"), ("chap.", "chapter"), ("chaps.", "chapter"), ("ch.", "chapter"),
        ("column", "column"), ("columns", "column"), ("col.", "column"), ("cols.", "column"),
        ("figure", "figure"), ("figures", "figure"), ("fig.", "figure"), ("figs.", "figure"),
        ("folio", "folio"), ("folios", "folio"), ("fol.", "folio"), ("fols.", "folio"),
        // CSL's "issue": its en-US terms are "number" and "no.".
        ("number", "issue"), ("numbers", "issue"), ("no.", "issue"), ("nos.", "issue"),
        ("line", "line"), ("lines", "line"), ("l.", "line"), ("ll.", "line"),
        ("note", "note"), ("notes", "note"), ("n.", "note"), ("nn.", "note"),
        ("opus", "opus"), ("opera", "opus"), ("op.", "opus"), ("opp.", "opus"),
        ("page", "page"), ("pages", "page"), ("p.", "page"), ("pp.", "page"), ("p", "page"), ("pp", "page"),
        ("paragraph", "paragraph"), ("paragraphs", "paragraph"), ("para.", "paragraph"), ("paras.", "paragraph"), ("¶", "paragraph"), ("¶¶", "paragraph"),
        ("part", "part"), ("parts", "part"), ("pt.", "part"), ("pts.", "part"),
        ("section", "section"), ("sections", "section"), ("sec.", "section"), ("secs.", "section"), ("§", "section"), ("§§", "section"),
        ("sub verbo", "sub-verbo"), ("sub verbis", "sub-verbo"), ("s.v.", "sub-verbo"), ("s.vv.", "sub-verbo"),
        ("verse", "verse"), ("verses", "verse"), ("v.", "verse"), ("vv.", "verse"),
        ("volume", "volume"), ("volumes", "volume"), ("vol.", "volume"), ("vols.", "volume"),
        ("timestamp", "timestamp"),
        // Arabic
        ("ص", "page"), ("ص.", "page"), ("صص", "page"), ("صص.", "page"), ("صفحة", "page"), ("صفحات", "page"), ("الصفحة", "page"), ("الصفحات", "page"),
        ("ج", "volume"), ("ج.", "volume"), ("جزء", "volume"), ("الجزء", "volume"), ("مج", "volume"), ("مجلد", "volume"), ("المجلد", "volume"),
        ("فصل", "chapter"), ("الفصل", "chapter"), ("باب", "chapter"),
        ("ف", "paragraph"), ("فقرة", "paragraph"), ("الفقرة", "paragraph"), ("فقرات", "paragraph"),
        ("سطر", "line"), ("السطر", "line"), ("أسطر", "line"),
        ("رقم", "issue"), ("الرقم", "issue"), ("جدول", "table"), ("الجدول", "table"), ("بند", "section"), ("البند", "section"), ("مادة", "section"), ("المادة", "section"),
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
