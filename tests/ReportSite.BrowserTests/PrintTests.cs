using Microsoft.Playwright;
using ReportSite.BrowserTests.Support;

namespace ReportSite.BrowserTests;

/// <summary>report.html printed to PDF by Chromium, with the print stylesheet: no chrome, black on white.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PrintTests(BrowserFixture browser)
{
    [Theory]
    [MemberData(nameof(Sites.All), MemberType = typeof(Sites))]
    public async Task The_report_prints_to_pdf_with_its_endnotes_resolving(string report, string transport)
    {
        var site = browser.Site(report, transport);
        await using var page = await site.OpenAsync(site.Report.WholeReport);
        await page.Page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        var problems = await page.Page.EvaluateAsync<string[]>(ReportPageTests.InPageLinksScript);
        Assert.True(problems.Length == 0, $"{site} report.html:\n  " + string.Join("\n  ", problems));
        // Every back-link of the source lists has its target in the page.
        var backLinks = await page.Page.Locator(".section-sources a[href^='#']").EvaluateAllAsync<string[]>(
            "els => els.map(a => a.getAttribute('href')).filter(h => !document.getElementById(decodeURIComponent(h.slice(1))))");
        Assert.Empty(backLinks);

        var pdf = await page.Page.PdfAsync(new PagePdfOptions { Format = "A4", PrintBackground = true });
        Assert.True(pdf.Length > 10_000, $"{site}: the PDF has {pdf.Length} bytes");
        Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);
        Directory.CreateDirectory(Repo.Artifacts);
        await File.WriteAllBytesAsync(Path.Combine(Repo.Artifacts, $"{site.Label}-report.pdf"), pdf);
        page.AssertOnlyLocalRequests();
    }

    [Theory]
    [MemberData(nameof(Sites.All), MemberType = typeof(Sites))]
    public async Task Print_hides_the_chrome_and_is_black_on_white_even_in_dark_mode(string report, string transport)
    {
        var site = browser.Site(report, transport);
        await using var page = await site.OpenAsync(site.Report.WholeReport, new PageOptions(Dark: true));
        await page.Page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print, ColorScheme = ColorScheme.Dark });
        foreach (var selector in new[] { ".site-nav", ".site-footer", ".skip-link", ".theme-toggle", ".report-section-link" })
            foreach (var element in await page.Page.Locator(selector).AllAsync())
                Assert.False(await element.IsVisibleAsync(), $"{site}: {selector} is printed");
        var colours = await page.Page.EvaluateAsync<string[]>(
            "() => [getComputedStyle(document.body).color, getComputedStyle(document.body).backgroundColor, getComputedStyle(document.querySelector('.section-body a.cite')).color]");
        Assert.Equal(["rgb(0, 0, 0)", "rgb(255, 255, 255)", "rgb(0, 0, 0)"], colours);
        // Each section starts a page; its title is kept with what follows.
        Assert.Equal("page", await page.Page.Locator(".report-section").First.EvaluateAsync<string>("e => getComputedStyle(e).breakBefore"));
        Assert.Equal("avoid", await page.Page.Locator(".report-section h2").First.EvaluateAsync<string>("e => getComputedStyle(e).breakAfter"));
    }

    [Fact]
    public async Task External_links_print_their_address()
    {
        var site = browser.Site(BuiltReport.English, BrowserFixture.HttpTransport);
        await using var page = await site.OpenAsync("sources/harbour-gazette.html");
        await page.Page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        var after = await page.Page.Locator("a.external").First.EvaluateAsync<string>("a => getComputedStyle(a, '::after').content");
        Assert.Contains("https://example.org/gazette/dredging-deal", after);
    }
}
