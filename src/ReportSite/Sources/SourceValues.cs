using System.Globalization;

namespace ReportSite.Sources;

/// <summary>What a source is (<c>type:</c>); spelled in YAML by <see cref="YamlEnum{T}"/>.</summary>
public enum SourceType { Article, Report, Document, Letter, Interview, Testimony, Dataset, Image, Video, Webpage, Book, Collection, Other }

/// <summary>
/// How each <see cref="SourceType"/> exports: its CSL 1.0.2 type (sources.csl.json) and its BibLaTeX entry type
/// (sources.bib). One switch, so a new type cannot be added without deciding both.
/// </summary>
public static class SourceTypeExports
{
    public static (string Csl, string BibLatex) Exported(this SourceType type) => type switch
    {
        // A news article: CSL's plain "article" means a preprint or working paper.
        SourceType.Article => ("article-newspaper", "article"),
        SourceType.Report => ("report", "report"),
        SourceType.Document => ("document", "misc"),
        SourceType.Letter => ("personal_communication", "letter"),
        SourceType.Interview => ("interview", "misc"),
        // Testimony given to investigators: not a hearing (legislative) nor a published interview.
        SourceType.Testimony => ("document", "misc"),
        SourceType.Dataset => ("dataset", "dataset"),
        SourceType.Image => ("graphic", "image"),
        SourceType.Video => ("motion_picture", "video"),
        SourceType.Webpage => ("webpage", "online"),
        SourceType.Book => ("book", "book"),
        // CSL's "collection" is an archival collection; BibLaTeX's @collection is an edited book, so @misc.
        SourceType.Collection => ("collection", "misc"),
        _ => ("document", "misc"),
    };

    public static string Csl(this SourceType type) => type.Exported().Csl;

    public static string BibLatex(this SourceType type) => type.Exported().BibLatex;
}

/// <summary>How far a source has been verified (<c>verification:</c>); spelled in YAML by <see cref="YamlEnum{T}"/>.</summary>
public enum SourceStatus { Verified, PartiallyVerified, Unverified, Disputed, Retracted }

/// <summary>
/// Whether a source's local copies may be published (<c>sensitivity:</c>). A withheld source keeps its record page
/// (hash, size, media type, description, the reason) but its file and capture stay out of the site.
/// </summary>
public enum SourceSensitivity { Public, Withheld }

/// <summary>
/// The one place an enum's YAML spelling is made: lower case, words joined by '-' (PartiallyVerified →
/// "partially-verified"). Reading, messages, pages and exports all use it.
/// </summary>
public static class YamlEnum<T> where T : struct, Enum
{
    public static readonly IReadOnlyList<T> Values = Enum.GetValues<T>();
    public static readonly IReadOnlyList<string> Spellings = [.. Values.Select(v => Spell(v.ToString()))];
    private static readonly Dictionary<T, string> ByValue = Values.Zip(Spellings).ToDictionary(p => p.First, p => p.Second);
    private static readonly Dictionary<string, T> BySpelling = Values.Zip(Spellings).ToDictionary(p => p.Second, p => p.First, StringComparer.Ordinal);

    public static string Yaml(T value) => ByValue[value];

    public static bool TryParse(string text, out T value) => BySpelling.TryGetValue(text, out value);

    private static string Spell(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "-" : "") + char.ToLowerInvariant(c) : c.ToString()));
}

public static class SourceValueSpelling
{
    // Members are 0..n in declaration order, as Enum.GetValues lists them: an index, not a lookup (claims read it often).
    public static string Yaml(this SourceType type) => YamlEnum<SourceType>.Spellings[(int)type];
    public static string Yaml(this SourceStatus status) => YamlEnum<SourceStatus>.Spellings[(int)status];
    public static string Yaml(this SourceSensitivity sensitivity) => YamlEnum<SourceSensitivity>.Spellings[(int)sensitivity];
}

/// <summary>How much of a <see cref="PartialDate"/> is known.</summary>
public enum DatePrecision { Year, Month, Day }

/// <summary>
/// An ISO 8601 calendar date known to the year, the month or the day (<c>2016</c>, <c>2016-03</c>, <c>2016-03-09</c>),
/// and a real one (no 2024-02-30). Its text is the ISO form it was written in, so pages and exports show it unchanged.
/// </summary>
public sealed record PartialDate(int Year, int? Month = null, int? Day = null)
{
    public DatePrecision Precision => Day is not null ? DatePrecision.Day : Month is not null ? DatePrecision.Month : DatePrecision.Year;

    /// <summary>The ISO text: YYYY, YYYY-MM or YYYY-MM-DD.</summary>
    public string Iso => Precision switch
    {
        DatePrecision.Day => $"{Year:D4}-{Month:D2}-{Day:D2}",
        DatePrecision.Month => $"{Year:D4}-{Month:D2}",
        _ => $"{Year:D4}",
    };

    public override string ToString() => Iso;

    public static PartialDate? Parse(string value)
    {
        static bool Exact(string text, string format, out DateTime date) =>
            DateTime.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
        return value.Length switch
        {
            4 when Exact(value, "yyyy", out var d) => new PartialDate(d.Year),
            7 when Exact(value, "yyyy-MM", out var d) => new PartialDate(d.Year, d.Month),
            10 when Exact(value, "yyyy-MM-dd", out var d) => new PartialDate(d.Year, d.Month, d.Day),
            _ => null,
        };
    }
}

/// <summary>A record field's exported value (see <see cref="RecordField.Export"/>) as plain text, for every export.</summary>
public static class ExportedText
{
    /// <summary>A single value as the YAML spells it (a date in ISO form, a choice by its YAML name); null for a list or null.</summary>
    public static string? Scalar(object? value) => value switch
    {
        string text => text,
        PartialDate date => date.Iso,
        SourceType type => type.Yaml(),
        SourceStatus status => status.Yaml(),
        SourceSensitivity sensitivity => sensitivity.Yaml(),
        _ => null,
    };
}
