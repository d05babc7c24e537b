using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using ReportSite.Graph;
using ReportSite.Markdown.Citations;
using ReportSite.Sources;

namespace ReportSite.Exports;

/// <summary>
/// The claim/source graph as data for fact-checkers: claims.json and sources.json. Every field is always present
/// (null when unknown), so the shape is stable for scripts. Arabic stays readable; HTML-significant characters
/// are still escaped. Written field by field with <see cref="Utf8JsonWriter"/>: no reflection, and the bytes go
/// straight to the file.
/// </summary>
public static class GraphExports
{
    /// <summary>Indented, Arabic kept readable, HTML-significant characters escaped: every JSON export writes so.</summary>
    internal static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static void WriteClaims(ReportGraph graph, IBufferWriter<byte> output) =>
        WriteList(output, "claims", graph.Claims, (json, claim) =>
        {
            json.WriteString("id", claim.Id);
            json.WriteString("section", claim.SectionSlug);
            json.WriteString("text", claim.Text);
            json.WriteString("url", claim.Url);
            var measure = graph.Measures[claim];
            json.WriteString("support", YamlEnum<ClaimSupport>.Yaml(measure.Support));
            json.WriteNumber("origins", measure.Origins);
            json.WriteStartArray("citations");
            foreach (var citation in claim.Citations)
            {
                json.WriteStartObject();
                json.WriteString("source", citation.SourceId);
                json.WriteString("locator", citation.Locator);
                json.WriteString("locator_label", citation.LocatorLabel);
                json.WriteString("prefix", citation.Prefix);
                json.WriteString("suffix", citation.Suffix);
                json.WriteBoolean("suppress_author", citation.SuppressAuthor);
                // Pandoc's citationMode: how the page names the source ("author-in-text" for @key in a sentence).
                json.WriteString("mode", citation.Mode.Name());
                json.WriteEndObject();
            }
            json.WriteEndArray();
        });

    public static void WriteSources(ReportGraph graph, IBufferWriter<byte> output) =>
        WriteList(output, "sources", graph.Sources, (json, source) =>
        {
            foreach (var field in RecordFieldTable.Fields) WriteValue(json, field.Key, field.Export(source));
            // What the build found: sizes and media types of the local copies (published or withheld), and the
            // capture's hash, which `reportsite verify` checks a mirror's copy against like the file's sha256.
            foreach (var field in RecordFieldTable.Fields)
                if (field.Hashed is { } hashed) WriteLocalCopy(json, field.Key, hashed(source));
            json.WriteString("page", "sources/" + source.PageName);
            json.WriteStartArray("cited_by");
            foreach (var claim in graph.CitedBy(source.Id)) json.WriteStringValue(claim.Id);
            json.WriteEndArray();
        });

    /// <summary><c>file_sha256</c>, <c>file_size</c>, <c>file_media_type</c>: a local copy as the build hashed it.</summary>
    private static void WriteLocalCopy(Utf8JsonWriter json, string key, HashedFile? copy)
    {
        WriteValue(json, key + "_sha256", copy?.Sha256);
        if (copy is null) json.WriteNull(key + "_size");
        else json.WriteNumber(key + "_size", copy.Size);
        WriteValue(json, key + "_media_type", copy?.MediaType);
    }

    /// <summary>One record field's value by its type (see <see cref="RecordField.Export"/>): null when unknown.</summary>
    private static void WriteValue(Utf8JsonWriter json, string key, object? value)
    {
        switch (value)
        {
            case null: json.WriteNull(key); break;
            case IReadOnlyList<string> list:
                json.WriteStartArray(key);
                foreach (var item in list) json.WriteStringValue(item);
                json.WriteEndArray();
                break;
            default:
                json.WriteString(key, ExportedText.Scalar(value)
                    ?? throw new InvalidOperationException($"no JSON form for field '{key}' of type {value.GetType().Name}"));
                break;
        }
    }

    /// <summary><c>{"name": [{…}, {…}]}</c>: one object per item, its fields written by <paramref name="writeFields"/>.</summary>
    private static void WriteList<T>(IBufferWriter<byte> output, string name, IEnumerable<T> items, Action<Utf8JsonWriter, T> writeFields)
    {
        using var json = new Utf8JsonWriter(output, Options);
        json.WriteStartObject();
        json.WriteStartArray(name);
        foreach (var item in items)
        {
            json.WriteStartObject();
            writeFields(json, item);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
