using ReportSite.Diagnostics;
using ReportSite.Text;
using YamlDotNet.RepresentationModel;

namespace ReportSite.Sources;

/// <summary>
/// Reads one input/sources/*.yml file: a mapping (one record) or a sequence of mappings (several).
/// Checks everything that can be checked on a record alone; checks across records (duplicate ids,
/// part_of) and against the file system (file, sha256) are done by <see cref="SourceGraphValidator"/>
/// and <see cref="SourceFileVerifier"/>.
/// </summary>
public static class SourceRecordLoader
{
    public static IReadOnlyList<SourceRecord> Load(string text, string displayPath, DiagnosticBag diagnostics)
    {
        var root = Yaml.Parse(text, displayPath, diagnostics);
        switch (root)
        {
            case null:
            case YamlScalarNode when root.ScalarText() is null: // an empty document ("---" alone): no records, as an empty file
                return [];
            case YamlMappingNode mapping:
                return Read(mapping, displayPath, diagnostics) is { } record ? [record] : [];
            case YamlSequenceNode sequence:
                var records = new List<SourceRecord>();
                foreach (var item in sequence)
                {
                    if (item is YamlMappingNode itemMapping)
                    {
                        if (Read(itemMapping, displayPath, diagnostics) is { } itemRecord) records.Add(itemRecord);
                    }
                    else
                    {
                        diagnostics.Error(item.At(displayPath), DiagnosticCodes.InvalidRecordShape,
                            "each item of a sources file must be a record (a mapping with id, type, title)");
                    }
                }
                return records;
            default:
                diagnostics.Error(root.At(displayPath), DiagnosticCodes.InvalidRecordShape,
                    "a sources file must hold a record (a mapping) or a list of records");
                return [];
        }
    }

    private static SourceRecord? Read(YamlMappingNode mapping, string file, DiagnosticBag diagnostics)
    {
        var fields = new YamlFields(mapping, RecordFields.Known, "source record", file, diagnostics);

        string Required(string key)
        {
            var value = fields.Text(key);
            // A list or mapping given for the field was already reported (RS0216).
            if (value is null && !fields.IsMisshapen(key))
                diagnostics.Error(fields.At(key), DiagnosticCodes.MissingRequiredField, $"source record has no '{key}' (required)");
            return value ?? "";
        }

        var id = Required("id");
        var type = Required("type");
        var title = Required("title");
        if (id.Length == 0) return null;

        if (!RecordFields.IsValidId(id))
            diagnostics.Error(fields.At("id"), DiagnosticCodes.InvalidSourceId,
                $"source id '{id}' may only hold letters, digits and - _ . : (and must start and end with a letter, digit or _)");
        if (type.Length > 0 && !SourceTypes.All.Contains(type))
            diagnostics.Error(fields.At("type"), DiagnosticCodes.UnknownSourceType,
                $"unknown source type '{type}'{Suggestions.Hint(type, SourceTypes.All)} (one of: {string.Join(", ", SourceTypes.All)})");

        var verification = fields.Text("verification") ?? VerificationStatus.Unverified;
        if (!VerificationStatus.All.Contains(verification))
            diagnostics.Error(fields.At("verification"), DiagnosticCodes.UnknownVerification,
                $"unknown verification status '{verification}'{Suggestions.Hint(verification, VerificationStatus.All)} (one of: {string.Join(", ", VerificationStatus.All)})");

        string? WebUrl(string key)
        {
            var value = fields.Text(key);
            if (value is null || RecordFields.IsWebUrl(value)) return value;
            diagnostics.Error(fields.At(key), DiagnosticCodes.UnsafeUrl, $"'{key}' must be an absolute http or https URL: '{value}'");
            return null; // never let a refused URL reach a page
        }

        var sha256 = fields.Text("sha256")?.ToLowerInvariant();
        if (sha256 is not null && !RecordFields.IsSha256Hex(sha256))
            diagnostics.Error(fields.At("sha256"), DiagnosticCodes.Sha256Malformed, "'sha256' must be 64 hexadecimal digits");

        return new SourceRecord
        {
            Id = id,
            Type = type,
            Title = title.Length > 0 ? title : id,
            TitleTranslated = fields.Text("title_translated"),
            Authors = fields.Names("author", "authors"),
            Publisher = fields.Text("publisher"),
            Date = fields.Date("date"),
            Language = fields.Text("language"),
            Url = WebUrl("url"),
            ArchiveUrl = WebUrl("archive_url"),
            Accessed = fields.Date("accessed"),
            File = fields.Text("file")?.Replace('\\', '/'),
            Sha256 = sha256,
            PartOf = fields.Text("part_of"),
            Verification = verification,
            VerificationNote = fields.Text("verification_note"),
            Description = fields.Text("description"),
            Quote = fields.Text("quote"),
            Location = fields.Start,
            FieldLocations = fields.Locations(),
        };
    }
}
