using ReportSite.BrowserTests.Support;

namespace ReportSite.BrowserTests;

/// <summary>The theme's favicon is linked from every page, resolves inside the site, and loads as an SVG image.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FaviconTests(BrowserFixture browser)
{
    [Theory]
    [MemberData(nameof(Sites.All), MemberType = typeof(Sites))]
    public async Task The_favicon_is_local_and_loads(string report, string transport)
    {
        var site = browser.Site(report, transport);
        await using var page = await site.OpenAsync(site.Report.Section);
        var href = await page.Page.EvaluateAsync<string>("document.querySelector('link[rel=icon]').href");
        Assert.True(site.IsLocal(href), href);
        Assert.EndsWith("assets/favicon.svg", href, StringComparison.Ordinal);
        // Drawn as an image: an SVG that fails to parse or load has no natural width.
        var width = await page.Page.EvaluateAsync<int>(
            "href => new Promise(done => { const i = new Image(); i.onload = () => done(i.naturalWidth); i.onerror = () => done(0); i.src = href; })", href);
        Assert.True(width > 0, $"{href} did not load as an image");
        page.AssertOnlyLocalRequests();
    }
}
