using System.Xml;
using ReportSite.Engine;
using ReportSite.Urls;

namespace ReportSite.Pipelines;

/// <summary>
/// Sitemap: when site.yml has a base_url, sitemap.xml at the site root lists every HTML page the build generates
/// (cover, sections, sources, indexes, and any page a later pipeline adds) by its absolute URL (PostProcess; the list
/// is read when written, once every pipeline's pages are known). Published input files and the JSON exports are not pages,
/// and search.html is left out: a results page has nothing of its own to index.
/// </summary>
public static class SitemapPipeline
{
    public static Pipeline Create()
    {
        var pipeline = new Pipeline(PipelineNames.Sitemap);
        pipeline.Dependencies.Add(PipelineNames.Site);
        pipeline.PostProcess.Add(new FuncModule((_, context) => Sitemap(context)));
        pipeline.Output.Add(new WriteFiles());
        return pipeline;
    }

    private static IReadOnlyList<Document> Sitemap(PipelineContext context)
    {
        if (SitePipeline.From(context).BaseUrl is not { } baseUrl) return [];
        var urls = new SiteUrls(baseUrl);
        return [new Document(null, SitePaths.Sitemap, null, new GeneratedContent(output => Write(Pages(context.Outputs), urls, output)))];
    }

    /// <summary>The generated HTML pages among <paramref name="outputs"/>: the cover first, then in ordinal order.</summary>
    public static IEnumerable<string> Pages(IEnumerable<Document> outputs) => outputs
        .Where(d => d is { Destination: { } to, Content: GeneratedContent } && to.EndsWith(".html", StringComparison.Ordinal) && to != SitePaths.Search)
        .Select(d => d.Destination!)
        .Distinct(StringComparer.Ordinal)
        .OrderBy(path => path == SitePaths.Cover ? 0 : 1)
        .ThenBy(path => path, StringComparer.Ordinal);

    private static void Write(IEnumerable<string> pages, SiteUrls urls, System.Buffers.IBufferWriter<byte> output)
    {
        using var stream = new Exports.BufferWriterStream(output);
        // XmlWriter escapes what it writes; URLs are percent-encoded by SiteUrls.
        using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Indent = true, Encoding = new System.Text.UTF8Encoding(false) });
        xml.WriteStartDocument();
        xml.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
        foreach (var page in pages)
        {
            xml.WriteStartElement("url");
            xml.WriteElementString("loc", urls.For(page));
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }
}
