using System.Globalization;
using System.Text.RegularExpressions;

namespace ReportSite.Sources;

/// <summary>Validation rules for values that appear in records and site.yml.</summary>
public static partial class RecordFields
{
    public static readonly IReadOnlyList<string> Known =
    [
        "id", "type", "title", "title_translated", "authors", "author", "publisher", "date", "language", "url",
        "archive_url", "accessed", "file", "sha256", "part_of", "verification", "verification_note", "description", "quote",
    ];

    /// <summary>
    /// Ids are what a bare Pandoc citation key can hold: a letter, digit or '_' first, then letters, digits and '_',
    /// with single - . : between them ("doc-2014.11:a"; not "a.-b", which [@a.-b] would read as key "a").
    /// </summary>
    public static bool IsValidId(string id) => IdPattern().IsMatch(id);

    [GeneratedRegex(@"^[\p{L}\p{N}_](?:[\-.:]?[\p{L}\p{N}_])*$")]
    private static partial Regex IdPattern();

    /// <summary>ISO 8601 calendar dates at year, year-month or full-date precision, and real ones (no 2024-02-30).</summary>
    public static bool IsValidDate(string value) =>
        value.Length switch
        {
            4 => DateTime.TryParseExact(value, "yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            7 => DateTime.TryParseExact(value, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            10 => DateTime.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            _ => false,
        };

    /// <summary>Absolute http(s) URLs only: anything else (javascript:, data:, relative) is refused in records.</summary>
    public static bool IsWebUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host);

    public static bool IsSha256Hex(string value) => value.Length == 64 && value.All(Uri.IsHexDigit);
}
