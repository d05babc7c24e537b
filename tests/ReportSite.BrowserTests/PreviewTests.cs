using Microsoft.Playwright;
using ReportSite.BrowserTests.Support;

namespace ReportSite.BrowserTests;

/// <summary>A citation marker opens a preview card of its source: on hover, keyboard focus and tap; Escape and a tap
/// elsewhere close it; on a phone it is a bottom sheet that leaves the claim being read in view.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PreviewTests(BrowserFixture browser)
{
    /// <summary>What the card of <paramref name="marker"/> must show: its entry's title and status, the marker's locator.</summary>
    private static async Task<(string Title, string Status, string? Locator)> ExpectedAsync(IPage page, ILocator marker)
    {
        var href = await marker.GetAttributeAsync("href");
        var entry = page.Locator($".section-sources li[id='{href![1..]}']");
        return ((await entry.Locator(".source-link").InnerTextAsync()).Trim(),
            (await entry.Locator(".status").InnerTextAsync()).Trim(),
            await marker.GetAttributeAsync("data-locator"));
    }

    private static async Task AssertCardAsync(SitePage page, ILocator marker, string how)
    {
        var (title, status, locator) = await ExpectedAsync(page.Page, marker);
        await page.WaitForCardAsync();
        var card = page.OpenCard;
        var where = $"{page.Site} at {page.Options.Label}, opened by {how}";
        Assert.Equal(1, await card.CountAsync());
        Assert.Equal(title, (await card.Locator(".preview-title").InnerTextAsync()).Trim());
        Assert.Equal(status, (await card.Locator(".preview-status .status").InnerTextAsync()).Trim());
        if (locator is not null) Assert.Contains(locator, await card.Locator(".preview-locator").InnerTextAsync());
        else Assert.False(await card.Locator(".preview-locator").IsVisibleAsync(), $"{where}: a locator is shown for a citation without one");
        Assert.Equal("true", await marker.GetAttributeAsync("aria-expanded"));
        Assert.True((await Geometry.BoxAsync(card)).InsideViewport, $"{where}: the card is not inside the viewport: {await Geometry.BoxAsync(card)}");
        // The card's links: the marker's own entry, and the source page carrying the claim.
        Assert.Equal(await marker.GetAttributeAsync("href"), await card.Locator(".preview-entry").GetAttributeAsync("href"));
        var claim = await marker.GetAttributeAsync("data-claim");
        Assert.EndsWith($"?from={claim}", await card.Locator(".preview-source").GetAttributeAsync("href"));
        // The claim's own measures, as claims.json has them: one line, its support in a class and in words.
        var (support, origins) = Measures(page.Site.Report, claim!);
        var measures = card.Locator(".preview-measures");
        Assert.Equal(1, await measures.CountAsync());
        Assert.True(await measures.IsVisibleAsync(), $"{where}: the claim's measures are hidden");
        Assert.Equal(claim, await measures.GetAttributeAsync("data-claim"));
        Assert.Equal($"support support-{support}", await measures.Locator(".support").GetAttributeAsync("class"));
        Assert.NotEqual("", (await measures.Locator(".support").InnerTextAsync()).Trim());
        Assert.Equal(origins == 1 ? 1 : 0, await measures.Locator(".single-origin").CountAsync());
    }

    private static (string Support, int Origins) Measures(BuiltReport report, string claimId)
    {
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(report.SiteFolder, "claims.json")));
        var claim = json.RootElement.GetProperty("claims").EnumerateArray().Single(c => c.GetProperty("id").GetString() == claimId);
        return (claim.GetProperty("support").GetString()!, claim.GetProperty("origins").GetInt32());
    }

    [Theory]
    [MemberData(nameof(Sites.All), MemberType = typeof(Sites))]
    public async Task Hovering_a_marker_opens_its_card_which_the_pointer_can_move_into(string report, string transport)
    {
        var site = browser.Site(report, transport);
        await using var page = await site.OpenAsync(site.Report.Section);
        // A marker with a locator, and another one: each opens its own card.
        var withLocator = await page.MarkerWithLocatorAsync();
        foreach (var marker in new[] { withLocator, page.Markers.Last })
        {
            await page.OpenCardAsync(marker, CardOpening.Hover);
            await AssertCardAsync(page, marker, "hover");

            // Into the card, across the gap between it and the marker: it stays open.
            var box = await Geometry.BoxAsync(page.OpenCard);
            await page.Page.Mouse.MoveAsync((float)box.CenterX, (float)((box.Top + box.Bottom) / 2), new MouseMoveOptions { Steps = 8 });
            await page.Page.WaitForTimeoutAsync(700);
            Assert.True(await page.OpenCard.IsVisibleAsync(), $"{site}: the card closed when the pointer moved into it");

            // Away from both: it closes.
            await page.Page.Mouse.MoveAsync(2, (float)box.ViewportHeight - 2, new MouseMoveOptions { Steps = 4 });
            await page.WaitForCardClosedAsync();
        }
        page.AssertOnlyLocalRequests();
    }

    [Theory]
    [MemberData(nameof(Sites.All), MemberType = typeof(Sites))]
    public async Task Keyboard_focus_opens_the_card_and_Escape_closes_it(string report, string transport)
    {
        var site = browser.Site(report, transport);
        await using var page = await site.OpenAsync(site.Report.Section);
        var markers = page.Markers;
        var first = markers.First;
        var second = markers.Nth(1);
        await second.FocusAsync();
        await page.Page.Keyboard.PressAsync("Shift+Tab"); // a keyboard move: the focus is visible
        if (!await first.EvaluateAsync<bool>("a => a === document.activeElement"))
        {
            await first.FocusAsync();
            await page.Page.Keyboard.PressAsync("Tab");
            await page.Page.Keyboard.PressAsync("Shift+Tab");
        }
        await AssertCardAsync(page, first, "keyboard focus");

        // Tab goes into the card's links, and the card stays open.
        await page.Page.Keyboard.PressAsync("Tab");
        Assert.True(await page.Page.EvaluateAsync<bool>("() => !!document.activeElement.closest('.preview-card')"), $"{site}: Tab did not enter the card");
        Assert.True(await page.OpenCard.IsVisibleAsync());

        await page.Page.Keyboard.PressAsync("Escape");
        Assert.Equal(0, await page.Page.Locator(".preview-card").CountAsync());
        Assert.Equal("false", await first.GetAttributeAsync("aria-expanded"));
        Assert.True(await first.EvaluateAsync<bool>("a => a === document.activeElement"), $"{site}: Escape did not return the focus to the marker");
        page.AssertOnlyLocalRequests();
    }

    [Theory]
    [MemberData(nameof(Sites.All), MemberType = typeof(Sites))]
    public async Task On_a_phone_a_tap_opens_a_bottom_sheet_that_leaves_the_marker_in_view_and_a_tap_elsewhere_closes_it(string report, string transport)
    {
        var site = browser.Site(report, transport);
        await using var page = await site.OpenAsync(site.Report.Section, new PageOptions(Mobile: true));
        var markers = page.Markers;
        var count = await markers.CountAsync();
        foreach (var index in new[] { 0, count / 2, count - 1 })
        {
            var marker = markers.Nth(index);
            await marker.TapAsync();
            Assert.EndsWith(site.Report.Section, page.Path);
            await AssertCardAsync(page, marker, $"a tap on marker {index + 1}");
            var sheet = await Geometry.BoxAsync(page.OpenCard);
            var box = await Geometry.BoxAsync(marker);
            var where = $"{site}: marker {index + 1} {box}, sheet {sheet}";
            Assert.True(sheet.Bottom >= sheet.ViewportHeight - 1 && sheet.Left <= 0 && sheet.Right >= sheet.ViewportWidth, $"{where}: not a bottom sheet");
            Assert.True(box.Bottom <= sheet.Top && box.Top >= 0, $"{where}: the sheet covers the marker, or the marker is off screen");

            // A tap elsewhere (the section's title, which is no link) closes it.
            await page.Page.Locator("main h1").TapAsync();
            await page.WaitForCardClosedAsync();
        }
        page.AssertOnlyLocalRequests();
    }

    [Theory]
    [MemberData(nameof(Sites.All), MemberType = typeof(Sites))]
    public async Task A_second_click_on_a_marker_follows_it_to_its_entry_in_the_source_list(string report, string transport)
    {
        var site = browser.Site(report, transport);
        await using var page = await site.OpenAsync(site.Report.Section);
        var marker = page.FirstMarker;
        await marker.ClickAsync();
        await AssertCardAsync(page, marker, "a click");
        await page.FollowAsync(marker);
        var target = await Geometry.TargetIdAsync(page.Page);
        Assert.Equal((await marker.GetAttributeAsync("href"))![1..], target);
        Assert.Equal(0, await page.Page.Locator(".preview-card").CountAsync());
    }

    [Theory]
    [MemberData(nameof(Sites.AllLightAndDark), MemberType = typeof(Sites))]
    public async Task A_section_with_a_card_open_or_claims_shown_has_no_WCAG_violations(string report, string transport, bool dark)
    {
        var site = browser.Site(report, transport);
        await using var page = await site.OpenAsync(site.Report.Section, new PageOptions(Dark: dark));
        await page.OpenCardAsync(await page.MarkerWithLocatorAsync(), CardOpening.Hover);
        var failures = new List<string>();
        var open = await page.AxeAsync();
        if (open.Violations.Count > 0) failures.Add("card open: " + open.Describe());

        await page.Page.Keyboard.PressAsync("Escape");
        await page.Page.Locator(".claims-toggle").ClickAsync();
        var shown = await page.AxeAsync();
        if (shown.Violations.Count > 0) failures.Add("claims shown: " + shown.Describe());
        Assert.True(failures.Count == 0, $"{site}, {(dark ? "dark" : "light")}:\n" + string.Join("\n", failures));
        page.AssertOnlyLocalRequests();
    }

    [Theory]
    [MemberData(nameof(Sites.AllLightAndDarkMobileAndDesktop), MemberType = typeof(Sites))]
    public async Task A_section_with_a_card_open_is_screenshotted(string report, string transport, bool dark, bool mobile)
    {
        var site = browser.Site(report, transport);
        await using var page = await site.OpenAsync(site.Report.Section, new PageOptions(Dark: dark, Mobile: mobile));
        await page.OpenCardAsync(await page.MarkerWithLocatorAsync(), mobile ? CardOpening.Tap : CardOpening.Hover);
        // The viewport as the reader sees it (a full-page shot would move the fixed card).
        var file = Path.Combine(Repo.Artifacts, $"{site.Label}-section-preview-{page.Options.Label}.png");
        Directory.CreateDirectory(Repo.Artifacts);
        await page.Page.ScreenshotAsync(new PageScreenshotOptions { Path = file, Animations = ScreenshotAnimations.Disabled });
        Assert.True(new FileInfo(file).Length > 1000, $"{file} is empty");
        await page.ScreenshotAsync("section-preview-full");
    }

    [Theory]
    [InlineData(BrowserFixture.FileTransport)]
    [InlineData(BrowserFixture.HttpTransport)]
    public async Task A_card_links_into_its_source_at_its_own_citations_page_or_quote(string transport)
    {
        var site = browser.Site(BuiltReport.English, transport);
        await using var page = await site.OpenAsync(site.Report.Section);
        // The minutes (a PDF) are cited at pp. 4, 5 and 6 in this section: each marker's card links to its own page.
        foreach (var (number, locator) in new[] { (4, "p. 4"), (5, "p. 5"), (6, "p. 6") })
        {
            var marker = page.Page.Locator($".section-body a.cite[data-source='port-authority-minutes'][data-locator='{locator}']");
            await page.OpenCardAsync(marker, CardOpening.Hover);
            var links = page.OpenCard.Locator(".preview-deep-link a");
            Assert.Equal(1, await links.CountAsync());
            Assert.Equal($"../documents/minutes.pdf#page={number}", await links.GetAttributeAsync("href"));
            Assert.Contains(number.ToString(System.Globalization.CultureInfo.InvariantCulture), await links.InnerTextAsync());
            await page.Page.Keyboard.PressAsync("Escape");
            await page.WaitForCardClosedAsync();
        }
        // Cited without a locator, the minutes have no deep link; the article (a web source with a quote) links to it.
        await page.OpenCardAsync(page.Page.Locator(".section-body a.cite[data-source='port-authority-minutes']:not([data-locator])"), CardOpening.Hover);
        Assert.Equal(0, await page.OpenCard.Locator(".preview-deep-link").CountAsync());
        await page.Page.Keyboard.PressAsync("Escape");
        await page.WaitForCardClosedAsync();
        await page.OpenCardAsync(page.Page.Locator(".section-body a.cite[data-source='harbour-gazette']").Last, CardOpening.Hover);
        Assert.StartsWith("https://example.org/gazette/dredging-deal#:~:text=The%20winning%20bid%20came,",
            await page.OpenCard.Locator(".preview-deep-link a").GetAttributeAsync("href"));
        page.AssertOnlyLocalRequests();
    }
}
