using ReportSite.BrowserTests.Support;

namespace ReportSite.BrowserTests;

/// <summary>Corrections as a reader meets them (the English fixture corrects a claim twice and its section once):
/// the cover's list leads to the corrected claim, whose dated notes follow it on its line; axe-core finds nothing.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CorrectionsTests(BrowserFixture browser)
{
    [Theory]
    [InlineData(BrowserFixture.FileTransport)]
    [InlineData(BrowserFixture.HttpTransport)]
    public async Task The_covers_list_leads_to_the_claim_and_its_notes_follow_it(string transport)
    {
        var site = browser.Site(BuiltReport.English, transport);
        await using var page = await site.OpenAsync(site.Report.Cover);
        var items = page.Page.Locator("#corrections li");
        Assert.Equal(3, await items.CountAsync());
        // Newest first: the second correction of the claim.
        Assert.Contains("14 March 2024", await items.First.InnerTextAsync());
        await page.FollowAsync(items.First.Locator("a"));
        Assert.Equal("sections/contracts.html", page.Path);
        Assert.EndsWith("#claim-lots-awarded", page.Page.Url);
        Assert.True(await page.Page.Locator("#claim-lots-awarded").IsVisibleAsync());

        // Both notes, oldest first, shown right after the claim, before the next sentence.
        var notes = await page.Page.EvaluateAsync<string[]>("""
            () => {
              const found = [];
              for (let e = document.getElementById('claim-lots-awarded').nextElementSibling; e && !e.classList.contains('claim'); e = e.nextElementSibling)
                if (e.classList.contains('correction')) found.push(e.querySelector('time').getAttribute('datetime'));
              return found;
            }
            """);
        Assert.Equal(["2024-04-10", "2024-04-15"], notes);
        Assert.True(await page.Page.Locator("#correction-1").IsVisibleAsync());
        // The section's own note is at its top.
        Assert.True(await page.Page.Locator("article.section > header .correction").IsVisibleAsync());
        page.AssertOnlyLocalRequests();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Pages_with_corrections_have_no_WCAG_A_or_AA_violations(bool dark)
    {
        var site = browser.Site(BuiltReport.English, BrowserFixture.HttpTransport);
        foreach (var path in new[] { site.Report.Cover, "sections/contracts.html", site.Report.WholeReport })
        {
            await using var page = await site.OpenAsync(path, new PageOptions(Dark: dark));
            Assert.True(await page.Page.Locator(".correction, #corrections").CountAsync() > 0, $"{path} shows no correction");
            await page.AssertNoAxeViolationsAsync($"{path} {(dark ? "dark" : "light")}");
        }
    }
}
