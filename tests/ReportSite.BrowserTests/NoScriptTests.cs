using ReportSite.BrowserTests.Support;

namespace ReportSite.BrowserTests;

/// <summary>With JavaScript off, the reader still reaches the section's list of sources and each source page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class NoScriptTests(BrowserFixture browser)
{
    private static readonly PageOptions NoScript = new(JavaScript: false);

    [Theory]
    [MemberData(nameof(Sites.All), MemberType = typeof(Sites))]
    public async Task A_citation_marker_reaches_its_source_page(string report, string transport)
    {
        var site = browser.Site(report, transport);
        await using var page = await site.OpenAsync(site.Report.Section, NoScript);
        var marker = page.FirstMarker;
        var sourceId = await marker.GetAttributeAsync("data-source");

        await page.FollowAsync(marker);
        if (page.Path == site.Report.Section)
        {
            // A marker that links to its entry in the section's source list: the entry is shown, and links on.
            var entryId = await Geometry.TargetIdAsync(page.Page);
            Assert.NotNull(entryId);
            var entry = page.Page.Locator($".section-sources [id='{entryId}']");
            Assert.True(await entry.IsVisibleAsync(), $"{site}: the marker's target #{entryId} is not a visible entry of the source list");
            Assert.True((await Geometry.BoxAsync(entry)).TopInsideViewport, $"{site}: the source list entry #{entryId} is not in view");
            await page.FollowAsync(entry.Locator($"a[href$='{sourceId}.html']").First);
        }
        Assert.Equal($"sources/{sourceId}.html", page.Path);
        Assert.True(await page.Page.Locator("main h1").IsVisibleAsync());
        Assert.True(await page.Page.Locator(".cited-by a").CountAsync() > 0, $"{site}: the source page lists no citing claim");
        page.AssertOnlyLocalRequests();
    }

    [Theory]
    [MemberData(nameof(Sites.All), MemberType = typeof(Sites))]
    public async Task The_sections_source_list_links_to_every_source_page(string report, string transport)
    {
        var site = browser.Site(report, transport);
        await using var page = await site.OpenAsync(site.Report.Section, NoScript);
        var links = page.Page.Locator(".section-sources li a[href*='sources/']");
        var count = await links.CountAsync();
        Assert.True(count >= 2, $"{site}: the section's source list has {count} source link(s)");
        var hrefs = await links.EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('href'))");

        for (var i = 0; i < count; i++)
        {
            if (i > 0) await page.GotoAsync(site.Report.Section);
            var link = page.Page.Locator(".section-sources li a[href*='sources/']").Nth(i);
            await link.ScrollIntoViewIfNeededAsync();
            Assert.True(await link.IsVisibleAsync(), $"{site}: source list link {hrefs[i]} is not visible");
            var title = (await link.InnerTextAsync()).Trim();
            await page.FollowAsync(link);
            Assert.StartsWith("sources/", page.Path);
            Assert.Equal(title, (await page.Page.Locator("main h1").InnerTextAsync()).Trim());
        }
        page.AssertOnlyLocalRequests();
    }

    [Theory]
    [MemberData(nameof(Sites.All), MemberType = typeof(Sites))]
    public async Task The_back_links_of_a_source_list_entry_reach_each_claim_citing_it(string report, string transport)
    {
        var site = browser.Site(report, transport);
        await using var page = await site.OpenAsync(site.Report.Section, NoScript);
        // The entry cited by most claims: its back-links are ↑ a b c.
        var entries = await page.Page.Locator(".section-sources li").AllAsync();
        var entry = entries[0];
        foreach (var e in entries)
            if (await e.Locator("a.backlink").CountAsync() > await entry.Locator("a.backlink").CountAsync()) entry = e;
        var entryId = await entry.GetAttributeAsync("id");
        var targets = await entry.Locator("a.backlink").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('href').slice(1))");
        Assert.True(targets.Length >= 1, $"{site}: the entry #{entryId} has no back-link");
        foreach (var claimId in targets)
        {
            await page.GotoAsync($"{site.Report.Section}#{entryId}");
            await page.FollowAsync(page.Page.Locator($"[id='{entryId}'] a.backlink[href='#{claimId}']"));
            await PageAssertions.ClaimInViewAsync(page, claimId);
            // The claim cites the entry's source: one of its markers links back to the entry.
            Assert.True(await page.Page.Locator($"[id='{claimId}'] a.cite[href='#{entryId}']").CountAsync() > 0, $"{site}: #{claimId} does not cite #{entryId}");
        }
        page.AssertOnlyLocalRequests();
    }

    [Fact]
    public async Task A_page_opened_without_javascript_runs_no_script()
    {
        var site = browser.Site(BuiltReport.English, BrowserFixture.HttpTransport);
        await using var page = await site.OpenAsync(site.Report.Cover, NoScript);
        await page.Page.SetContentAsync("<title>before</title><script>document.title = 'ran'</script>");
        Assert.Equal("before", await page.Page.TitleAsync());
    }
}
