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
}
