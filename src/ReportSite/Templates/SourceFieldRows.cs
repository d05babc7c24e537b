using ReportSite.Sources;
using ReportSite.Urls;

namespace ReportSite.Templates;

/// <summary>
/// One field of a source as its page lists it, made from <see cref="RecordFieldTable"/>: the theme labels it with
/// <c>t[field.key]</c> and shows its value by <see cref="Kind"/> (<c>partials/field-value.html</c>), so a new field
/// appears on every source page without a template change.
/// </summary>
/// <param name="Key">The YAML key: the label's i18n key (and, for a choice, <c>key_value</c> its value's).</param>
/// <param name="Kind">text, language, names, date, url, urls, choice, copy, hash or source.</param>
public sealed record FieldRowModel(string Key, string Kind)
{
    /// <summary>The value as text: a text, an ISO date, a URL, a choice's YAML spelling, a hash, a language tag.</summary>
    public string? Text { get; init; }
    /// <summary>A list's items (names, URLs).</summary>
    public IReadOnlyList<string> Items { get; init; } = [];
    /// <summary>A <c>copy</c>: the local file as the build hashed it.</summary>
    public LocalCopyModel? Copy { get; init; }
    /// <summary>A <c>source</c>: the other record's title and page.</summary>
    public LinkModel? Link { get; init; }
    /// <summary>A <c>language</c>: the tag without region or script, lower-case (the i18n name is <c>language_xx</c>).</summary>
    public string? Code { get; init; }
}

/// <summary>
/// A local copy (<c>file</c>, <c>capture</c>): its name in input/, its published path (null when withheld), its
/// size, media type and the SHA-256 computed at build, and whether the record declared that same hash.
/// </summary>
public sealed record LocalCopyModel(string Name, string? Path, long Size, string MediaType, string Sha256, bool MatchesDeclared)
{
    public bool Withheld => Path is null;
}

public static class SourceFieldRows
{
    /// <summary>The fields of <paramref name="record"/> shown in <paramref name="display"/>, in table order, empty ones left out.</summary>
    public static IReadOnlyList<FieldRowModel> Of(SourceRecord record, FieldDisplay display, Func<string, SourceRecord?> find)
    {
        var rows = new List<FieldRowModel>();
        foreach (var field in RecordFieldTable.Fields.Where(f => f.Display == display))
            if (Row(field, record, find) is { } row) rows.Add(row);
        return rows;
    }

    private static FieldRowModel? Row(RecordField field, SourceRecord record, Func<string, SourceRecord?> find)
    {
        if (field.Hashed is { } hashed)
            return hashed(record) is { } copy
                ? new(field.Key, "copy")
                {
                    Copy = new(copy.Path, record.IsWithheld ? null : SitePaths.InputFileLink(copy.Path), copy.Size, copy.MediaType, copy.Sha256,
                        MatchesDeclared: field.Key == "file" && record.Sha256 == copy.Sha256),
                }
                : null;
        var value = field.Export(record);
        return (field.Kind, value) switch
        {
            (_, null) or (_, IReadOnlyList<string> { Count: 0 }) or (_, "") => null,
            // The computed hash is shown with its file; a hash alone documents a file that is not in the input.
            (FieldKind.Sha256, _) when record.LocalFile is not null => null,
            (FieldKind.Sha256, string hash) => new(field.Key, "hash") { Text = hash },
            (FieldKind.SourceId, string id) => find(id) is { } other
                ? new(field.Key, "source") { Link = new LinkModel(other.Title, SitePaths.Source(other.Id)) }
                : null,
            (FieldKind.Language, string tag) => new(field.Key, "language") { Text = tag, Code = tag.Split('-')[0].ToLowerInvariant() },
            (FieldKind.Date, PartialDate date) => new(field.Key, "date") { Text = date.Iso },
            (FieldKind.WebUrl, string url) => new(field.Key, "url") { Text = url },
            (FieldKind.WebUrls, IReadOnlyList<string> urls) => new(field.Key, "urls") { Items = urls },
            (FieldKind.Names, IReadOnlyList<string> names) => new(field.Key, "names") { Items = names },
            (FieldKind.Choice, SourceType type) => new(field.Key, "choice") { Text = type.Yaml() },
            (FieldKind.Choice, SourceStatus status) => new(field.Key, "choice") { Text = status.Yaml() },
            (FieldKind.Choice, SourceSensitivity sensitivity) => new(field.Key, "choice") { Text = sensitivity.Yaml() },
            (_, IReadOnlyList<string> items) => new(field.Key, "names") { Items = items },
            (_, string text) => new(field.Key, "text") { Text = text },
            _ => throw new InvalidOperationException($"no display for field '{field.Key}' ({field.Kind}, {value.GetType().Name})"),
        };
    }
}
