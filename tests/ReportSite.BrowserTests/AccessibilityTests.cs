using ReportSite.BrowserTests.Support;

namespace ReportSite.BrowserTests;

/// <summary>axe-core finds no WCAG 2.0–2.2 A or AA violation on the pages a reader sees, light and dark.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture browser)
{
    [Theory]
    [MemberData(nameof(Sites.AllLightAndDark), MemberType = typeof(Sites))]
    public async Task Pages_have_no_WCAG_A_or_AA_violations(string report, string transport, bool dark)
    {
        var site = browser.Site(report, transport);
        var failures = new List<string>();
        foreach (var (_, path) in site.Report.Pages)
        {
            await using var page = await site.OpenAsync(path, new PageOptions(Dark: dark));
            var result = await page.AxeAsync();
            Assert.True(result.Passes > 0, $"{site} {path}: axe ran no rule");
            if (result.Violations.Count > 0) failures.Add(result.Describe());
            page.AssertOnlyLocalRequests();
        }
        Assert.True(failures.Count == 0, $"{site}, {(dark ? "dark" : "light")}:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task A_violation_is_reported_with_its_rule_and_target()
    {
        // The check itself: an image without a text alternative on a page of the site is found and described.
        var site = browser.Site(BuiltReport.English, BrowserFixture.HttpTransport);
        await using var page = await site.OpenAsync(site.Report.Cover);
        await page.Page.Locator("main").EvaluateAsync("m => { const i = document.createElement('img'); i.id = 'no-alt'; i.src = 'data:,'; m.prepend(i); }");
        var result = await page.AxeAsync();
        var violation = Assert.Single(result.Violations, v => v.Id == "image-alt");
        Assert.Contains(violation.Nodes, n => n.Target == "#no-alt");
        Assert.Contains("image-alt", result.Describe());
        Assert.Contains("#no-alt", result.Describe());
    }
}
