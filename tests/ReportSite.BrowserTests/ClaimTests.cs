using System.Globalization;
using System.Text.RegularExpressions;
using ReportSite.BrowserTests.Support;

namespace ReportSite.BrowserTests;

/// <summary>Claims a reader can see and link, and citation markers that read well: highlighted when opened from
/// their URL, outlined on demand, copyable links, markers with a 24×24 target glued to their word and a status glyph.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ClaimTests(BrowserFixture browser)
{
    [Theory]
    [MemberData(nameof(Sites.All), MemberType = typeof(Sites))]
    public async Task A_claim_url_highlights_the_claim_below_the_header_with_3_to_1_contrast(string report, string transport)
    {
        var site = browser.Site(report, transport);
        string claimId;
        await using (var section = await site.OpenAsync(site.Report.Section))
        {
            var ids = await section.ClaimIdsAsync();
            claimId = ids[ids.Length / 2];
        }
        foreach (var mobile in new[] { false, true })
        {
            await using var page = await site.OpenAsync($"{site.Report.Section}#{claimId}", new PageOptions(Mobile: mobile));
            await PageAssertions.ClaimInViewAsync(page, claimId);
            var colours = await page.Page.Locator($"[id='{claimId}']").EvaluateAsync<string[]>(
                "el => { const s = getComputedStyle(el); return [s.outlineStyle, s.outlineWidth, s.outlineColor, getComputedStyle(document.body).backgroundColor]; }");
            Assert.Equal("solid", colours[0]);
            Assert.True(double.Parse(colours[1].Replace("px", ""), CultureInfo.InvariantCulture) >= 2, $"{site}: outline {colours[1]}");
            var ratio = Contrast(Rgb(colours[2]), Rgb(colours[3]));
            Assert.True(ratio >= 3, $"{site} #{claimId}: the highlight {colours[2]} has a contrast of {ratio:0.00}:1 against the page {colours[3]}");

            // And it fades.
            await page.Page.WaitForTimeoutAsync(5500);
            var faded = await page.Page.Locator($"[id='{claimId}']").EvaluateAsync<string>("el => getComputedStyle(el).outlineColor");
            Assert.True(Rgb(faded).Alpha < 0.1, $"{site}: the highlight did not fade: {faded}");
        }
    }

    [Theory]
    [MemberData(nameof(Sites.All), MemberType = typeof(Sites))]
    public async Task Markers_have_a_24px_target_and_stay_on_the_line_of_the_word_before_them(string report, string transport)
    {
        var site = browser.Site(report, transport);
        foreach (var mobile in new[] { true, false })
        {
            await using var page = await site.OpenAsync(site.Report.Section, new PageOptions(Mobile: mobile));
            var markers = await page.Markers.AllAsync();
            Assert.NotEmpty(markers);
            foreach (var marker in markers)
            {
                var box = await Geometry.BoxAsync(marker);
                Assert.True(box.Right - box.Left >= 24 && box.Bottom - box.Top >= 24, $"{site} at {page.Options.Label}: marker {box} is smaller than 24×24");
            }
            // The last character before each bracketed group sits on the same line as the group, next to it.
            var wrapped = await page.Page.EvaluateAsync<string[]>("""
                () => [...document.querySelectorAll('.section-body .claim > sup.citation')].flatMap(sup => {
                  const text = sup.previousSibling;
                  if (!text || text.nodeType !== Node.TEXT_NODE || !text.data.trim()) return [];
                  const end = text.data.trimEnd().length;
                  const range = document.createRange();
                  range.setStart(text, end - 1); range.setEnd(text, end);
                  const c = range.getBoundingClientRect(), s = sup.getBoundingClientRect();
                  const sameLine = s.top < c.bottom && c.top < s.bottom;
                  const next = Math.min(Math.abs(s.left - c.right), Math.abs(c.left - s.right)) < 16;
                  return sameLine && next ? [] : [text.data.slice(-20) + ' | ' + JSON.stringify([c.left, c.top, s.left, s.top])];
                })
                """);
            Assert.True(wrapped.Length == 0, $"{site} at {page.Options.Label}: markers wrapped away from their word:\n" + string.Join("\n", wrapped));
        }
    }

    [Theory]
    [MemberData(nameof(Sites.All), MemberType = typeof(Sites))]
    public async Task A_marker_of_an_unverified_source_shows_a_glyph_and_says_so_to_screen_readers(string report, string transport)
    {
        var site = browser.Site(report, transport);
        // The English fixture's unverified source (the dock worker) is cited in its first section.
        await using var page = await site.OpenAsync(report == BuiltReport.English ? "sections/quay.html" : site.Report.Section);
        var unverified = page.MarkersOf("unverified").First;
        Assert.Equal("◌", (await unverified.Locator(".cite-status").InnerTextAsync()).Trim());
        Assert.Equal("true", await unverified.Locator(".cite-status").GetAttributeAsync("aria-hidden"));
        var spoken = await unverified.EvaluateAsync<string>("a => a.querySelector('.visually-hidden').textContent");
        Assert.Contains(site.Report.RightToLeft ? "غير متحقق منه" : "Unverified", spoken);
        // A verified source's marker is just its number; a partially verified one has its own glyph.
        foreach (var verified in await page.MarkersOf("verified").AllAsync())
            Assert.Equal(0, await verified.Locator(".cite-status").CountAsync());
        foreach (var partial in await page.MarkersOf("partially-verified").AllAsync())
            Assert.Equal("◐", (await partial.Locator(".cite-status").InnerTextAsync()).Trim());
        // A claim resting only on unverified sources says it is weakly sourced, in words.
        var weak = page.Page.Locator(".section-body .claim-weak + .claim-weak-label").First;
        Assert.True(await weak.IsVisibleAsync(), $"{site}: no visible weakly-sourced label");
        Assert.Equal(site.Report.RightToLeft ? "مصادره ضعيفة" : "weakly sourced", (await weak.InnerTextAsync()).Trim());
    }

    public static TheoryData<string> Transports => [BrowserFixture.FileTransport, BrowserFixture.HttpTransport];

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_marker_of_a_disputed_or_retracted_source_shows_a_cross_and_its_card_the_status_and_note(string transport)
    {
        // The English fixture cites a disputed and a retracted source, each alone in its claim, in its first section.
        var site = browser.Site(BuiltReport.English, transport);
        await using var page = await site.OpenAsync("sections/quay.html");
        foreach (var (status, words, note) in new[]
        {
            ("disputed", "Disputed", "The company register contradicts the firm's account of its owners."),
            ("retracted", "Retracted", "Withdrawn by the newspaper on 1 April 2024: it named the wrong board member."),
        })
        {
            var where = $"{site}, the {status} source's marker";
            var marker = page.MarkersOf(status);
            Assert.Equal(1, await marker.CountAsync());
            Assert.Equal("✕", (await marker.Locator(".cite-status").InnerTextAsync()).Trim());
            Assert.Equal("true", await marker.Locator(".cite-status").GetAttributeAsync("aria-hidden"));
            Assert.Equal($"({words})", (await marker.EvaluateAsync<string>("a => a.querySelector('.visually-hidden').textContent")).Trim());

            // Its claim cites nothing else: it is labelled weakly sourced, in words, right after it.
            var claim = marker.Locator("xpath=ancestor::span[contains(concat(' ', @class, ' '), ' claim ')]");
            Assert.Contains("claim-weak", await claim.GetAttributeAsync("class") ?? "");
            var label = claim.Locator("xpath=following-sibling::*[1]");
            Assert.Equal("claim-weak-label", await label.GetAttributeAsync("class"));
            Assert.Equal("weakly sourced", (await label.InnerTextAsync()).Trim());

            var card = await page.OpenCardAsync(marker, CardOpening.Hover);
            Assert.Equal($"✕ {words}", (await card.Locator(".preview-status .status").InnerTextAsync()).Trim());
            Assert.Equal(note, (await card.Locator(".preview-status .preview-note").InnerTextAsync()).Trim());

            await page.AssertNoAxeViolationsAsync($"{where}, card open");
            await page.Page.Keyboard.PressAsync("Escape");
            await page.Page.Mouse.MoveAsync(2, 2);
            await page.WaitForCardClosedAsync();
        }
        await page.AssertNoAxeViolationsAsync($"{site} sections/quay.html");
        page.AssertOnlyLocalRequests();
    }

    [Theory]
    [MemberData(nameof(Sites.All), MemberType = typeof(Sites))]
    public async Task Show_claims_outlines_each_claim_and_its_link_button_copies_the_claim_url(string report, string transport)
    {
        var site = browser.Site(report, transport);
        await using var page = await site.OpenAsync(site.Report.Section);
        var claim = page.Page.Locator(".section-body .claim[id]").First;
        Assert.Equal("none", await claim.EvaluateAsync<string>("el => getComputedStyle(el).outlineStyle"));
        var toggle = page.Page.Locator(".claims-toggle");
        await toggle.ClickAsync();
        Assert.Equal("true", await toggle.GetAttributeAsync("aria-pressed"));
        Assert.Equal("dashed", await claim.EvaluateAsync<string>("el => getComputedStyle(el).outlineStyle"));

        if (transport == BrowserFixture.HttpTransport)
            await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = site.BaseUrl.GetLeftPart(UriPartial.Authority) });
        var button = claim.Locator(".claim-link");
        Assert.True(await button.IsVisibleAsync());
        await button.ClickAsync();
        var id = await claim.GetAttributeAsync("id");
        var expected = site.Url(site.Report.Section) + "#" + id;
        Assert.Equal(expected, await button.GetAttributeAsync("data-url"));
        if (transport == BrowserFixture.HttpTransport)
            Assert.Equal(expected, await page.Page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        // The status is written once the clipboard's promise settles (copied, or the fallback): wait for it, then read it.
        await page.Page.WaitForFunctionAsync("() => document.querySelector('.claims-status').textContent.trim() !== ''", null, new() { Timeout = 10_000 });
        Assert.NotEqual("", (await page.Page.Locator(".claims-status").InnerTextAsync()).Trim());

        await toggle.ClickAsync();
        Assert.Equal("none", await claim.EvaluateAsync<string>("el => getComputedStyle(el).outlineStyle"));
        Assert.False(await button.IsVisibleAsync());
    }

    private readonly record struct Colour(double R, double G, double B, double Alpha);

    private static Colour Rgb(string css)
    {
        var m = RgbPattern().Match(css);
        Assert.True(m.Success, $"not an rgb() colour: {css}");
        double Part(int i) => double.Parse(m.Groups[i].Value, CultureInfo.InvariantCulture);
        return new Colour(Part(1), Part(2), Part(3), m.Groups[4].Success ? Part(4) : 1);
    }

    private static double Contrast(Colour a, Colour b)
    {
        static double Channel(double c) => (c /= 255) <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        static double Luminance(Colour c) => 0.2126 * Channel(c.R) + 0.7152 * Channel(c.G) + 0.0722 * Channel(c.B);
        var (x, y) = (Luminance(a), Luminance(b));
        return (Math.Max(x, y) + 0.05) / (Math.Min(x, y) + 0.05);
    }

    [GeneratedRegex(@"rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+))?\s*\)")]
    private static partial Regex RgbPattern();
}
