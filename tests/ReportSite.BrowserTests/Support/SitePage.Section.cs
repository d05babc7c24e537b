using Microsoft.Playwright;

namespace ReportSite.BrowserTests.Support;

/// <summary>How a reader opens a marker's preview card.</summary>
public enum CardOpening { Hover, Tap, Click }

// What the tests do on a section page again and again: find its claims and markers, open a marker's card, wait for
// it to close, and check the page with axe-core.
public sealed partial class SitePage
{
    /// <summary>The preview card now open (there is at most one).</summary>
    public const string OpenCardSelector = ".preview-card:popover-open";

    /// <summary>How long a card may take to open or close (it opens 250 ms after a hover, closes 300 ms after leaving).</summary>
    private const float CardTimeout = 3000;

    /// <summary>Every citation marker in the section's text, in order.</summary>
    public ILocator Markers => Page.Locator(".section-body a.cite");

    /// <summary>The markers of sources with <paramref name="status"/> (verified, partially-verified, unverified, disputed, retracted).</summary>
    public ILocator MarkersOf(string status) => Page.Locator($".section-body a.cite-{status}");

    public ILocator FirstMarker => Markers.First;

    /// <summary>A marker with a locator (p. 4) if the section has one, else the first.</summary>
    public async Task<ILocator> MarkerWithLocatorAsync()
    {
        var withLocator = Page.Locator(".section-body a.cite[data-locator]");
        return await withLocator.CountAsync() > 0 ? withLocator.First : FirstMarker;
    }

    /// <summary>The preview card now open.</summary>
    public ILocator OpenCard => Page.Locator(OpenCardSelector);

    /// <summary>Opens <paramref name="marker"/>'s card as a reader would and waits for it; returns the open card.</summary>
    public async Task<ILocator> OpenCardAsync(ILocator marker, CardOpening how = CardOpening.Hover)
    {
        switch (how)
        {
            case CardOpening.Hover:
                await marker.ScrollIntoViewIfNeededAsync();
                await marker.HoverAsync();
                break;
            case CardOpening.Tap:
                await marker.TapAsync();
                break;
            case CardOpening.Click:
                await marker.ClickAsync();
                break;
        }
        await WaitForCardAsync();
        return OpenCard;
    }

    /// <summary>Waits for a card to be open (however it was opened).</summary>
    public Task WaitForCardAsync() => OpenCard.WaitForAsync(new LocatorWaitForOptions { Timeout = CardTimeout });

    /// <summary>Waits for the open card to be gone.</summary>
    public Task WaitForCardClosedAsync() =>
        OpenCard.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached, Timeout = CardTimeout });

    /// <summary>The ids of the claims under <paramref name="scope"/> (the section's text by default), in order.</summary>
    public Task<string[]> ClaimIdsAsync(string scope = ".section-body") =>
        Page.Locator($"{scope} .claim[id]").EvaluateAllAsync<string[]>("els => els.map(e => e.id)");

    /// <summary>Runs axe-core and fails with its violations, named by <paramref name="where"/>, when there are any.</summary>
    public async Task AssertNoAxeViolationsAsync(string? where = null)
    {
        var result = await AxeAsync();
        Assert.True(result.Violations.Count == 0, (where is null ? "" : where + ": ") + result.Describe());
    }
}
