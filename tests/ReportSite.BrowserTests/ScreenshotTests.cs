using ReportSite.BrowserTests.Support;

namespace ReportSite.BrowserTests;

/// <summary>Full-page screenshots of the pages a reader sees, on a phone and a desktop, light and dark, saved under
/// tests/artifacts/ for a person to look at.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ScreenshotTests(BrowserFixture browser)
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G'];

    [Theory]
    [MemberData(nameof(Sites.AllLightAndDarkMobileAndDesktop), MemberType = typeof(Sites))]
    public async Task Pages_are_screenshotted(string report, string transport, bool dark, bool mobile)
    {
        var site = browser.Site(report, transport);
        foreach (var (name, path) in site.Report.Pages)
        {
            await using var page = await site.OpenAsync(path, new PageOptions(Dark: dark, Mobile: mobile));
            var file = await page.ScreenshotAsync(name);
            var bytes = await File.ReadAllBytesAsync(file);
            Assert.True(bytes.Length > 1000 && bytes.AsSpan(0, 4).SequenceEqual(PngSignature), $"{file} is not a PNG screenshot");
            page.AssertOnlyLocalRequests();
        }
    }
}
