using System.Text.RegularExpressions;

namespace ReportSite.Sources;

/// <summary>Validation rules for values that appear in records and site.yml.</summary>
public static partial class RecordFields
{
    /// <summary>The keys a source record may hold, from <see cref="RecordFieldTable"/>.</summary>
    public static IReadOnlyList<string> Known => RecordFieldTable.Known;

    /// <summary>
    /// Ids are what a bare Pandoc citation key can hold: a letter, digit or '_' first, then letters, digits and '_',
    /// with single - . : between them ("doc-2014.11:a"; not "a.-b", which [@a.-b] would read as key "a").
    /// </summary>
    public static bool IsValidId(string id) => IdPattern().IsMatch(id);

    [GeneratedRegex(@"^[\p{L}\p{N}_](?:[\-.:]?[\p{L}\p{N}_])*$")]
    private static partial Regex IdPattern();

    /// <summary>ISO 8601 calendar dates at year, year-month or full-date precision, and real ones (no 2024-02-30).</summary>
    public static bool IsValidDate(string value) => PartialDate.Parse(value) is not null;

    /// <summary>Absolute http(s) URLs only: anything else (javascript:, data:, relative) is refused in records.</summary>
    public static bool IsWebUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host);

    public static bool IsSha256Hex(string value) => value.Length == 64 && value.All(Uri.IsHexDigit);
}
