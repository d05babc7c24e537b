using System.Text.Json;
using Microsoft.Playwright;

namespace ReportSite.BrowserTests.Support;

/// <summary>An element's box in CSS pixels relative to the viewport, and the viewport's size (without scrollbars).</summary>
public sealed record Box(double Left, double Top, double Right, double Bottom, double ViewportWidth, double ViewportHeight)
{
    public double CenterX => (Left + Right) / 2;

    /// <summary>Whether the element's top edge is on screen (a tall element may go on below). Scrolling to an element
    /// lands on a whole device pixel, so its top may be up to a pixel above the viewport's edge.</summary>
    public bool TopInsideViewport => Top > -1 && Top < ViewportHeight;

    public bool InsideViewport => Left >= 0 && Top >= 0 && Right <= ViewportWidth && Bottom <= ViewportHeight;

    public override string ToString() =>
        $"[left {Left:0.#}, top {Top:0.#}, right {Right:0.#}, bottom {Bottom:0.#}] in a {ViewportWidth:0}×{ViewportHeight:0} viewport";
}

public static class Geometry
{
    private const string BoxScript = """
        el => {
          const r = el.getBoundingClientRect();
          const d = document.documentElement;
          return [r.left, r.top, r.right, r.bottom, d.clientWidth, d.clientHeight];
        }
        """;

    /// <summary>The bottom edge of whatever stays stuck to the top of the viewport (a sticky or fixed header), or 0.</summary>
    private const string StuckTopScript = """
        () => {
          let bottom = 0;
          for (const el of document.body.querySelectorAll('*')) {
            const position = getComputedStyle(el).position;
            if (position !== 'sticky' && position !== 'fixed') continue;
            const r = el.getBoundingClientRect();
            if (r.height > 0 && r.top <= 1 && r.bottom > 0 && r.height < innerHeight / 2) bottom = Math.max(bottom, r.bottom);
          }
          return bottom;
        }
        """;

    public static async Task<Box> BoxAsync(ILocator element)
    {
        var v = await element.EvaluateAsync<double[]>(BoxScript);
        return new Box(v[0], v[1], v[2], v[3], v[4], v[5]);
    }

    public static Task<double> StuckHeaderBottomAsync(IPage page) => page.EvaluateAsync<double>(StuckTopScript);

    /// <summary>The id of the element the URL's fragment targets (<c>:target</c>), or null.</summary>
    public static async Task<string?> TargetIdAsync(IPage page)
    {
        var id = await page.EvaluateAsync<JsonElement>("() => document.querySelector(':target')?.id ?? null");
        return id.ValueKind == JsonValueKind.String ? id.GetString() : null;
    }
}
