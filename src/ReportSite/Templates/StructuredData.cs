using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using ReportSite.Urls;

namespace ReportSite.Templates;

/// <summary>
/// The schema.org JSON-LD of a page (<see cref="PageModel.JsonLd"/>, for a <c>&lt;script type="application/ld+json"&gt;</c>
/// in base.html): the cover, the one-page report and each section are a <c>Report</c> whose <c>citation</c> lists the
/// sources they cite; a source page is a <c>DigitalDocument</c> (it has a file) or a <c>CreativeWork</c>, with its
/// <c>sha256</c>, <c>isPartOf</c> (its collection) and <c>isBasedOn</c> (derived_from); the other pages are a
/// <c>WebPage</c> or <c>CollectionPage</c> of the report. Links are the site's own pages: absolute with base_url,
/// else relative to the page (JSON-LD resolves them against it).
/// </summary>
public static class StructuredData
{
    // Every character but the printable ASCII ones stays as it is (Arabic text is not blown up into \u escapes), but
    // the encoder still escapes '<', '>', '&', quotes and U+2028/U+2029: no value can close the <script>
    // ("</script>"), open an HTML comment ("<!--") or end a line in a JavaScript reading of it.
    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    private const string Context = "https://schema.org";

    public static RawHtml Of(PageModel page)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            var links = new Links(page);
            json.WriteStartObject();
            json.WriteString("@context", Context);
            switch (page)
            {
                case IndexPage index:
                    WriteReport(json, links, page, SitePaths.Cover, index.Site.Title, index.CitedSources);
                    WriteParts(json, links, index.Toc.Select(s => (s.Path, s.Title)));
                    break;
                case ReportPage report:
                    WriteReport(json, links, page, SitePaths.Report, report.Site.Title, report.CitedSources);
                    WriteParts(json, links, report.Sections.Select(s => (s.Path, s.Title)));
                    break;
                case SectionPage section:
                    json.WriteString("@type", "Report");
                    json.WriteString("@id", links.To(section.PagePath));
                    json.WriteString("name", section.Title);
                    WriteOptional(json, "description", section.Summary);
                    json.WriteString("inLanguage", section.Site.Language);
                    json.WritePropertyName("isPartOf");
                    WriteReference(json, links, "Report", SitePaths.Cover, section.Site.Title);
                    WriteCitations(json, links, section.Sources.Select(s => s.Source));
                    break;
                case SourcePage source:
                    WriteSource(json, links, source);
                    break;
                default:
                    json.WriteString("@type", page is SourcesIndexPage or SourcePartsPage ? "CollectionPage" : "WebPage");
                    json.WriteString("@id", links.To(page.PagePath));
                    // The sources index and the ledger are named by the theme's strings, which the build does not read.
                    WriteOptional(json, "name", page.PageTitle);
                    json.WriteString("inLanguage", page.Site.Language);
                    json.WritePropertyName("isPartOf");
                    WriteReference(json, links, "Report", SitePaths.Cover, page.Site.Title);
                    if (page is SourcePartsPage parts)
                    {
                        json.WritePropertyName("about");
                        WriteReference(json, links, TypeOf(parts.Source), parts.Source.Path, parts.Source.Title);
                    }
                    break;
            }
            json.WriteEndObject();
        }
        return new RawHtml(Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    /// <summary>A source with a local copy is a document (a file); any other is a creative work.</summary>
    private static string TypeOf(SourceModel source) => source.Record.LocalFile is not null ? "DigitalDocument" : "CreativeWork";

    /// <summary>The whole report's sections, each a Report of its own.</summary>
    private static void WriteParts(Utf8JsonWriter json, Links links, IEnumerable<(string Path, string Title)> sections)
    {
        json.WriteStartArray("hasPart");
        foreach (var (path, title) in sections) WriteReference(json, links, "Report", path, title);
        json.WriteEndArray();
    }

    private static void WriteReport(Utf8JsonWriter json, Links links, PageModel page, string path, string title, IReadOnlyList<SourceModel> cited)
    {
        var site = page.Site;
        json.WriteString("@type", "Report");
        json.WriteString("@id", links.To(path));
        json.WriteString("name", title);
        WriteOptional(json, "alternativeHeadline", site.Subtitle);
        WriteOptional(json, "description", site.Description);
        json.WriteString("inLanguage", site.Language);
        if (site.Authors.Count > 0)
        {
            json.WriteStartArray("author");
            foreach (var author in site.Authors) WriteNamed(json, "Person", author);
            json.WriteEndArray();
        }
        WriteOptional(json, "datePublished", site.Published);
        WriteOptional(json, "dateModified", site.Updated);
        WriteOptional(json, "license", site.License);
        WriteCitations(json, links, cited);
    }

    private static void WriteCitations(Utf8JsonWriter json, Links links, IEnumerable<SourceModel> sources)
    {
        json.WriteStartArray("citation");
        foreach (var source in sources) WriteReference(json, links, TypeOf(source), source.Path, source.Title);
        json.WriteEndArray();
    }

    private static void WriteSource(Utf8JsonWriter json, Links links, SourcePage page)
    {
        var source = page.Source;
        var record = source.Record;
        json.WriteString("@type", TypeOf(source));
        json.WriteString("@id", links.To(source.Path));
        json.WriteString("name", source.Title);
        WriteOptional(json, "alternateName", record.TitleTranslated);
        WriteOptional(json, "description", record.Description);
        WriteOptional(json, "inLanguage", record.Language);
        WriteOptional(json, "datePublished", source.Date);
        if (record.Authors.Count > 0)
        {
            json.WriteStartArray("author");
            foreach (var author in record.Authors) WriteNamed(json, "Person", author);
            json.WriteEndArray();
        }
        if (record.Publisher is { } publisher)
        {
            json.WritePropertyName("publisher");
            WriteNamed(json, "Organization", publisher);
        }
        // The work's own address on the web, and its archived copies (the record's http(s) URLs, checked when read).
        WriteOptional(json, "url", record.Url);
        if (record.ArchiveUrls.Count > 0)
        {
            json.WriteStartArray("archivedAt");
            foreach (var url in record.ArchiveUrls) json.WriteStringValue(url);
            json.WriteEndArray();
        }
        if (record.LocalFile is { } file)
        {
            // The hash is published for a withheld file too (it is on the page); the file itself is not.
            json.WriteString("sha256", file.Sha256);
            json.WriteString("encodingFormat", file.MediaType);
            json.WriteStartObject("encoding");
            json.WriteString("@type", "MediaObject");
            if (!record.IsWithheld) json.WriteString("contentUrl", links.To(SitePaths.InputFileLink(file.Path)));
            json.WriteString("encodingFormat", file.MediaType);
            json.WriteString("sha256", file.Sha256);
            json.WriteString("contentSize", file.Size.ToString(System.Globalization.CultureInfo.InvariantCulture) + " B");
            json.WriteEndObject();
        }
        if (page.Parent is { } parent)
        {
            json.WritePropertyName("isPartOf");
            WriteReference(json, links, TypeOf(parent), parent.Path, parent.Title);
        }
        if (page.DerivedFrom.Count > 0)
        {
            json.WriteStartArray("isBasedOn");
            foreach (var origin in page.DerivedFrom) WriteReference(json, links, TypeOf(origin), origin.Path, origin.Title);
            json.WriteEndArray();
        }
    }

    private static void WriteReference(Utf8JsonWriter json, Links links, string type, string path, string name)
    {
        json.WriteStartObject();
        json.WriteString("@type", type);
        json.WriteString("@id", links.To(path));
        json.WriteString("name", name);
        json.WriteEndObject();
    }

    private static void WriteNamed(Utf8JsonWriter json, string type, string name)
    {
        json.WriteStartObject();
        json.WriteString("@type", type);
        json.WriteString("name", name);
        json.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value)) json.WriteString(name, value);
    }

    /// <summary>A site path as the page links to it: absolute with base_url (as its canonical URL), else relative.</summary>
    private sealed class Links(PageModel page)
    {
        private readonly SiteUrls? _absolute = page.Site.BaseUrl is { } baseUrl ? new SiteUrls(baseUrl) : null;
        private readonly PageUrls _relative = new(page.PagePath);

        public string To(string sitePath) => _absolute?.For(sitePath) ?? _relative.To(sitePath);
    }
}
