using ReportSite.Sources;

namespace ReportSite.Markdown.Citations;

/// <summary>How rendered citations read in the report's language: their punctuation, and an in-text citation's name.</summary>
public sealed record CitationStyle(string Separator, string LocatorSeparator, string And, string EtAl)
{
    public static readonly CitationStyle Latin = new("; ", ", ", " and ", " et al.");
    // Arabic joins "و" to the next word, and writes "وآخرون" for "et al.".
    public static readonly CitationStyle Arabic = new("؛ ", "، ", " و", " وآخرون");

    public static CitationStyle For(string language) =>
        language.Split('-')[0] is "ar" or "fa" or "ur" or "ps" or "ckb" ? Arabic : Latin;

    /// <summary>
    /// The name an in-text citation shows, as CSL's author-in-text does with what a record has: its authors (one, two
    /// joined, or the first "et al."), else its publisher, else its title.
    /// </summary>
    public string InTextName(SourceRecord source) => source.Authors switch
    {
        [var one] => one,
        [var first, var second] => first + And + second,
        [var first, ..] => first + EtAl,
        _ => source.Publisher ?? source.Title,
    };
}
