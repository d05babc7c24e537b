using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using ReportSite.Graph;

using ReportSite.Markdown.Citations;

namespace ReportSite.Exports;

/// <summary>
/// The claim/source graph as data for fact-checkers: claims.json and sources.json. Every field is always present
/// (null when unknown), so the shape is stable for scripts. Arabic stays readable; HTML-significant characters
/// are still escaped. Written field by field with <see cref="Utf8JsonWriter"/>: no reflection, and the bytes go
/// straight to the file.
/// </summary>
public static class GraphExports
{
    private static readonly JsonWriterOptions Options = new()
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
            json.WriteString("id", source.Id);
            json.WriteString("type", source.Type);
            json.WriteString("title", source.Title);
            json.WriteString("title_translated", source.TitleTranslated);
            json.WriteStartArray("authors");
            foreach (var author in source.Authors) json.WriteStringValue(author);
            json.WriteEndArray();
            json.WriteString("publisher", source.Publisher);
            json.WriteString("date", source.Date);
            json.WriteString("language", source.Language);
            json.WriteString("verification", source.Verification);
            json.WriteString("verification_note", source.VerificationNote);
            json.WriteString("description", source.Description);
            json.WriteString("quote", source.Quote);
            json.WriteString("url", source.Url);
            json.WriteString("archive_url", source.ArchiveUrl);
            json.WriteString("accessed", source.Accessed);
            json.WriteString("file", source.File);
            json.WriteString("sha256", source.ComputedSha256 ?? source.Sha256);
            json.WriteString("part_of", source.PartOf);
            json.WriteString("page", "sources/" + source.PageName);
            json.WriteStartArray("cited_by");
            foreach (var claim in graph.CitedBy(source.Id)) json.WriteStringValue(claim.Id);
            json.WriteEndArray();
        });

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
