using System.Xml.Linq;
using AngleSharp.Html.Parser;
using ReportSite.Diagnostics;
using ReportSite.Templates;
using ReportSite.Tests.Support;
using ReportSite.Urls;

namespace ReportSite.Tests.Templates;

/// <summary>
/// What a page tells browsers, search engines and link previews: its &lt;title&gt; (under 70 characters where possible),
/// meta description (per page type), Open Graph tags, favicon, and — with site.yml's base_url — the canonical URL and
/// sitemap.xml, all absolute, escaped and percent-encoded.
/// </summary>
public sealed class PublishingMetadataTests : IDisposable
{
    private const string Sources =
        "- id: described\n  type: report\n  title: Described\n  description: \"A  report\n    on oil\"\n" +
        "- id: plain\n  type: article\n  title: Plain\n  publisher: Sky News\n  date: 2024-03-29\n";

    private readonly TempReport _report = new TempReport()
        .Write("sources/a.yml", Sources)
        .Write("sections/01-one.md", "---\ntitle: One\nsummary: What the first section says.\n---\nA claim [@described]. Another [@plain].\n")
        .Write("sections/02-two.md", "---\ntitle: تدمر\nslug: تدمر\n---\nA claim [@plain].\n");

    public void Dispose() => _report.Dispose();

    private void Site(string extra = "") =>
        _report.Write("site.yml", "title: Test report\nlanguage: en\ndescription: The whole report.\n" + extra);

    private AngleSharp.Html.Dom.IHtmlDocument Page(string path) => new HtmlParser().ParseDocument(_report.ReadOutput(path));

    private static string? Meta(AngleSharp.Html.Dom.IHtmlDocument page, string selector) =>
        page.QuerySelector(selector)?.GetAttribute("content");

    private void Build()
    {
        var result = _report.Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
    }

    [Theory]
    [InlineData("Sources", "Report", "Sources · Report")]
    [InlineData("", "Report", "Report")]
    [InlineData("Report", "Report", "Report")]
    public void A_title_that_fits_is_page_then_site(string page, string site, string expected) =>
        Assert.Equal(expected, PageTitles.Document(page, site));

    [Fact]
    public void A_long_site_title_is_shortened_at_a_word_then_dropped()
    {
        const string site = "وثائق داعش المسربة: ما تقوله عن تدمر وتجارة النفط والمقاتلين الأجانب";
        var title = PageTitles.Document("آراء الخبراء والشهود", site);
        Assert.True(title.Length <= PageTitles.Limit, title);
        Assert.Equal("آراء الخبراء والشهود · وثائق داعش المسربة: ما تقوله عن تدمر وتجارة…", title);
        // A page title that leaves no useful room for the site's: the page title alone, never cut.
        var long60 = new string('a', 60);
        Assert.Equal(long60, PageTitles.Document(long60, site));
        var long90 = new string('b', 90);
        Assert.Equal(long90, PageTitles.Document(long90, site));
    }

    [Fact]
    public void The_meta_description_is_the_pages_own_else_the_sites()
    {
        Site();
        Build();
        Assert.Equal("The whole report.", Meta(Page("index.html"), "meta[name=description]"));
        Assert.Equal("What the first section says.", Meta(Page("sections/one.html"), "meta[name=description]"));
        Assert.Equal("The whole report.", Meta(Page("sections/تدمر.html"), "meta[name=description]")); // no summary
        Assert.Equal("A report on oil", Meta(Page("sources/described.html"), "meta[name=description]")); // on one line
        // The type as the page names it (the theme's type_article string).
        Assert.Equal("Article · Sky News · 2024-03-29", Meta(Page("sources/plain.html"), "meta[name=description]"));
        Assert.Equal("The whole report.", Meta(Page("sources/index.html"), "meta[name=description]"));
        Assert.Equal("What the first section says.", Meta(Page("sections/one.html"), "meta[property='og:description']"));
    }

    [Fact]
    public void A_sources_type_in_its_description_is_in_the_reports_language()
    {
        _report.Write("site.yml", "title: تقرير\nlanguage: ar\n");
        Build();
        Assert.Equal("مقال · Sky News · 2024-03-29", Meta(Page("sources/plain.html"), "meta[name=description]"));
    }

    [Fact]
    public void Without_any_description_there_is_no_empty_meta()
    {
        _report.Write("site.yml", TempReport.MinimalSite);
        Build();
        Assert.Null(Page("index.html").QuerySelector("meta[name=description]"));
    }

    [Fact]
    public void Open_graph_tags_are_present_and_escaped()
    {
        _report.Write("site.yml", "title: 'He said \"no\" <b>&'\nlanguage: fr-CA\n");
        Build();
        var html = _report.ReadOutput("sections/one.html");
        Assert.Contains("<meta property=\"og:title\" content=\"One &#183; He said &quot;no&quot; &lt;b&gt;&amp;\">", html);
        Assert.DoesNotContain("<b>", html);
        var page = Page("sections/one.html");
        Assert.Equal("He said \"no\" <b>&", Meta(page, "meta[property='og:site_name']"));
        Assert.Equal("article", Meta(page, "meta[property='og:type']"));
        Assert.Equal("fr_CA", Meta(page, "meta[property='og:locale']"));
        Assert.Equal("website", Meta(Page("index.html"), "meta[property='og:type']"));
        Assert.Equal("He said \"no\" <b>&", Page("index.html").Title); // the cover: the site title alone
        Assert.Equal("All sources · He said \"no\" <b>&", Page("sources/index.html").Title); // named by its heading
        Assert.Equal("One · He said \"no\" <b>&", page.Title);
    }

    [Fact]
    public void The_favicon_is_the_themes_and_linked_relatively()
    {
        Site();
        Build();
        Assert.Equal("../assets/favicon.svg", Page("sources/plain.html").QuerySelector("link[rel=icon]")?.GetAttribute("href"));
        var svg = _report.ReadOutput("assets/favicon.svg");
        Assert.StartsWith("<svg", svg);
        Assert.DoesNotContain("href", svg); // nothing it would load
    }

    [Fact]
    public void Without_a_base_url_there_is_no_canonical_og_url_or_sitemap()
    {
        Site();
        Build();
        var page = Page("sections/one.html");
        Assert.Null(page.QuerySelector("link[rel=canonical]"));
        Assert.Null(page.QuerySelector("meta[property='og:url']"));
        Assert.False(File.Exists(Path.Combine(_report.Output, "sitemap.xml")));
    }

    [Fact]
    public void With_a_base_url_each_page_has_its_absolute_encoded_url()
    {
        Site("base_url: https://example.org/reports/x\n");
        Build();
        var page = Page("sections/تدمر.html");
        const string expected = "https://example.org/reports/x/sections/%D8%AA%D8%AF%D9%85%D8%B1.html";
        Assert.Equal(expected, page.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        Assert.Equal(expected, Meta(page, "meta[property='og:url']"));
        Assert.Equal("https://example.org/reports/x/index.html", Page("index.html").QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
    }

    [Fact]
    public void The_sitemap_lists_every_page_absolute_escaped_and_encoded_and_no_export()
    {
        Site("base_url: \"https://example.org/a&b/\"\n");
        Build();
        var text = _report.ReadOutput("sitemap.xml");
        Assert.Contains("<loc>https://example.org/a&amp;b/index.html</loc>", text);
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var locs = XDocument.Parse(text).Root!.Elements(ns + "url").Select(u => u.Element(ns + "loc")!.Value).ToList();
        string[] pages = ["index.html", "report.html", "sections/one.html", "sections/%D8%AA%D8%AF%D9%85%D8%B1.html", "sources/described.html", "sources/index.html", "sources/plain.html",
            "claims/index.html", "claims/support-weak.html", "claims/support-disputed.html", "claims/single-origin.html",
            "claims/sections/one.html", "claims/sections/%D8%AA%D8%AF%D9%85%D8%B1.html"];
        Assert.Equal(pages.Select(p => "https://example.org/a&b/" + p).Order(StringComparer.Ordinal), locs.Order(StringComparer.Ordinal));
        Assert.Equal("https://example.org/a&b/index.html", locs[0]); // the cover first
        // Every generated page is listed (a page a later pipeline adds too): compare with what was written,
        // less the search page, which is noindex (a sitemap lists only pages a search engine should index).
        var written = Directory.EnumerateFiles(_report.Output, "*.html", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(_report.Output, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("documents/", StringComparison.Ordinal) && f != "search.html");
        Assert.DoesNotContain("https://example.org/a&b/search.html", locs);
        Assert.True(File.Exists(Path.Combine(_report.Output, "search.html")));
        Assert.Equal(written.Select(p => new SiteUrls("https://example.org/a&b/").For(p)).Order(StringComparer.Ordinal), locs.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("javascript:x")]
    [InlineData("ftp://example.org/")]
    [InlineData("reports/x")]
    [InlineData("/reports/x")]
    public void A_base_url_that_is_not_absolute_http_is_a_located_error(string value)
    {
        Site($"base_url: {value}\n");
        var result = _report.Build();
        var error = result.Single(DiagnosticCodes.UnsafeUrl, "input/site.yml", 4, 11);
        Assert.Contains($"'base_url' must be an absolute http or https URL: '{value}'", error.Message);
    }

    [Fact]
    public void A_published_file_cannot_take_the_sitemaps_name_even_without_a_base_url()
    {
        Site();
        _report.Write("sitemap.xml", "<x/>").Write("sources/b.yml", "id: b\ntype: report\ntitle: B\nfile: sitemap.xml\n")
            .Write("sections/03-three.md", "---\ntitle: Three\n---\nA claim [@b].\n");
        var result = _report.Build();
        var error = result.Single(DiagnosticCodes.OutputCollision, "input/sources/b.yml", 4, 7);
        Assert.Contains("'sitemap.xml'", error.Message);
    }

    [Theory]
    [InlineData("https://example.org", "https://example.org/")]
    [InlineData("https://example.org/r?x=1#top", "https://example.org/r/")]
    [InlineData("http://example.org/r/", "http://example.org/r/")]
    [InlineData("https://مثال.example:8443/تقرير", "https://xn--mgbh0fb.example:8443/%D8%AA%D9%82%D8%B1%D9%8A%D8%B1/")]
    public void Site_urls_end_the_base_in_a_slash_and_encode_each_segment(string baseUrl, string root)
    {
        var urls = new SiteUrls(baseUrl);
        Assert.Equal(root, urls.Base);
        Assert.Equal(root + "sources/a%3Ab%20c.html#claim-x", urls.For("sources/a:b c.html#claim-x"));
        Assert.Null(SiteUrls.For(null, "index.html"));
    }
}
