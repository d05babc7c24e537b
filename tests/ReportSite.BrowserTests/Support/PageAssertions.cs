using Microsoft.Playwright;

namespace ReportSite.BrowserTests.Support;

/// <summary>Assertions about what a reader sees, in CSS pixels of the viewport.</summary>
public static class PageAssertions
{
    /// <summary>The claim is the page's target, its top edge inside the viewport and not under a sticky header.</summary>
    public static async Task ClaimInViewAsync(SitePage page, string claimId)
    {
        Assert.Equal(claimId, await Geometry.TargetIdAsync(page.Page));
        var box = await Geometry.BoxAsync(page.Page.Locator($"[id='{claimId}']"));
        var where = $"{page.Site} {page.Path}#{claimId} at {page.Options.Label}";
        Assert.True(box.TopInsideViewport, $"{where}: the claim is not in the viewport: {box}");
        var header = await Geometry.StuckHeaderBottomAsync(page.Page);
        Assert.True(box.Top >= header - 1, $"{where}: the claim is under the sticky header (its bottom at {header:0.#}): {box}");
    }

    /// <summary>Every element of <paramref name="elements"/> (at least one) starts in the half of the viewport where a
    /// line starts: its right edge in the right half in a right-to-left report, its left edge in the left half otherwise.</summary>
    public static async Task StartSideAsync(ILocator elements, bool rtl, string what)
    {
        var all = await elements.AllAsync();
        Assert.True(all.Count > 0, $"{what}: no element found");
        foreach (var element in all)
        {
            await element.ScrollIntoViewIfNeededAsync();
            var box = await Geometry.BoxAsync(element);
            var half = box.ViewportWidth / 2;
            if (rtl) Assert.True(box.Right > half, $"{what} should start in the right half: {box}");
            else Assert.True(box.Left < half, $"{what} should start in the left half: {box}");
        }
    }
}
