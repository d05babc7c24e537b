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

    /// <summary>
    /// A <c>file:</c> path in one spelling ('/' between names, no "." or empty names, "a/../" read away), so that two
    /// spellings of one document are one copy, and its page path is what the file system would make of it.
    /// A leading '/' is kept, and a path that leaves the input folder is left as written, for <see cref="SourceFileVerifier"/> to refuse.
    /// </summary>
    public static string NormalisePath(string path)
    {
        path = path.Replace('\\', '/');
        var names = new List<string>();
        foreach (var name in path.Split('/'))
        {
            if (name is "" or ".") continue;
            if (name == ".." && names.Count > 0 && names[^1] != "..") names.RemoveAt(names.Count - 1);
            else names.Add(name);
        }
        // A path that leaves the folder keeps the author's spelling, for the error to quote.
        return names.FirstOrDefault() == ".." ? path : (path.StartsWith('/') ? "/" : "") + string.Join('/', names);
    }

    public static bool IsSha256Hex(string value) => value.Length == 64 && value.All(Uri.IsHexDigit);
}
