using ReportSite.BrowserTests.Support;

namespace ReportSite.BrowserTests;

/// <summary>Dark mode: the system's preference applies unless the reader picks light or dark with the header's toggle,
/// which is remembered across pages and reloads; without JavaScript there is no toggle and the system decides.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DarkModeTests(BrowserFixture browser)
{
    private const string Background = "() => getComputedStyle(document.body).backgroundColor";
    private const string LightBackground = "rgb(253, 252, 250)"; // --background in :root
    private const string DarkBackground = "rgb(22, 23, 26)";

    [Theory]
    [MemberData(nameof(Sites.All), MemberType = typeof(Sites))]
    public async Task The_system_preference_gives_the_dark_background_without_a_choice(string report, string transport)
    {
        var site = browser.Site(report, transport);
        foreach (var javaScript in new[] { true, false })
        {
            await using var dark = await site.OpenAsync(site.Report.Section, new PageOptions(Dark: true, JavaScript: javaScript));
            Assert.Equal(DarkBackground, await dark.Page.EvaluateAsync<string>(Background));
            await using var light = await site.OpenAsync(site.Report.Section, new PageOptions(Dark: false, JavaScript: javaScript));
            Assert.Equal(LightBackground, await light.Page.EvaluateAsync<string>(Background));
            Assert.Equal(javaScript ? 1 : 0, await light.Page.Locator(".theme-toggle").CountAsync());
        }
    }

    [Theory]
    [MemberData(nameof(Sites.All), MemberType = typeof(Sites))]
    public async Task The_toggle_switches_and_is_remembered_across_a_reload(string report, string transport)
    {
        var site = browser.Site(report, transport);
        await using var page = await site.OpenAsync(site.Report.Section);
        var toggle = page.Page.Locator(".site-header button.theme-toggle");
        Assert.Equal("system", await toggle.GetAttributeAsync("data-state"));
        await toggle.ClickAsync(); // system → light
        Assert.Equal("light", await toggle.GetAttributeAsync("data-state"));
        Assert.Equal(LightBackground, await page.Page.EvaluateAsync<string>(Background));
        await toggle.ClickAsync(); // light → dark
        Assert.Equal("dark", await page.Page.Locator("html").GetAttributeAsync("data-theme"));
        Assert.Equal(DarkBackground, await page.Page.EvaluateAsync<string>(Background));
        Assert.Contains(await page.Page.Locator(".theme-toggle-state").InnerTextAsync(), await toggle.GetAttributeAsync("data-dark"));

        // localStorage is per origin: over http it holds; a file:// page may not keep it (then the choice is per page).
        var stored = await page.Page.EvaluateAsync<string?>("() => { try { return localStorage.getItem('reportsite-theme'); } catch { return null; } }");
        if (transport == BrowserFixture.HttpTransport) Assert.Equal("dark", stored);
        if (stored is null) return;
        await page.Page.ReloadAsync();
        Assert.Equal("dark", await page.Page.Locator("html").GetAttributeAsync("data-theme"));
        Assert.Equal(DarkBackground, await page.Page.EvaluateAsync<string>(Background));
        await page.GotoAsync(site.Report.WholeReport);
        Assert.Equal(DarkBackground, await page.Page.EvaluateAsync<string>(Background));
        Assert.Equal("dark", await page.Page.Locator(".theme-toggle").GetAttributeAsync("data-state"));

        await page.Page.Locator(".theme-toggle").ClickAsync(); // dark → system (light here): the choice is forgotten
        Assert.Null(await page.Page.Locator("html").GetAttributeAsync("data-theme"));
        Assert.Null(await page.Page.EvaluateAsync<string?>("() => localStorage.getItem('reportsite-theme')"));
        Assert.Equal(LightBackground, await page.Page.EvaluateAsync<string>(Background));
        page.AssertOnlyLocalRequests();
    }

    [Theory]
    [MemberData(nameof(Sites.All), MemberType = typeof(Sites))]
    public async Task A_light_choice_wins_over_a_dark_system(string report, string transport)
    {
        var site = browser.Site(report, transport);
        await using var page = await site.OpenAsync(site.Report.Cover, new PageOptions(Dark: true));
        await page.Page.Locator(".theme-toggle").ClickAsync(); // system → light
        Assert.Equal(LightBackground, await page.Page.EvaluateAsync<string>(Background));
        await page.AssertNoAxeViolationsAsync();
    }

    [Theory]
    [MemberData(nameof(Sites.All), MemberType = typeof(Sites))]
    public async Task A_chosen_dark_mode_has_no_WCAG_violations(string report, string transport)
    {
        var site = browser.Site(report, transport);
        await using var page = await site.OpenAsync(site.Report.Section);
        await page.Page.Locator(".theme-toggle").ClickAsync();
        await page.Page.Locator(".theme-toggle").ClickAsync(); // → dark
        Assert.Equal(DarkBackground, await page.Page.EvaluateAsync<string>(Background));
        await page.AssertNoAxeViolationsAsync();
        page.AssertOnlyLocalRequests();
    }
}
