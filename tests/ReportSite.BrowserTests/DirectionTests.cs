using ReportSite.BrowserTests.Support;

namespace ReportSite.BrowserTests;

/// <summary>Arabic reads right to left and English left to right, in the browser's layout and not only in attributes.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DirectionTests(BrowserFixture browser)
{
    [Theory]
    [MemberData(nameof(Sites.All), MemberType = typeof(Sites))]
    public async Task Every_page_has_the_reports_language_and_direction(string report, string transport)
    {
        var site = browser.Site(report, transport);
        var (dir, lang) = site.Report.RightToLeft ? ("rtl", "ar") : ("ltr", "en");
        foreach (var (name, path) in site.Report.Pages)
        {
            await using var page = await site.OpenAsync(path);
            var html = page.Page.Locator("html");
            Assert.Equal(dir, await html.GetAttributeAsync("dir"));
            Assert.Equal(lang, await html.GetAttributeAsync("lang"));
            Assert.Equal(dir, await page.Page.Locator("body").EvaluateAsync<string>("b => getComputedStyle(b).direction"));
            page.AssertOnlyLocalRequests();
        }
    }

    [Theory]
    [MemberData(nameof(Sites.All), MemberType = typeof(Sites))]
    public async Task The_contents_and_navigation_start_on_the_reading_side(string report, string transport)
    {
        var site = browser.Site(report, transport);
        var rtl = site.Report.RightToLeft;

        await using (var cover = await site.OpenAsync(site.Report.Cover))
        {
            // The cover's table of contents: every entry starts on the right in Arabic, on the left in English.
            await PageAssertions.StartSideAsync(cover.Page.Locator("nav#contents a"), rtl, "the cover's table of contents");
            cover.AssertOnlyLocalRequests();
        }

        await using var section = await site.OpenAsync(site.Report.Section);
        // The section page has no table of contents of its own yet: what starts a line there is the site's title in the
        // header, the section's list of sources and the pager's link to the previous section.
        await PageAssertions.StartSideAsync(section.Page.Locator(".site-header .site-title"), rtl, "the site title in the header");
        await PageAssertions.StartSideAsync(section.Page.Locator(".section-sources li a"), rtl, "the section's source list");
        await PageAssertions.StartSideAsync(section.Page.Locator("a[rel=prev]"), rtl, "the link to the previous section");
        section.AssertOnlyLocalRequests();
    }
}
