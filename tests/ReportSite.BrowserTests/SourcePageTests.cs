using Microsoft.Playwright;
using ReportSite.BrowserTests.Support;

namespace ReportSite.BrowserTests;

/// <summary>A source page reads for people: no raw id but in its cite-as line, its citing claims grouped by section,
/// and the claim the reader came from (<c>?from=</c>) marked, with a way back.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SourcePageTests(BrowserFixture browser)
{
    [Theory]
    [MemberData(nameof(Sites.All), MemberType = typeof(Sites))]
    public async Task The_source_id_appears_only_in_the_cite_as_line(string report, string transport)
    {
        var site = browser.Site(report, transport);
        await using var page = await site.OpenAsync(site.Report.SourcePage);
        var id = site.Report.SourceId;
        Assert.Equal($"[@{id}]", await page.Page.Locator(".cite-as code").InnerTextAsync());
        var text = await page.Page.Locator("main").EvaluateAsync<string>(
            "m => { const c = m.cloneNode(true); c.querySelector('.cite-as').remove(); return c.innerText; }");
        // Not as a word of its own (a file name the record gives, documents/article-ar.txt, may hold it).
        Assert.DoesNotMatch($@"(?<![\w/.-]){System.Text.RegularExpressions.Regex.Escape(id)}(?![\w.-])", text);
        Assert.DoesNotContain("⊂", text);
        page.AssertOnlyLocalRequests();
    }

    [Theory]
    [MemberData(nameof(Sites.All), MemberType = typeof(Sites))]
    public async Task Cited_by_is_grouped_by_section_in_report_order(string report, string transport)
    {
        var site = browser.Site(report, transport);
        List<string> reportOrder;
        await using (var cover = await site.OpenAsync(site.Report.Cover))
            reportOrder = [.. await cover.Page.Locator("#contents ol > li > a").AllInnerTextsAsync()];
        await using var page = await site.OpenAsync(site.Report.SourcePage);
        var groups = page.Page.Locator(".cited-by .cited-group");
        var titles = await groups.Locator("h3 a").AllInnerTextsAsync();
        Assert.NotEmpty(titles);
        Assert.Equal(titles.Distinct(), titles);
        Assert.Equal(reportOrder.Where(titles.Contains), titles);
        for (var i = 0; i < titles.Count; i++)
        {
            // Every claim of a group lives in that group's section.
            var sectionHref = await groups.Nth(i).Locator("h3 a").GetAttributeAsync("href");
            foreach (var href in await groups.Nth(i).Locator("li.cited-claim blockquote a").EvaluateAllAsync<string[]>("as => as.map(a => a.getAttribute('href'))"))
                Assert.StartsWith(sectionHref + "#claim-", href);
        }
    }

    [Theory]
    [MemberData(nameof(Sites.All), MemberType = typeof(Sites))]
    public async Task Coming_from_a_claim_marks_it_and_leads_back_to_it(string report, string transport)
    {
        var site = browser.Site(report, transport);
        await using var page = await site.OpenAsync(site.Report.SourcePage);
        Assert.Equal(0, await page.Page.Locator("[aria-current='true'], .back-to-claim").CountAsync()); // nothing without ?from=
        var entries = page.Page.Locator("li.cited-claim");
        var entry = entries.Nth(await entries.CountAsync() / 2);
        var entryId = (await entry.GetAttributeAsync("id"))!;
        var claimId = entryId["cited-".Length..];

        // With the claim- prefix and without it.
        foreach (var from in new[] { claimId, claimId["claim-".Length..] })
        {
            await page.Page.GotoAsync(site.Url(site.Report.SourcePage) + "?from=" + Uri.EscapeDataString(from));
            var current = page.Page.Locator("li.cited-claim[aria-current='true']");
            Assert.Equal(1, await current.CountAsync());
            Assert.Equal(entryId, await current.GetAttributeAsync("id"));
            Assert.True(await current.Locator(".came-from-label").IsVisibleAsync());
        }
        var back = page.Page.Locator("article.source > header .back-to-claim a");
        await page.FollowAsync(back);
        Assert.EndsWith("#" + claimId, page.Page.Url);
        await PageAssertions.ClaimInViewAsync(page, claimId);
        page.AssertOnlyLocalRequests();
    }

    [Theory]
    [MemberData(nameof(Sites.All), MemberType = typeof(Sites))]
    public async Task Without_javascript_nothing_is_marked_and_the_links_work(string report, string transport)
    {
        var site = browser.Site(report, transport);
        await using var page = await site.OpenAsync(site.Report.SourcePage, new PageOptions(JavaScript: false));
        var claimId = (await page.Page.Locator("li.cited-claim").First.GetAttributeAsync("id"))!["cited-".Length..];
        await page.Page.GotoAsync(site.Url(site.Report.SourcePage) + "?from=" + claimId);
        Assert.Equal(0, await page.Page.Locator("[aria-current='true'], .back-to-claim").CountAsync());
        await page.FollowAsync(page.Page.Locator("li.cited-claim blockquote a").First);
        Assert.EndsWith("#" + claimId, page.Page.Url);
    }
}
