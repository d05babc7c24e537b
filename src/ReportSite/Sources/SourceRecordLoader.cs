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
        var values = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var locations = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var key = keyNode.ScalarText() ?? "";
            if (!RecordFields.Known.Contains(key))
            {
                diagnostics.Warning(keyNode.At(file), DiagnosticCodes.UnknownField,
                    $"unknown field '{key}' in source record{Suggestions.Hint(key, RecordFields.Known)}");
                continue;
            }
            values[key] = valueNode;
            locations[key] = valueNode.At(file);
        }

        var recordStart = mapping.At(file);
        string? Text(string key)
        {
            if (!values.TryGetValue(key, out var node)) return null;
            if (node is YamlScalarNode) return node.ScalarText()?.Trim() is { Length: > 0 } value ? value : null;
            diagnostics.Error(node.At(file), DiagnosticCodes.InvalidRecordShape, $"'{key}' must be a single value, not a list or mapping");
            return null;
        }

        string Required(string key)
        {
            var value = Text(key);
            // A list or mapping given for the field was already reported by Text (RS0216).
            if (value is null && !(values.TryGetValue(key, out var given) && given is not YamlScalarNode))
                diagnostics.Error(values.TryGetValue(key, out var node) ? node.At(file) : recordStart,
                    DiagnosticCodes.MissingRequiredField, $"source record has no '{key}' (required)");
            return value ?? "";
        }

        var id = Required("id");
        var type = Required("type");
        var title = Required("title");
        if (id.Length == 0) return null;

        if (!RecordFields.IsValidId(id))
            diagnostics.Error(locations["id"], DiagnosticCodes.InvalidSourceId,
                $"source id '{id}' may only hold letters, digits and - _ . : (and must start and end with a letter, digit or _)");
        if (type.Length > 0 && !SourceTypes.All.Contains(type))
            diagnostics.Error(locations["type"], DiagnosticCodes.UnknownSourceType,
                $"unknown source type '{type}'{Suggestions.Hint(type, SourceTypes.All)} (one of: {string.Join(", ", SourceTypes.All)})");

        var verification = Text("verification") ?? VerificationStatus.Unverified;
        if (!VerificationStatus.All.Contains(verification))
            diagnostics.Error(locations["verification"], DiagnosticCodes.UnknownVerification,
                $"unknown verification status '{verification}'{Suggestions.Hint(verification, VerificationStatus.All)} (one of: {string.Join(", ", VerificationStatus.All)})");

        string? Date(string key)
        {
            var value = Text(key);
            if (value is not null && !RecordFields.IsValidDate(value))
                diagnostics.Error(locations[key], DiagnosticCodes.InvalidDate,
                    $"'{key}' is not an ISO 8601 date: '{value}' (use YYYY, YYYY-MM or YYYY-MM-DD)");
            return value;
        }

        string? WebUrl(string key)
        {
            var value = Text(key);
            if (value is null || RecordFields.IsWebUrl(value)) return value;
            diagnostics.Error(locations[key], DiagnosticCodes.UnsafeUrl, $"'{key}' must be an absolute http or https URL: '{value}'");
            return null; // never let a refused URL reach a page
        }

        var sha256 = Text("sha256")?.ToLowerInvariant();
        if (sha256 is not null && !RecordFields.IsSha256Hex(sha256))
            diagnostics.Error(locations["sha256"], DiagnosticCodes.Sha256Malformed, "'sha256' must be 64 hexadecimal digits");

        return new SourceRecord
        {
            Id = id,
            Type = type,
            Title = title.Length > 0 ? title : id,
            TitleTranslated = Text("title_translated"),
            Authors = Authors(values, file, diagnostics),
            Publisher = Text("publisher"),
            Date = Date("date"),
            Language = Text("language"),
            Url = WebUrl("url"),
            ArchiveUrl = WebUrl("archive_url"),
            Accessed = Date("accessed"),
            File = Text("file")?.Replace('\\', '/'),
            Sha256 = sha256,
            PartOf = Text("part_of"),
            Verification = verification,
            VerificationNote = Text("verification_note"),
            Description = Text("description"),
            Quote = Text("quote"),
            Location = recordStart,
            FieldLocations = locations,
        };
    }

    // 'authors' is a list (or a single name); 'author' is a single name. Both may be given.
    private static IReadOnlyList<string> Authors(Dictionary<string, YamlNode> values, string file, DiagnosticBag diagnostics)
    {
        var authors = new List<string>();
        foreach (var key in new[] { "author", "authors" })
        {
            if (!values.TryGetValue(key, out var node)) continue;
            IEnumerable<YamlNode> items = node is YamlSequenceNode sequence ? sequence.Children : [node];
            foreach (var item in items)
            {
                if (item.ScalarText()?.Trim() is { Length: > 0 } name) authors.Add(name);
                else if (item is not YamlScalarNode)
                    diagnostics.Error(item.At(file), DiagnosticCodes.InvalidRecordShape, $"each of '{key}' must be a name");
            }
        }
        return authors;
    }
}
