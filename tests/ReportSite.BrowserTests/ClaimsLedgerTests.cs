using Microsoft.Playwright;
using ReportSite.BrowserTests.Support;

namespace ReportSite.BrowserTests;

/// <summary>The claims ledger and a filtered view pass axe-core (WCAG 2.0–2.2 A and AA), in Arabic and English, light and
/// dark; with JavaScript its filters show exactly the rows of the pre-built views.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ClaimsLedgerTests(BrowserFixture browser)
{
    public static TheoryData<string, bool> Reports() => new()
    {
        { BuiltReport.Sample, false }, { BuiltReport.Sample, true },
        { BuiltReport.English, false }, { BuiltReport.English, true },
    };

    [Theory]
    [MemberData(nameof(Reports))]
    public async Task The_ledger_and_a_filtered_view_have_no_WCAG_A_or_AA_violations(string report, bool dark)
    {
        var site = browser.Site(report, BrowserFixture.HttpTransport);
        var failures = new List<string>();
        foreach (var path in new[] { "claims/index.html", "claims/single-origin.html" })
        {
            await using var page = await site.OpenAsync(path, new PageOptions(Dark: dark));
            Assert.True(await page.Page.Locator(".claims-table tbody tr").CountAsync() > 0, $"{site} {path}: no claim rows");
            var result = await page.AxeAsync();
            Assert.True(result.Passes > 0, $"{site} {path}: axe ran no rule");
            if (result.Violations.Count > 0) failures.Add(result.Describe());
            page.AssertOnlyLocalRequests();
        }
        Assert.True(failures.Count == 0, $"{site}, {(dark ? "dark" : "light")}:\n" + string.Join("\n", failures));
    }

    private static async Task<int> VisibleRowsAsync(SitePage page) =>
        await page.Page.Locator(".claims-table tbody tr:not([hidden])").CountAsync();

    /// <summary>The rows of a pre-built view, which works without script: what the script's filter must agree with.</summary>
    private static async Task<int> ViewRowsAsync(Support.Site site, string path)
    {
        await using var view = await site.OpenAsync(path, new PageOptions(JavaScript: false));
        return await view.Page.Locator(".claims-table tbody tr").CountAsync();
    }

    [Theory]
    [InlineData(BuiltReport.Sample)]
    [InlineData(BuiltReport.English)]
    public async Task The_ledger_filters_agree_with_the_pre_built_views(string report)
    {
        var site = browser.Site(report, BrowserFixture.FileTransport);
        await using var page = await site.OpenAsync("claims/index.html");
        var all = await page.Page.Locator(".claims-table tbody tr").CountAsync();
        var controls = page.Page.Locator(".sources-controls");
        var count = page.Page.Locator(".sources-count");
        Assert.Equal(all, await VisibleRowsAsync(page));
        Assert.NotEqual("", (await count.InnerTextAsync()).Trim());

        var supports = controls.Locator("select").Nth(3);
        foreach (var support in new[] { "weak", "disputed" })
        {
            var expected = await ViewRowsAsync(site, $"claims/support-{support}.html");
            if (await supports.Locator($"option[value='{support}']").CountAsync() == 0) { Assert.Equal(0, expected); continue; }
            await supports.SelectOptionAsync(support);
            Assert.Equal(expected, await VisibleRowsAsync(page));
        }
        await supports.SelectOptionAsync("");

        var single = controls.Locator("input[type=checkbox]");
        await single.CheckAsync();
        var singleOrigin = await ViewRowsAsync(site, "claims/single-origin.html");
        Assert.True(singleOrigin is > 0, $"{site}: the fixture has no single-origin claim to filter");
        Assert.Equal(singleOrigin, await VisibleRowsAsync(page));
        await single.UncheckAsync();

        // A section: its pre-built view; a source: exactly the rows citing it.
        var sections = controls.Locator("select").Nth(0);
        var firstSection = (await sections.Locator("option").Nth(1).InnerTextAsync()).Trim();
        await sections.SelectOptionAsync(new SelectOptionValue { Index = 1 });
        var sectionView = await page.Page.Locator(".ledger-views a").Filter(new() { HasText = firstSection }).First.GetAttributeAsync("href");
        Assert.Equal(await ViewRowsAsync(site, "claims/" + sectionView), await VisibleRowsAsync(page));
        await sections.SelectOptionAsync("");

        var sources = controls.Locator("select").Nth(1);
        var source = await sources.Locator("option").Nth(1).GetAttributeAsync("value");
        await sources.SelectOptionAsync(source!);
        var citing = await page.Page.Locator($".claims-table tbody tr:has(li[data-source='{source}'])").CountAsync();
        Assert.True(citing > 0, $"{site}: no row cites {source}");
        Assert.Equal(citing, await VisibleRowsAsync(page));

        // Text narrows further; nothing matching gives no row, and the count says so.
        await page.Page.Locator(".sources-controls input[type=search]").FillAsync("\u2603 no such claim");
        Assert.Equal(0, await VisibleRowsAsync(page));
        page.AssertOnlyLocalRequests();
    }
}
