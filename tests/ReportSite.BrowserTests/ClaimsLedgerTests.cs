using ReportSite.BrowserTests.Support;

namespace ReportSite.BrowserTests;

/// <summary>The claims ledger and a filtered view pass axe-core (WCAG 2.0–2.2 A and AA), in Arabic and English, light and dark.</summary>
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
}
