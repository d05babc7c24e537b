using ReportSite.BrowserTests.Support;

namespace ReportSite.BrowserTests;

/// <summary>A section says where it stands in the report, a long one lists its headings, every h2/h3 links to itself,
/// and dates read in the report's language.</summary>
[Collection(BrowserCollection.Name)]
public sealed class NavigationTests(BrowserFixture browser)
{
    [Theory]
    [MemberData(nameof(Sites.All), MemberType = typeof(Sites))]
    public async Task The_position_label_reads_section_n_of_m(string report, string transport)
    {
        var site = browser.Site(report, transport);
        int sections;
        await using (var cover = await site.OpenAsync(site.Report.Cover))
            sections = await cover.Page.Locator("#contents ol > li").CountAsync();
        await using var page = await site.OpenAsync(site.Report.Section);
        var label = await page.Page.Locator(".section-number").InnerTextAsync();
        var position = site.Report.RightToLeft ? 6 : 2; // experts is the sixth of seven; contracts the second of three
        Assert.Equal(site.Report.RightToLeft ? $"القسم {position} من {sections}" : $"Section {position} of {sections}", label);
        Assert.True(await page.Page.Locator(".pager a[rel='prev']").IsVisibleAsync());
        Assert.True(await page.Page.Locator(".pager a[rel='next']").IsVisibleAsync());
    }

    [Theory]
    [MemberData(nameof(Sites.All), MemberType = typeof(Sites))]
    public async Task Headings_link_to_themselves(string report, string transport)
    {
        var site = browser.Site(report, transport);
        await using var page = await site.OpenAsync(site.Report.LongSection ?? site.Report.Section);
        var headings = page.Page.Locator(".section-body :is(h2, h3)[id]");
        var n = await headings.CountAsync();
        Assert.True(n >= 1, $"{site}: no heading in the section");
        for (var i = 0; i < n; i++)
        {
            var heading = headings.Nth(i);
            var link = heading.Locator("a.heading-link");
            Assert.Equal("#" + await heading.GetAttributeAsync("id"), await link.GetAttributeAsync("href"));
            Assert.Equal(site.Report.RightToLeft ? "رابط إلى هذا العنوان" : "Link to this heading", await link.GetAttributeAsync("aria-label"));
        }
        await headings.First.Locator("a.heading-link").FocusAsync();
        Assert.Equal("1", await headings.First.Locator("a.heading-link").EvaluateAsync<string>("a => getComputedStyle(a).opacity"));
    }

    [Theory]
    [MemberData(nameof(Sites.All), MemberType = typeof(Sites))]
    public async Task A_long_section_lists_its_headings_and_each_entry_leads_to_one(string report, string transport)
    {
        var site = browser.Site(report, transport);
        if (site.Report.LongSection is not { } path)
        {
            // The sample has no section with three h2 headings: none shows contents of its own.
            await using var section = await site.OpenAsync(site.Report.Section);
            Assert.Equal(0, await section.Page.Locator(".section-toc").CountAsync());
            return;
        }
        await using var page = await site.OpenAsync(path);
        var entries = page.Page.Locator("nav.section-toc li a");
        Assert.Equal(["Who else bid", "The family link", "What the register does not show", "The firm's past work"], await entries.AllInnerTextsAsync());
        for (var i = 0; i < await entries.CountAsync(); i++)
        {
            var entry = entries.Nth(i);
            var href = (await entry.GetAttributeAsync("href"))!;
            await page.FollowAsync(entry);
            Assert.EndsWith(href, page.Page.Url);
            var heading = page.Page.Locator($".section-body [id='{href[1..]}']");
            Assert.Matches("^H[23]$", await heading.EvaluateAsync<string>("h => h.tagName"));
            Assert.True(await heading.IsVisibleAsync());
        }
        await page.AssertNoAxeViolationsAsync();
    }

    [Theory]
    [MemberData(nameof(Sites.All), MemberType = typeof(Sites))]
    public async Task The_cover_date_reads_in_the_report_language(string report, string transport)
    {
        var site = browser.Site(report, transport);
        await using var page = await site.OpenAsync(site.Report.Cover);
        var time = page.Page.Locator(".byline time").First;
        var (iso, text) = site.Report.RightToLeft ? ("2024-03-29", "29 مارس 2024") : ("2025-01-15", "15 January 2025");
        Assert.Equal(iso, await time.GetAttributeAsync("datetime"));
        Assert.Equal(text, await time.InnerTextAsync());
    }
}
