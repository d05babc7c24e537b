using Microsoft.Playwright;
using ReportSite.BrowserTests.Support;

namespace ReportSite.BrowserTests;

/// <summary>The sources index: a table that works as HTML, labels its cells on a phone, and with JavaScript sorts by
/// every column, filters by text, type and status, and says how many sources it shows.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SourcesTableTests(BrowserFixture browser)
{
    private const string Rows = "table.sources-table tbody tr";

    [Theory]
    [MemberData(nameof(Sites.All), MemberType = typeof(Sites))]
    public async Task Each_column_sorts_both_ways(string report, string transport)
    {
        var site = browser.Site(report, transport);
        await using var page = await site.OpenAsync(site.Report.SourcesIndex);
        var headers = page.Page.Locator("table.sources-table thead th");
        var columns = await headers.CountAsync();
        Assert.Equal(6, columns);
        for (var column = 0; column < columns; column++)
        {
            var th = headers.Nth(column);
            await th.Locator("button.sort").ClickAsync();
            Assert.Equal("ascending", await th.GetAttributeAsync("aria-sort"));
            Assert.True(await SortedAsync(page.Page, column, ascending: true), $"{site}: column {column} is not in ascending order");
            await th.Locator("button.sort").ClickAsync();
            Assert.Equal("descending", await th.GetAttributeAsync("aria-sort"));
            Assert.True(await SortedAsync(page.Page, column, ascending: false), $"{site}: column {column} is not in descending order");
            Assert.Equal(1, await page.Page.Locator("th[aria-sort]").CountAsync());
        }
    }

    // The cells' sort values, compared as the reader's language orders them (numbers by value).
    private static Task<bool> SortedAsync(IPage page, int column, bool ascending) => page.EvaluateAsync<bool>(
        """
        ([column, ascending]) => {
          const c = new Intl.Collator(document.documentElement.lang, { numeric: true });
          const v = [...document.querySelectorAll('table.sources-table tbody tr')].map(r => r.cells[column].dataset.sort);
          // A column whose cells are all alike (no source of the report is in a collection) is trivially in order.
          return v.every((x, i) => i === 0 || (ascending ? 1 : -1) * c.compare(v[i - 1], x) <= 0)
            && (new Set(v).size > 1 || column === 4);
        }
        """, new object[] { column, ascending });

    [Theory]
    [MemberData(nameof(Sites.All), MemberType = typeof(Sites))]
    public async Task Filters_by_text_and_status_and_announces_the_count(string report, string transport)
    {
        var site = browser.Site(report, transport);
        await using var page = await site.OpenAsync(site.Report.SourcesIndex);
        var total = await page.Page.Locator(Rows).CountAsync();
        var count = page.Page.Locator(".sources-count[role='status']");
        Assert.Equal(Count(site, total, total), await count.InnerTextAsync());

        // By text: the title of one source.
        var title = await page.Page.Locator($"{Rows} td:first-child a").Nth(1).InnerTextAsync();
        await page.Page.Locator(".sources-controls input[type='search']").FillAsync(title);
        var visible = page.Page.Locator($"{Rows}:visible");
        Assert.True(await visible.CountAsync() >= 1);
        foreach (var text in await visible.AllInnerTextsAsync()) Assert.Contains(title, text);
        Assert.Equal(Count(site, await visible.CountAsync(), total), await count.InnerTextAsync());
        await page.Page.Locator(".sources-controls input[type='search']").FillAsync("");

        // By status: each status the table holds.
        var status = page.Page.Locator(".sources-controls select").Nth(1);
        var values = await status.Locator("option").EvaluateAllAsync<string[]>("os => os.map(o => o.value).filter(v => v)");
        Assert.True(values.Length >= 2, $"{site}: expected several statuses");
        foreach (var value in values)
        {
            await status.SelectOptionAsync(value);
            var shown = await page.Page.Locator($"{Rows}:visible").EvaluateAllAsync<string[]>("rs => rs.map(r => r.dataset.status)");
            Assert.NotEmpty(shown);
            Assert.All(shown, s => Assert.Equal(value, s));
            Assert.Equal(await page.Page.Locator($"{Rows}[data-status='{value}']").CountAsync(), shown.Length);
            Assert.Equal(Count(site, shown.Length, total), await count.InnerTextAsync());
        }
    }

    private static string Count(Support.Site site, int shown, int total) =>
        site.Report.RightToLeft ? $"المصادر المعروضة: {shown} من {total}" : $"{shown} of {total} sources";

    [Theory]
    [MemberData(nameof(Sites.All), MemberType = typeof(Sites))]
    public async Task Without_javascript_the_table_has_no_controls(string report, string transport)
    {
        var site = browser.Site(report, transport);
        await using var page = await site.OpenAsync(site.Report.SourcesIndex, new PageOptions(JavaScript: false));
        Assert.Equal(0, await page.Page.Locator(".sources-controls, .sources-count, th button, th[aria-sort]").CountAsync());
        Assert.True(await page.Page.Locator(Rows).CountAsync() >= 3);
    }

    [Theory]
    [MemberData(nameof(Sites.All), MemberType = typeof(Sites))]
    public async Task On_a_phone_each_cell_shows_its_header_label(string report, string transport)
    {
        var site = browser.Site(report, transport);
        await using var page = await site.OpenAsync(site.Report.SourcesIndex, new PageOptions(Mobile: true));
        var headers = await page.Page.Locator("table.sources-table thead th").AllInnerTextsAsync();
        var labels = await page.Page.Locator($"{Rows} td").EvaluateAllAsync<string[][]>(
            "tds => tds.filter(td => td.textContent.trim()).map(td => [td.dataset.label, getComputedStyle(td, '::before').content])");
        Assert.NotEmpty(labels);
        foreach (var pair in labels)
        {
            Assert.Contains(headers, h => h.Contains(pair[0]));
            Assert.Equal($"\"{pair[0]}: \"", pair[1]);
        }
    }

    [Theory]
    [MemberData(nameof(Sites.AllLightAndDark), MemberType = typeof(Sites))]
    public async Task The_index_with_its_controls_and_the_marked_source_page_pass_axe(string report, string transport, bool dark)
    {
        var site = browser.Site(report, transport);
        await using var page = await site.OpenAsync(site.Report.SourcesIndex, new PageOptions(Dark: dark));
        await page.Page.Locator("table.sources-table thead th button.sort").Nth(2).ClickAsync();
        await page.AssertNoAxeViolationsAsync();
        foreach (var mobile in new[] { true, false })
        {
            await using var phone = await site.OpenAsync(site.Report.SourcesIndex, new PageOptions(Dark: dark, Mobile: mobile));
            await phone.ScreenshotAsync("sources-table-js");
        }

        await using var source = await site.OpenAsync(site.Report.SourcePage, new PageOptions(Dark: dark));
        var claim = (await source.Page.Locator("li.cited-claim").First.GetAttributeAsync("id"))!["cited-".Length..];
        await source.Page.GotoAsync(site.Url(site.Report.SourcePage) + "?from=" + claim);
        await source.AssertNoAxeViolationsAsync();
        await source.ScreenshotAsync("source-from-claim");
        source.AssertOnlyLocalRequests();
    }
}
