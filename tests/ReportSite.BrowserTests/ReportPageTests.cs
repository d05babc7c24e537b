using ReportSite.BrowserTests.Support;

namespace ReportSite.BrowserTests;

/// <summary>report.html: the whole report on one page, each section's markers, endnotes and back-links resolving in it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ReportPageTests(BrowserFixture browser)
{
    [Theory]
    [MemberData(nameof(Sites.All), MemberType = typeof(Sites))]
    public async Task Every_section_is_there_in_the_order_of_the_contents(string report, string transport)
    {
        var site = browser.Site(report, transport);
        string[] tocPaths;
        await using (var cover = await site.OpenAsync(site.Report.Cover))
        {
            tocPaths = await cover.Page.Locator("nav#contents ol a").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('href'))");
            // The cover leads to it.
            await cover.FollowAsync(cover.Page.Locator("a[href='report.html']").First);
            Assert.Equal(site.Report.WholeReport, cover.Path);
        }
        await using var page = await site.OpenAsync(site.Report.WholeReport);
        var slugs = await page.Page.Locator("section.report-section").EvaluateAllAsync<string[]>("els => els.map(e => e.id)");
        Assert.Equal(tocPaths.Select(p => p["sections/".Length..^".html".Length]), slugs);
        foreach (var slug in slugs)
        {
            var section = page.Page.Locator($"section.report-section[id='{slug}']");
            Assert.True(await section.Locator(".section-body .claim").CountAsync() > 0, $"{site}: section {slug} has no claim in report.html");
            Assert.True(await section.Locator(".section-sources li").CountAsync() > 0, $"{site}: section {slug} has no source list in report.html");
        }
        page.AssertOnlyLocalRequests();
    }

    [Theory]
    [MemberData(nameof(Sites.All), MemberType = typeof(Sites))]
    public async Task Markers_endnotes_and_back_links_resolve_in_the_page(string report, string transport)
    {
        var site = browser.Site(report, transport);
        await using var page = await site.OpenAsync(site.Report.WholeReport);
        var problems = await page.Page.EvaluateAsync<string[]>(InPageLinksScript);
        Assert.True(problems.Length == 0, $"{site} report.html:\n  " + string.Join("\n  ", problems));
        page.AssertOnlyLocalRequests();
    }

    /// <summary>Every in-page link has its target; ids are unique; a marker's target is an entry of its own section's list.</summary>
    internal const string InPageLinksScript = """
        () => {
          const problems = [];
          const ids = new Map();
          for (const el of document.querySelectorAll('[id]')) ids.set(el.id, (ids.get(el.id) || 0) + 1);
          for (const [id, n] of ids) if (n > 1) problems.push(`id ${id} is used ${n} times`);
          for (const a of document.querySelectorAll('a[href^="#"]')) {
            const id = decodeURIComponent(a.getAttribute('href').slice(1));
            if (id && !document.getElementById(id)) problems.push(`no target for ${a.outerHTML.slice(0, 120)}`);
          }
          for (const marker of document.querySelectorAll('.section-body a.cite')) {
            const section = marker.closest('section.report-section');
            const href = marker.getAttribute('href');
            if (!href.startsWith('#')) {
              // A marker that links to the source's page: its section's list has that source.
              if (!section.querySelector(`.section-sources a[href="${CSS.escape(href)}"]`)) problems.push(`marker ${href} in ${section.id} is not in its list`);
              continue;
            }
            const target = document.getElementById(decodeURIComponent(marker.getAttribute('href').slice(1)));
            if (target && target.closest('section.report-section') !== section)
              problems.push(`marker ${marker.getAttribute('href')} in ${section.id} points outside its section`);
            if (target && !target.closest('.section-sources')) problems.push(`marker ${marker.getAttribute('href')} is not an endnote`);
          }
          return problems;
        }
        """;

    [Theory]
    [MemberData(nameof(Sites.All), MemberType = typeof(Sites))]
    public async Task A_scoped_claim_fragment_opens_with_the_claim_in_view(string report, string transport)
    {
        var site = browser.Site(report, transport);
        string[] ids;
        await using (var page = await site.OpenAsync(site.Report.WholeReport))
            ids = await page.ClaimIdsAsync(".report-section");
        Assert.True(ids.Length > 3, $"{site}: report.html has {ids.Length} claims");
        Assert.All(ids, id => Assert.Contains("--claim-", id));
        foreach (var mobile in new[] { false, true })
            foreach (var id in new[] { ids[0], ids[ids.Length / 2], ids[^1] })
            {
                await using var page = await site.OpenAsync($"{site.Report.WholeReport}#{id}", new PageOptions(Mobile: mobile));
                await PageAssertions.ClaimInViewAsync(page, id);
            }
    }

    [Theory]
    [MemberData(nameof(Sites.All), MemberType = typeof(Sites))]
    public async Task Report_page_has_no_WCAG_violations_light_and_dark(string report, string transport)
    {
        var site = browser.Site(report, transport);
        foreach (var dark in new[] { false, true })
        {
            await using var page = await site.OpenAsync(site.Report.WholeReport, new PageOptions(Dark: dark));
            var result = await page.AxeAsync();
            Assert.True(result.Passes > 0);
            Assert.True(result.Violations.Count == 0, result.Describe());
            page.AssertOnlyLocalRequests();
        }
    }

    [Theory]
    [MemberData(nameof(Sites.All), MemberType = typeof(Sites))]
    public async Task Report_page_is_screenshotted(string report, string transport)
    {
        var site = browser.Site(report, transport);
        foreach (var dark in new[] { false, true })
            foreach (var mobile in new[] { true, false })
            {
                await using var page = await site.OpenAsync(site.Report.WholeReport, new PageOptions(Dark: dark, Mobile: mobile));
                var file = await page.ScreenshotAsync("report");
                Assert.True(new FileInfo(file).Length > 1000, $"{file} is empty");
            }
    }
}
