using ReportSite.BrowserTests.Support;

namespace ReportSite.BrowserTests;

/// <summary>Under <c>digits: arab</c> every number a reader sees is in Arabic-Indic digits: the theme's own (markers,
/// counts) and the numbers of ordered lists (the section's source list, lists in the Markdown, the contents).</summary>
[Collection(BrowserCollection.Name)]
public sealed class DigitsTests(BrowserFixture browser)
{
    private const string ListStyle = "els => els.map(e => getComputedStyle(e).listStyleType)";

    [Theory]
    [InlineData(BrowserFixture.FileTransport)]
    [InlineData(BrowserFixture.HttpTransport)]
    public async Task Under_digits_arab_markers_and_ordered_lists_count_in_arabic_indic_digits(string transport)
    {
        var site = browser.Site(BuiltReport.ArabicDigits, transport);
        await using var page = await site.OpenAsync(site.Report.Section);
        Assert.Equal("arab", await page.Page.Locator("html").GetAttributeAsync("data-digits"));

        // The markers' numbers: the first source cited is ١, the second ٢ (and no ASCII digit).
        var numbers = await page.Markers.EvaluateAllAsync<string[]>("els => els.map(a => a.firstChild.textContent)");
        Assert.Equal(["١", "٢", "١"], numbers);

        // The Markdown's list and the source list are numbered by the list style, in the same digits.
        var lists = await page.Page.Locator(".section-body ol, .section-sources ol").EvaluateAllAsync<string[]>(ListStyle);
        Assert.Equal(2, lists.Length);
        Assert.All(lists, style => Assert.Equal("arabic-indic", style));
        // The cover's contents too.
        await page.GotoAsync(site.Report.Cover);
        Assert.All(await page.Page.Locator("main ol").EvaluateAllAsync<string[]>(ListStyle), style => Assert.Equal("arabic-indic", style));

        // A list whose author chose its type keeps it.
        await page.GotoAsync(site.Report.Section);
        Assert.Equal("lower-alpha", await page.Page.EvaluateAsync<string>(
            "() => { const ol = document.createElement('ol'); ol.type = 'a'; ol.append(document.createElement('li')); document.querySelector('.section-body').append(ol); return getComputedStyle(ol).listStyleType; }"));
        page.AssertOnlyLocalRequests();
    }

    [Fact]
    public async Task Without_digits_arab_ordered_lists_count_in_latin_digits()
    {
        // The sample report is Arabic too, with the default digits (latn): its lists stay decimal.
        var site = browser.Site(BuiltReport.Sample, BrowserFixture.HttpTransport);
        await using var page = await site.OpenAsync(site.Report.Section);
        Assert.Equal("latn", await page.Page.Locator("html").GetAttributeAsync("data-digits"));
        var lists = await page.Page.Locator(".section-sources ol").EvaluateAllAsync<string[]>(ListStyle);
        Assert.NotEmpty(lists);
        Assert.All(lists, style => Assert.Equal("decimal", style));
        Assert.Matches("^[0-9]+$", await page.FirstMarker.EvaluateAsync<string>("a => a.firstChild.textContent"));
    }
}
