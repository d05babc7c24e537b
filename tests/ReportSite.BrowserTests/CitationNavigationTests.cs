using ReportSite.BrowserTests.Support;

namespace ReportSite.BrowserTests;

/// <summary>A reader follows a citation to its source and comes back to the claim; a claim's URL opens on the claim.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CitationNavigationTests(BrowserFixture browser)
{
    [Theory]
    [MemberData(nameof(Sites.All), MemberType = typeof(Sites))]
    public async Task A_citation_leads_to_its_source_whose_cited_by_leads_back_to_the_claim(string report, string transport)
    {
        var site = browser.Site(report, transport);
        await using var page = await site.OpenAsync(site.Report.Section);

        // The in-text citation (@key): the author's name and the marker.
        var claim = page.Page.Locator(".claim:has(.cite-intext)").First;
        var claimId = await claim.GetAttributeAsync("id");
        Assert.NotNull(claimId);
        Assert.StartsWith("claim-", claimId);
        var marker = claim.Locator(".cite-intext a.cite").First;
        var sourceId = await marker.GetAttributeAsync("data-source");

        // A click opens the marker's preview card, whose link to the source page names the claim (?from=).
        var card = await page.OpenCardAsync(marker, CardOpening.Click);
        Assert.EndsWith($"sources/{sourceId}.html?from={claimId["claim-".Length..]}", await card.Locator(".preview-source").GetAttributeAsync("href"));

        // A second click follows the marker to its entry in the section's source list, which links to the source page.
        await page.FollowAsync(marker);
        Assert.Equal(site.Report.Section, page.Path);
        var entryId = await Geometry.TargetIdAsync(page.Page);
        Assert.Equal((await marker.GetAttributeAsync("href"))![1..], entryId);
        await page.FollowAsync(page.Page.Locator($".section-sources [id='{entryId}'] a.source-link"));
        Assert.Equal($"sources/{sourceId}.html", page.Path);

        var citedBy = page.Page.Locator($".cited-by a[href$='#{claimId}']").First;
        await page.FollowAsync(citedBy);
        Assert.Equal(site.Report.Section, page.Path);
        Assert.EndsWith("#" + claimId, page.Page.Url);
        await PageAssertions.ClaimInViewAsync(page, claimId);
        page.AssertOnlyLocalRequests();
    }

    [Theory]
    [MemberData(nameof(Sites.All), MemberType = typeof(Sites))]
    public async Task A_claim_url_opens_the_section_with_the_claim_in_view(string report, string transport)
    {
        var site = browser.Site(report, transport);
        List<string> claimIds;
        await using (var section = await site.OpenAsync(site.Report.Section))
        {
            var ids = await section.ClaimIdsAsync();
            Assert.True(ids.Length >= 3, $"{site}: expected claims in {site.Report.Section}");
            // The first, one in the middle, and the last: the page must scroll to reach the latter two.
            claimIds = [ids[0], ids[ids.Length / 2], ids[^1]];
        }
        foreach (var mobile in new[] { false, true })
        {
            foreach (var claimId in claimIds)
            {
                await using var page = await site.OpenAsync($"{site.Report.Section}#{claimId}", new PageOptions(Mobile: mobile));
                await PageAssertions.ClaimInViewAsync(page, claimId);
                page.AssertOnlyLocalRequests();
            }
        }
    }
}
