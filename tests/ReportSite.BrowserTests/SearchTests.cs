using Microsoft.Playwright;
using ReportSite.BrowserTests.Support;

namespace ReportSite.BrowserTests;

/// <summary>Search on the built site, opened from disk (file://) as from a USB stick: Arabic matching, sources, phrases,
/// links that land, the keyboard, and accessibility with results open (docs/search.md).</summary>
[Collection(BrowserCollection.Name)]
public sealed class SearchTests(BrowserFixture browser)
{
    private static string SearchUrl(Support.Site site, string query) => site.Url("search.html") + "?q=" + Uri.EscapeDataString(query);

    /// <summary>Opens search.html?q= and waits for its results.</summary>
    private static async Task<SitePage> SearchAsync(Support.Site site, string query)
    {
        var page = await site.OpenAsync(site.Report.Cover);
        await page.Page.GotoAsync(SearchUrl(site, query));
        await WaitForResults(page.Page, query);
        return page;
    }

    private static async Task WaitForResults(IPage page, string query) =>
        await page.WaitForFunctionAsync(
            "q => { const r = document.querySelector('.search-results'); return r && r.dataset.query === q && r.getAttribute('aria-busy') === 'false'; }", query);

    private static async Task<int> Total(IPage page) => int.Parse(await page.Locator(".search-results").GetAttributeAsync("data-total") ?? "-1");

    private static Task<string[]> Marks(IPage page) => page.Locator(".search-result mark").AllTextContentsAsync().ContinueWith(t => t.Result.ToArray());

    private Support.Site Sample => browser.Site(BuiltReport.Sample, BrowserFixture.FileTransport);

    [Theory]
    [InlineData("الشمالي", "الشمالي")]
    [InlineData("تدمر", "تدمر")]
    [InlineData("نفط", "النفط")]     // the article: نفط finds النفط
    [InlineData("والنفط", "النفط")]  // and an attached prefix the other way
    [InlineData("تَدْمُر", "تدمر")]    // tashkeel in the query
    [InlineData("الشما", "الشمالي")] // the last word as a prefix while it is typed
    public async Task An_arabic_query_finds_its_word_in_any_spelling_and_marks_it(string query, string marked)
    {
        await using var page = await SearchAsync(Sample, query);
        Assert.True(await Total(page.Page) > 0, $"no results for {query}");
        Assert.Contains(marked, await Marks(page.Page));
        Assert.Equal(query, await page.Page.Locator("#site-search-box").InputValueAsync());
        page.AssertOnlyLocalRequests();
    }

    [Fact]
    public async Task Tashkeel_and_hamza_forms_in_the_query_change_nothing()
    {
        await using var plain = await SearchAsync(Sample, "تدمر");
        var total = await Total(plain.Page);
        await plain.Page.GotoAsync(SearchUrl(Sample, "تَدْمُرَ"));
        await WaitForResults(plain.Page, "تَدْمُرَ");
        Assert.Equal(total, await Total(plain.Page));
    }

    [Theory]
    [InlineData("Palmyra")]
    [InlineData("RUSI")]
    public async Task A_latin_word_finds_the_sources_that_hold_it(string query)
    {
        await using var page = await SearchAsync(Sample, query);
        var sources = page.Page.Locator(".search-group").Filter(new() { Has = page.Page.Locator("h2#search-group-2") });
        Assert.True(await sources.Locator(".search-result").CountAsync() > 0, $"no source found for {query}");
        Assert.True(await sources.Locator(".search-result .status").CountAsync() > 0, "a source result shows its verification status");
        var hrefs = await sources.Locator(".search-result a").EvaluateAllAsync<string[]>("as => as.map(a => a.getAttribute('href'))");
        Assert.All(hrefs, href => Assert.StartsWith("sources/", href, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_mixed_script_query_finds_what_holds_both_words_and_marks_each()
    {
        await using var page = await SearchAsync(Sample, "Palmyra تدمر");
        var both = await Total(page.Page);
        var marks = await Marks(page.Page);
        Assert.Contains("Palmyra", marks);
        Assert.Contains("تدمر", marks);
        foreach (var word in new[] { "Palmyra", "تدمر" })
        {
            await page.Page.GotoAsync(SearchUrl(Sample, word));
            await WaitForResults(page.Page, word);
            var alone = await Total(page.Page);
            Assert.True(both > 0 && both <= alone, $"'Palmyra تدمر' found {both}, '{word}' alone {alone}");
        }
    }

    [Fact]
    public async Task A_quoted_phrase_matches_its_words_in_order_only()
    {
        await using var page = await SearchAsync(Sample, "\"تنظيم داعش\"");
        var phrase = await Total(page.Page);
        Assert.True(phrase > 0);
        await page.Page.GotoAsync(SearchUrl(Sample, "تنظيم داعش"));
        await WaitForResults(page.Page, "تنظيم داعش");
        var words = await Total(page.Page);
        await page.Page.GotoAsync(SearchUrl(Sample, "\"داعش تنظيم\""));
        await WaitForResults(page.Page, "\"داعش تنظيم\"");
        var reversed = await Total(page.Page);
        Assert.True(words >= phrase, $"both words ({words}) found fewer than the phrase ({phrase})");
        Assert.True(reversed < phrase, $"the reversed phrase ({reversed}) found as many as the phrase ({phrase})");
    }

    [Fact]
    public async Task Every_result_link_lands_on_an_element_that_exists()
    {
        var checkedLinks = 0;
        foreach (var query in new[] { "تدمر", "النفط", "داعش", "Palmyra" })
        {
            await using var page = await SearchAsync(Sample, query);
            // Every group shown in full.
            // (each click waits for the next page of results to be in: the button hides only once they are)
            while (await page.Page.Locator(".search-more:visible").CountAsync() > 0)
            {
                var before = await page.Page.Locator(".search-result").CountAsync();
                await page.Page.Locator(".search-more:visible").First.ClickAsync();
                await page.Page.WaitForFunctionAsync("n => document.querySelectorAll('.search-result').length > n", before);
                await page.Page.WaitForFunctionAsync("() => ![...document.querySelectorAll('.search-more')].some(b => b.disabled)");
            }
            var hrefs = await page.Page.Locator(".search-result a").EvaluateAllAsync<string[]>("as => as.map(a => a.href)");
            Assert.NotEmpty(hrefs);
            foreach (var href in hrefs.Distinct())
            {
                await page.Page.GotoAsync(href);
                var fragment = new Uri(href).Fragment.TrimStart('#');
                if (fragment.Length > 0)
                    Assert.True(await page.Page.EvaluateAsync<bool>("id => document.getElementById(decodeURIComponent(id)) !== null", fragment), $"{href}: no element #{fragment}");
                Assert.Equal("complete", await page.Page.EvaluateAsync<string>("() => document.readyState"));
                checkedLinks++;
            }
        }
        Assert.True(checkedLinks > 10, $"only {checkedLinks} links");
    }

    [Fact]
    public async Task The_keyboard_finds_opens_and_clears_results_from_any_page()
    {
        var site = Sample;
        await using var page = await site.OpenAsync(site.Report.Section);
        await page.Page.Keyboard.PressAsync("/");
        Assert.Equal("site-search-box", await page.Page.EvaluateAsync<string>("() => document.activeElement.id"));
        await page.Page.Keyboard.TypeAsync("تدمر");
        await WaitForResults(page.Page, "تدمر");
        Assert.True(await page.Page.Locator(".search-panel .search-result").CountAsync() > 0, "no results as you type");

        await page.Page.Keyboard.PressAsync("ArrowDown");
        await page.Page.Keyboard.PressAsync("ArrowDown");
        var second = await page.Page.EvaluateAsync<string>("() => document.activeElement.getAttribute('href')");
        var links = await page.Page.Locator(".search-panel .search-result a").EvaluateAllAsync<string[]>("as => as.map(a => a.getAttribute('href'))");
        Assert.Equal(links[1], second);
        await page.Page.Keyboard.PressAsync("ArrowUp");
        await page.Page.Keyboard.PressAsync("ArrowUp");
        Assert.Equal("site-search-box", await page.Page.EvaluateAsync<string>("() => document.activeElement.id"));

        await page.Page.Keyboard.PressAsync("Escape");
        Assert.Equal("", await page.Page.Locator("#site-search-box").InputValueAsync());
        Assert.Equal(0, await page.Page.Locator(".search-panel .search-result").CountAsync());

        // Enter in the box opens search.html with the query.
        await page.Page.Keyboard.TypeAsync("النفط");
        await page.Page.Keyboard.PressAsync("Enter");
        await page.Page.WaitForURLAsync("**/search.html?q=*");
        await WaitForResults(page.Page, "النفط");
        Assert.True(await Total(page.Page) > 0);
        // And the first result opens with ArrowDown, Enter.
        await page.Page.Locator("#site-search-box").FocusAsync();
        await page.Page.Keyboard.PressAsync("ArrowDown");
        var href = await page.Page.EvaluateAsync<string>("() => document.activeElement.href");
        await page.Page.Keyboard.PressAsync("Enter");
        await page.Page.WaitForURLAsync(href);
    }

    [Theory]
    [InlineData(BuiltReport.Sample, "تدمر")]
    [InlineData(BuiltReport.English, "port")]
    public async Task Results_open_have_no_accessibility_violations(string report, string query)
    {
        var site = browser.Site(report, BrowserFixture.FileTransport);
        await using var page = await SearchAsync(site, query);
        Assert.True(await Total(page.Page) > 0, $"no results for {query} in {report}");
        var result = await page.AxeAsync();
        Assert.True(result.Violations.Count == 0, result.Describe());

        // The panel on another page too.
        await page.GotoAsync(site.Report.Section);
        await page.Page.Locator("#site-search-box").FillAsync(query);
        await WaitForResults(page.Page, query);
        result = await page.AxeAsync();
        Assert.True(result.Violations.Count == 0, result.Describe());
    }

    [Fact]
    public async Task Without_javascript_the_box_is_hidden_and_the_search_page_says_why()
    {
        var site = Sample;
        await using var page = await site.OpenAsync(site.Report.Section, new PageOptions(JavaScript: false));
        Assert.False(await page.Page.Locator(".site-search").IsVisibleAsync());
        await page.GotoAsync("search.html");
        Assert.True(await page.Page.Locator(".search-needs-js").IsVisibleAsync());
    }
}
