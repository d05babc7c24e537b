using ReportSite.Urls;

namespace ReportSite.Tests.Templates;

/// <summary>One URL model: every link is relative to the page it is on, at any depth, so the site works from a sub-path and file://.</summary>
public class PageUrlsTests
{
    [Theory]
    [InlineData("index.html", "sources/a.html", "sources/a.html")]
    [InlineData("index.html", "index.html#contents", "#contents")]
    [InlineData("report.html", "sections/s.html#claim-x", "sections/s.html#claim-x")]
    [InlineData("sections/s.html", "sections/t.html", "t.html")]
    [InlineData("sections/s.html", "sections/s.html#claim-x", "#claim-x")]
    [InlineData("sections/s.html", "sources/a.html", "../sources/a.html")]
    [InlineData("sections/s.html", "index.html", "../index.html")]
    [InlineData("sources/index.html", "sources/a~b.html", "a~b.html")]
    [InlineData("claims/index.html", "assets/style.css", "../assets/style.css")]
    [InlineData("a/b/c.html", "a/x.html", "../x.html")]
    [InlineData("sections/s.html", "documents/مستند 1.pdf", "../documents/%D9%85%D8%B3%D8%AA%D9%86%D8%AF%201.pdf")]
    [InlineData("sources/index.html", "sources/what?#x.html", "what%3F")]
    public void A_site_path_is_made_relative_to_the_page(string page, string target, string expected)
    {
        var url = new PageUrls(page).To(target);
        if (target.Contains('?')) Assert.StartsWith(expected, url); // '?' and what follows never become a query
        else Assert.Equal(expected, url);
    }

    [Fact]
    public void Every_relative_url_resolves_back_to_its_site_path()
    {
        string[] pages = ["index.html", "report.html", "sections/s.html", "sources/index.html", "claims/index.html"];
        string[] targets = ["index.html", "sections/t.html#claim-1", "sources/doc:1.html", "assets/style.css", "documents/a b/ملف.pdf", "claims.json"];
        foreach (var page in pages)
            foreach (var target in targets)
            {
                var resolved = new Uri(new Uri("file:///site/" + page), new PageUrls(page).To(target));
                Assert.Equal("/site/" + target, Uri.UnescapeDataString(resolved.AbsolutePath) + resolved.Fragment);
            }
    }

    [Theory]
    [InlineData("documents/memo #3.pdf")]
    [InlineData("documents/100% sure.txt")]
    [InlineData("documents/%23 and # and %25.pdf")]
    [InlineData("documents/dir#1/a.pdf")]
    public void A_published_file_whose_name_holds_a_hash_or_percent_links_to_that_file(string file)
    {
        foreach (var page in new[] { "index.html", "sources/a.html", "sources/parts/a-2.html" })
        {
            var link = new PageUrls(page).To(SitePaths.InputFileLink(file));
            var resolved = new Uri(new Uri("file:///site/" + page), link);
            Assert.Equal("", resolved.Fragment);
            Assert.Equal("/site/" + file, Uri.UnescapeDataString(resolved.AbsolutePath));
            // With a fragment of its own (a PDF page), the fragment is the only one.
            var paged = new Uri(new Uri("file:///site/" + page), new PageUrls(page).To(SitePaths.InputFileLink(file) + "#page=4"));
            Assert.Equal(("/site/" + file, "#page=4"), (Uri.UnescapeDataString(paged.AbsolutePath), paged.Fragment));
        }
        var absolute = new Uri(new SiteUrls("https://example.org/r/").For(SitePaths.InputFileLink(file)));
        Assert.Equal(("/r/" + file, ""), (Uri.UnescapeDataString(absolute.AbsolutePath), absolute.Fragment));
    }
}
