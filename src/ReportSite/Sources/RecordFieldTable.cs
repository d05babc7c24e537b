using ReportSite.Diagnostics;
using ReportSite.Text;

namespace ReportSite.Sources;

/// <summary>What a field's value is: how it is checked, and how exports write it.</summary>
public enum FieldKind
{
    /// <summary>A record id (letters, digits and - _ . : between them).</summary>
    Id,
    /// <summary>One of an enum's YAML spellings (<see cref="YamlEnum{T}"/>).</summary>
    Choice,
    Text,
    /// <summary>A list of names; the key's alias takes one name.</summary>
    Names,
    /// <summary>A <see cref="PartialDate"/>: YYYY, YYYY-MM or YYYY-MM-DD.</summary>
    Date,
    /// <summary>An absolute http(s) URL.</summary>
    WebUrl,
    /// <summary>A list of absolute http(s) URLs, in order; the key's alias takes one.</summary>
    WebUrls,
    /// <summary>A path relative to input/, checked against the file system later (<see cref="SourceFileVerifier"/>).</summary>
    InputPath,
    Sha256,
    /// <summary>The id of another record, checked across records later (<see cref="SourceGraphValidator"/>).</summary>
    SourceId,
    /// <summary>A BCP 47 language tag (<c>ar</c>, <c>en-GB</c>).</summary>
    Language,
    /// <summary>Ids of other records (one id or a list), checked across records later (<see cref="SourceGraphValidator"/>).</summary>
    SourceIds,
}

/// <summary>Where a source page shows a field.</summary>
public enum FieldDisplay
{
    /// <summary>In the page's list of details, in table order, by its kind.</summary>
    Details,
    /// <summary>In the chain-of-custody list.</summary>
    Custody,
    /// <summary>Shown by the layout on its own (title, status, quote …), not in a list.</summary>
    Layout,
}

/// <summary>
/// One field of a source record. <paramref name="Read"/> reads it into the record (only called when the key or its
/// alias is present, or the field is required); <paramref name="Export"/> is its value in sources.json (and later
/// exports): a string, a <see cref="PartialDate"/>, an enum, a list of strings, or null. <paramref name="Display"/> is
/// where a source page shows it; <paramref name="Hashed"/>, for a path, the file as the build hashed it.
/// <paramref name="Csl"/> and <paramref name="BibLatex"/> name the variable of sources.csl.json and the field of
/// sources.bib that carry the <paramref name="Export"/> value, written by the field's kind (a <see cref="FieldKind.SourceId"/>
/// as the parent's title in CSL); null, the default, leaves the field out of that export.
/// </summary>
public sealed record RecordField(
    string Key, FieldKind Kind, bool Required, string Docs,
    Func<RecordFieldReader, SourceRecord, SourceRecord> Read,
    Func<SourceRecord, object?> Export,
    string? Alias = null,
    FieldDisplay Display = FieldDisplay.Details,
    Func<SourceRecord, HashedFile?>? Hashed = null,
    string? Csl = null,
    string? BibLatex = null);

/// <summary>
/// Every field of a source record, declared once, in the order of sources.json and of docs/authoring.md (checked by
/// a test). It drives <see cref="SourceRecordLoader"/>, the known keys ("did you mean"), the exports and the docs.
/// A new field is one row here (and, if pages show it, its display in theme/layouts/source.html).
/// </summary>
public static class RecordFieldTable
{
    public static readonly IReadOnlyList<RecordField> Fields =
    [
        new("id", FieldKind.Id, true, "required, unique; letters, digits and _, with single - . : between them (a bare Pandoc key)",
            (r, s) => s with { Id = r.Id("id") }, s => s.Id, Display: FieldDisplay.Layout, Csl: "id"),
        new("type", FieldKind.Choice, true, "required: " + string.Join(" | ", SourceTypes.All),
            (r, s) => s with { Type = r.Choice("type", "source type", SourceType.Other, DiagnosticCodes.UnknownSourceType) },
            s => s.Type, Csl: "type"),
        new("title", FieldKind.Text, true, "required",
            (r, s) => s with { Title = r.Required("title") }, s => s.Title, Display: FieldDisplay.Layout, Csl: "title", BibLatex: "title"),
        new("title_translated", FieldKind.Text, false, "optional: the title in the report's language (or in English)",
            (r, s) => s with { TitleTranslated = r.Text("title_translated") }, s => s.TitleTranslated, Display: FieldDisplay.Layout),
        new("authors", FieldKind.Names, false, "optional, or author: ... (one name)",
            (r, s) => s with { Authors = r.Names("author", "authors") }, s => s.Authors, Alias: "author", Csl: "author", BibLatex: "author"),
        new("publisher", FieldKind.Text, false, "the publishing organisation",
            (r, s) => s with { Publisher = r.Text("publisher") }, s => s.Publisher, Csl: "publisher", BibLatex: "publisher"),
        new("date", FieldKind.Date, false, "ISO 8601; year, year-month or full date",
            (r, s) => s with { Date = r.Date("date") }, s => s.Date, Csl: "issued", BibLatex: "date"),
        new("language", FieldKind.Language, false, "the source's language: a title in another language than the report gets lang=",
            (r, s) => s with { Language = r.Text("language") }, s => s.Language, Csl: "language"),
        new("verification", FieldKind.Choice, false,
            string.Join(" | ", VerificationStatus.All.Select(v => v == VerificationStatus.Unverified ? v + " (default)" : v)),
            (r, s) => s with { Status = r.Choice("verification", "verification status", SourceStatus.Unverified, DiagnosticCodes.UnknownVerification) },
            s => s.Status, Display: FieldDisplay.Layout),
        new("verification_note", FieldKind.Text, false, "why; shown to readers",
            (r, s) => s with { VerificationNote = r.Text("verification_note") }, s => s.VerificationNote, Display: FieldDisplay.Layout),
        new("description", FieldKind.Text, false, "what the source is",
            (r, s) => s with { Description = r.Text("description") }, s => s.Description, Display: FieldDisplay.Layout, Csl: "abstract", BibLatex: "abstract"),
        new("quote", FieldKind.Text, false, "the passage relied on",
            (r, s) => s with { Quote = r.Text("quote") }, s => s.Quote, Display: FieldDisplay.Layout),
        new("url", FieldKind.WebUrl, false, "http/https only",
            (r, s) => s with { Url = r.WebUrl("url") }, s => s.Url, Csl: "URL", BibLatex: "url"),
        new("archive_urls", FieldKind.WebUrls, false, "archived copies of url, in order, http/https only; or archive_url: ... (one)",
            (r, s) => s with { ArchiveUrls = r.WebUrls("archive_url", "archive_urls") }, s => s.ArchiveUrls, Alias: "archive_url"),
        new("accessed", FieldKind.Date, false, "when the url was read; a date as above",
            (r, s) => s with { Accessed = r.Date("accessed") }, s => s.Accessed, Csl: "accessed", BibLatex: "urldate"),
        new("file", FieldKind.InputPath, false, "relative to input/, must exist and stay inside input/ (no ../, no links out: see above)",
            (r, s) => s with { File = r.InputPath("file") }, s => s.IsWithheld ? null : s.File, Hashed: s => s.LocalFile),
        new("sha256", FieldKind.Sha256, false, "optional; when present it must match the file. The build always computes and publishes it.",
            (r, s) => s with { Sha256 = r.Sha256("sha256") }, s => s.ComputedSha256 ?? s.Sha256),
        new("capture", FieldKind.InputPath, false, "the local capture of a web source (a PDF, WARC, screenshot), relative to input/; hashed like file",
            (r, s) => s with { Capture = r.InputPath("capture") }, s => s.IsWithheld ? null : s.Capture, Hashed: s => s.LocalCapture),
        new("collected_by", FieldKind.Text, false, "custody: who collected the source",
            (r, s) => s with { CollectedBy = r.Text("collected_by") }, s => s.CollectedBy, Display: FieldDisplay.Custody),
        new("collected_on", FieldKind.Date, false, "custody: when it was collected; a date as above",
            (r, s) => s with { CollectedOn = r.Date("collected_on") }, s => s.CollectedOn, Display: FieldDisplay.Custody),
        new("collection_method", FieldKind.Text, false, "custody: how it was collected (handed over, downloaded, captured …)",
            (r, s) => s with { CollectionMethod = r.Text("collection_method") }, s => s.CollectionMethod, Display: FieldDisplay.Custody),
        new("sensitivity", FieldKind.Choice, false,
            string.Join(" | ", YamlEnum<SourceSensitivity>.Spellings.Select(v => v == SourceSensitivity.Public.Yaml() ? v + " (default)" : v))
                + ": a withheld source's file and capture are not published, only their SHA-256, size and media type",
            (r, s) => s with { Sensitivity = r.Choice("sensitivity", "sensitivity", SourceSensitivity.Public, DiagnosticCodes.UnknownSensitivity) },
            s => s.Sensitivity, Display: FieldDisplay.Layout),
        new("withheld_reason", FieldKind.Text, false, "required when withheld: why, shown to readers",
            (r, s) => s with { WithheldReason = r.Text("withheld_reason") }, s => s.WithheldReason, Display: FieldDisplay.Layout),
        new("part_of", FieldKind.SourceId, false, "id of a parent source (a collection); must exist; no cycles",
            (r, s) => s with { PartOf = r.Text("part_of") }, s => s.PartOf, Display: FieldDisplay.Layout, Csl: "container-title", BibLatex: "xref"),
        new("derived_from", FieldKind.SourceIds, false, "ids of the sources this one reports or copies (one id or a list); each must exist; no cycles",
            (r, s) => s with { DerivedFrom = r.Names("derived_from") }, s => s.DerivedFrom, Display: FieldDisplay.Layout),
    ];

    /// <summary>Every key a record may hold: each field's key and its alias.</summary>
    public static readonly IReadOnlyList<string> Known =
        [.. Fields.SelectMany(f => f.Alias is null ? [f.Key] : new[] { f.Key, f.Alias })];

    /// <summary>
    /// Reads a record's fields, row by row. Null when it has no id: then only the required fields are reported.
    /// </summary>
    public static SourceRecord? Read(YamlFields fields, DiagnosticBag diagnostics)
    {
        var reader = new RecordFieldReader(fields, diagnostics);
        foreach (var field in Fields.Where(f => f.Required))
            // A list or mapping given for the field was already reported (RS0216).
            if (reader.Text(field.Key) is null && !fields.IsMisshapen(field.Key))
                diagnostics.Error(fields.At(field.Key), DiagnosticCodes.MissingRequiredField, $"source record has no '{field.Key}' (required)");
        if (reader.Text("id") is null) return null;

        var record = new SourceRecord { Id = "", Title = "", Location = fields.Start };
        foreach (var field in Fields)
            if (field.Required || fields.Has(field.Key) || (field.Alias is { } alias && fields.Has(alias)))
                record = field.Read(reader, record);
        if (record.IsWithheld && record.WithheldReason is null)
            diagnostics.Error(fields.At("sensitivity"), DiagnosticCodes.WithheldWithoutReason,
                "a withheld source needs 'withheld_reason': its page tells readers why its file is not published");
        return record with
        {
            Title = record.Title.Length > 0 ? record.Title : record.Id,
            FieldLocations = fields.Locations(),
        };
    }
}

/// <summary>Reads and checks one value of a record by its kind; every message and code is made here.</summary>
public sealed class RecordFieldReader(YamlFields fields, DiagnosticBag diagnostics)
{
    private readonly Dictionary<string, string?> _texts = new(StringComparer.Ordinal);

    /// <summary>The trimmed value or null; read once per key, so a misshapen value is reported once.</summary>
    public string? Text(string key)
    {
        if (!_texts.TryGetValue(key, out var value)) _texts[key] = value = fields.Text(key);
        return value;
    }

    public IReadOnlyList<string> Names(params string[] keys) => fields.Names(keys);

    /// <summary>A path relative to the input folder in its one spelling (checked against the input later).</summary>
    public string? InputPath(string key) => Text(key) is { } path ? Safety.Paths.Normalise(path) : null;

    /// <summary>The URLs of the keys (a list or one each), each checked like <see cref="WebUrl"/>; refused ones dropped.</summary>
    public IReadOnlyList<string> WebUrls(params string[] keys)
    {
        var urls = new List<string>();
        foreach (var key in keys)
            foreach (var url in fields.Names(key))
                if (RecordFields.IsWebUrl(url)) urls.Add(url);
                else diagnostics.Error(fields.At(key), DiagnosticCodes.UnsafeUrl, $"'{key}' must be an absolute http or https URL: '{url}'");
        return urls;
    }

    /// <summary>A required field's value, or "" when missing (reported by <see cref="RecordFieldTable.Read"/>).</summary>
    public string Required(string key) => Text(key) ?? "";

    public string Id(string key)
    {
        var id = Required(key);
        if (id.Length > 0 && !RecordFields.IsValidId(id))
            diagnostics.Error(fields.At(key), DiagnosticCodes.InvalidSourceId,
                $"source id '{id}' may only hold letters, digits and - _ . : (and must start and end with a letter, digit or _)");
        return id;
    }

    /// <summary>One of the enum's spellings; <paramref name="fallback"/> when absent or unknown (reported).</summary>
    public T Choice<T>(string key, string what, T fallback, string code) where T : struct, Enum
    {
        var text = Text(key);
        if (string.IsNullOrEmpty(text)) return fallback;
        if (YamlEnum<T>.TryParse(text, out var value)) return value;
        var spellings = YamlEnum<T>.Spellings;
        diagnostics.Error(fields.At(key), code,
            $"unknown {what} '{text}'{Suggestions.Hint(text, spellings)} (one of: {string.Join(", ", spellings)})");
        return fallback;
    }

    /// <summary>A partial date; null after RS0205 when it is not one.</summary>
    public PartialDate? Date(string key) => fields.Date(key) is { } text ? PartialDate.Parse(text) : null;

    public string? WebUrl(string key)
    {
        var value = Text(key);
        if (value is null || RecordFields.IsWebUrl(value)) return value;
        diagnostics.Error(fields.At(key), DiagnosticCodes.UnsafeUrl, $"'{key}' must be an absolute http or https URL: '{value}'");
        return null; // never let a refused URL reach a page
    }

    public string? Sha256(string key)
    {
        var sha256 = Text(key)?.ToLowerInvariant();
        if (sha256 is not null && !RecordFields.IsSha256Hex(sha256))
            diagnostics.Error(fields.At(key), DiagnosticCodes.Sha256Malformed, "'sha256' must be 64 hexadecimal digits");
        return sha256;
    }
}
