using ReportSite.BrowserTests.Support;

namespace ReportSite.BrowserTests;

/// <summary>No page of the site makes a request outside it (no third party, nothing beyond 127.0.0.1 or file://).</summary>
[Collection(BrowserCollection.Name)]
public sealed class LocalRequestTests(BrowserFixture browser)
{
    [Theory]
    [MemberData(nameof(Sites.All), MemberType = typeof(Sites))]
    public async Task No_page_requests_anything_outside_the_site(string report, string transport)
    {
        var site = browser.Site(report, transport);
        var pages = Directory.EnumerateFiles(site.Report.SiteFolder, "*.html", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(site.Report.SiteFolder, p).Replace('\\', '/')).Order().ToList();
        Assert.Contains(site.Report.Section, pages);
        foreach (var path in pages)
        {
            await using var page = await site.OpenAsync(path);
            page.AssertOnlyLocalRequests();
            // The page itself and its stylesheet, at least, were requested (so the recording works).
            Assert.Contains(page.Requests, url => url.EndsWith(path, StringComparison.Ordinal));
            Assert.Contains(page.Requests, url => url.EndsWith("assets/style.css", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_request_elsewhere_is_not_local()
    {
        var site = browser.Site(BuiltReport.English, BrowserFixture.HttpTransport);
        Assert.True(site.IsLocal(site.Url("assets/style.css")));
        Assert.False(site.IsLocal("https://example.org/gazette/dredging-deal"));
        Assert.False(site.IsLocal(site.BaseUrl.GetLeftPart(UriPartial.Scheme) + "localhost:1/"));
        var files = browser.Site(BuiltReport.English, BrowserFixture.FileTransport);
        Assert.True(files.IsLocal(files.Url("sections/contracts.html")));
        Assert.False(files.IsLocal("file:///etc/passwd"));
    }
}
