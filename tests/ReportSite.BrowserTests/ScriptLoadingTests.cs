using ReportSite.BrowserTests.Support;

namespace ReportSite.BrowserTests;

/// <summary>A page loads only the scripts it uses: sources.js on the source pages and the sources index, not elsewhere.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ScriptLoadingTests(BrowserFixture browser)
{
    private const string SourcesScript = "assets/sources.js";

    [Theory]
    [MemberData(nameof(Sites.All), MemberType = typeof(Sites))]
    public async Task Sources_js_is_loaded_by_source_pages_and_the_sources_index_only(string report, string transport)
    {
        var site = browser.Site(report, transport);
        foreach (var (name, path) in site.Report.Pages)
        {
            await using var page = await site.OpenAsync(path);
            var wanted = path == site.Report.SourcePage || path == site.Report.SourcesIndex;
            var tags = await page.Page.Locator($"script[src$='{SourcesScript}']").CountAsync();
            var requested = page.Requests.Any(url => url.EndsWith(SourcesScript, StringComparison.Ordinal));
            Assert.True((wanted ? 1 : 0) == tags, $"{site} {path} ({name}): {tags} sources.js script tags");
            Assert.True(wanted == requested, $"{site} {path} ({name}): sources.js {(requested ? "" : "not ")}requested");
            // The previews and the colour scheme toggle are on every page.
            Assert.Equal(1, await page.Page.Locator("script[src$='assets/previews.js']").CountAsync());
            Assert.Equal(1, await page.Page.Locator("script[src$='assets/theme-toggle.js']").CountAsync());
            page.AssertOnlyLocalRequests();
        }
    }
}
