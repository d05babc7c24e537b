using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using ReportSite.Urls;

namespace ReportSite.Tests.Urls;

/// <summary>
/// A fragment rendered for sections/a.html moved onto report.html: ids scoped "a--", references to them scoped the same,
/// relative URLs re-based, absolute ones kept; whatever the markup, template contents included.
/// </summary>
public sealed class RelocatedHtmlTests
{
    private static string Move(string html) => RelocatedHtml.Move(html, "sections/a.html", "report.html", "a");

    private static IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument("<!DOCTYPE html><body>" + html);

    private static readonly MovedPages Report = new(
        new Dictionary<string, string> { ["sections/a.html"] = "a", ["sections/01-a.md"] = "a", ["sections/b.html"] = "b", ["sections/02-b.md"] = "b" },
        new Dictionary<string, string> { ["claim-x"] = "a", ["claim-y"] = "b" });

    [Theory]
    [InlineData("b.html", "#b")] // another section on the page: its element
    [InlineData("b.html#details", "#b--details")]
    [InlineData("../sections/b.html#claim-y", "#b--claim-y")]
    [InlineData("02-b.md", "#b")] // its Markdown file, as an author may link it
    [InlineData("a.html", "#a")] // the old page itself, without a fragment
    [InlineData("#claim-y", "#b--claim-y")] // a claim of another section, by its id alone
    [InlineData("#claim-x", "#a--claim-x")]
    [InlineData("#other", "#a--other")]
    [InlineData("b.html?q", "sections/b.html?q")] // a query asks the page itself
    [InlineData("c.html#z", "sections/c.html#z")] // a page not on this one
    [InlineData("../sources/b.html", "sources/b.html")]
    public void A_link_to_another_fragment_on_the_page_stays_on_it(string href, string expected)
    {
        var html = RelocatedHtml.Move($"<a href=\"{href}\">l</a>", "sections/a.html", "report.html", "a", moved: Report);
        Assert.Equal(expected, Parse(html).QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public void Ids_and_anchor_names_are_scoped()
    {
        var page = Parse(Move("<p id=\"claim-x\">A <a name=\"old\">b</a></p><li id=\"source-3\"></li><input name=\"q\">"));
        Assert.NotNull(page.GetElementById("a--claim-x"));
        Assert.NotNull(page.GetElementById("a--source-3"));
        Assert.Equal("a--old", page.QuerySelector("a")!.GetAttribute("name"));
        Assert.Equal("q", page.QuerySelector("input")!.GetAttribute("name")); // a form field's name is not an anchor
    }

    [Theory]
    [InlineData("#source-3", "#a--source-3")]
    [InlineData("#", "#")] // the top of the page, on any page
    [InlineData("a.html#claim-x", "#a--claim-x")] // the old page itself: now its part of this one
    [InlineData("../sections/a.html#claim-x", "#a--claim-x")]
    [InlineData("a.html", "sections/a.html")]
    [InlineData("?x", "sections/a.html?x")]
    [InlineData("?x#y", "sections/a.html?x#y")]
    [InlineData("b.html#claim-y", "sections/b.html#claim-y")] // another page: its own fragment
    [InlineData("../sources/a.html#b", "sources/a.html#b")]
    [InlineData("../sources/a~b.html", "sources/a~b.html")]
    [InlineData("./../documents/%D9%85%D8%B3%D8%AA%D9%86%D8%AF%201.pdf", "documents/%D9%85%D8%B3%D8%AA%D9%86%D8%AF%201.pdf")]
    [InlineData("../../../x.html", "x.html")] // above the root, as a browser reads it
    [InlineData("../documents/", "documents/")]
    [InlineData("https://example.org/a.html#b", "https://example.org/a.html#b")]
    [InlineData("//example.org/a", "//example.org/a")]
    [InlineData("/root.html", "/root.html")]
    [InlineData("mailto:a@example.org", "mailto:a@example.org")]
    [InlineData("data:text/plain,a", "data:text/plain,a")]
    public void Links_are_re_based_or_scoped(string href, string expected) =>
        Assert.Equal(expected, Parse(Move($"<a href=\"{href}\">x</a>")).QuerySelector("a")!.GetAttribute("href"));

    [Fact]
    public void Every_url_attribute_is_re_based()
    {
        var page = Parse(Move("<img src=\"../documents/a.png\" srcset=\"../documents/a.png 1x, ../documents/b.png 2x\" alt=\"\">"
                              + "<blockquote cite=\"../sources/q.html\"></blockquote><video poster=\"p.png\"></video>"));
        Assert.Equal("documents/a.png", page.QuerySelector("img")!.GetAttribute("src"));
        Assert.Equal("documents/a.png 1x, documents/b.png 2x", page.QuerySelector("img")!.GetAttribute("srcset"));
        Assert.Equal("sources/q.html", page.QuerySelector("blockquote")!.GetAttribute("cite"));
        Assert.Equal("sections/p.png", page.QuerySelector("video")!.GetAttribute("poster"));
    }

    [Fact]
    public void Id_references_are_scoped()
    {
        var page = Parse(Move("<label for=\"f\">x</label><input id=\"f\" aria-describedby=\"d1  d2\">"
                              + "<button aria-controls=\"p\" aria-labelledby=\"l\">b</button><table><tr><td headers=\"h1 h2\">c</td></tr></table>"));
        Assert.Equal("a--f", page.QuerySelector("label")!.GetAttribute("for"));
        Assert.Equal("a--d1 a--d2", page.QuerySelector("input")!.GetAttribute("aria-describedby"));
        Assert.Equal("a--p", page.QuerySelector("button")!.GetAttribute("aria-controls"));
        Assert.Equal("a--l", page.QuerySelector("button")!.GetAttribute("aria-labelledby"));
        Assert.Equal("a--h1 a--h2", page.QuerySelector("td")!.GetAttribute("headers"));
    }

    [Fact]
    public void Svg_references_are_scoped()
    {
        var html = Move("<svg><defs><linearGradient id=\"g\"></linearGradient></defs><rect fill=\"url(#g)\" style=\"stroke: url('#g')\"/>"
                        + "<use href=\"#g\"/><use xlink:href=\"#g\"/></svg>");
        Assert.Contains("id=\"a--g\"", html);
        Assert.Contains("fill=\"url(#a--g)\"", html);
        Assert.Contains("url('#a--g')", html);
        Assert.DoesNotContain("\"#g\"", html);
        Assert.Equal(2, html.Split("\"#a--g\"").Length - 1);
    }

    [Fact]
    public void Template_contents_are_moved_too_even_nested()
    {
        var html = Move("<li id=\"source-1\"><template><div id=\"card\"><a href=\"../sources/s.html\">s</a>"
                        + "<template><a href=\"#source-1\" id=\"inner\">back</a></template></div></template></li>");
        var page = Parse(html);
        var outer = (IHtmlTemplateElement)page.QuerySelector("template")!;
        Assert.NotNull(outer.Content.QuerySelector("#a--card"));
        Assert.Equal("sources/s.html", outer.Content.QuerySelector("a")!.GetAttribute("href"));
        var inner = (IHtmlTemplateElement)outer.Content.QuerySelector("template")!;
        Assert.Equal("#a--source-1", inner.Content.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("a--inner", inner.Content.QuerySelector("a")!.GetAttribute("id"));
    }

    [Fact]
    public void Hostile_values_stay_inside_their_attribute()
    {
        var html = Move("<p id='x\"&gt;&lt;script&gt;alert(1)&lt;/script&gt;' title=\"&quot;'&lt;\">t</p><a href='#\"onclick=\"alert(1)'>y</a>");
        var page = Parse(html);
        Assert.Empty(page.QuerySelectorAll("script"));
        var p = page.QuerySelector("p")!;
        Assert.Equal("a--x\"><script>alert(1)</script>", p.Id);
        Assert.Equal("\"'<", p.GetAttribute("title"));
        var a = page.QuerySelector("a")!;
        Assert.Null(a.GetAttribute("onclick"));
        Assert.Equal("#a--\"onclick=\"alert(1)", a.GetAttribute("href"));
    }

    [Fact]
    public void Text_comments_and_raw_text_are_kept()
    {
        var html = Move("<p>a &amp; b &lt;c&gt; <!-- note --></p><pre>  x\n y</pre><code>#id</code>");
        Assert.Contains("a &amp; b &lt;c&gt; <!-- note -->", html);
        Assert.Contains("<pre>  x\n y</pre>", html);
        Assert.Contains("<code>#id</code>", html);
    }

    [Fact]
    public void From_the_root_to_a_folder_the_other_way()
    {
        var html = RelocatedHtml.Move("<a href=\"sources/a.html\">a</a><a href=\"#x\" id=\"x\">x</a>", "index.html", "claims/index.html", "cover");
        var page = Parse(html);
        Assert.Equal("../sources/a.html", page.QuerySelectorAll("a")[0].GetAttribute("href"));
        Assert.Equal("#cover--x", page.QuerySelectorAll("a")[1].GetAttribute("href"));
        Assert.Equal("cover--x", page.QuerySelectorAll("a")[1].Id);
    }

    [Fact]
    public void Headings_go_down_a_level_when_asked_keeping_their_ids_and_content()
    {
        var html = RelocatedHtml.Move("<h2 id=\"x\" class=\"c\">A <em>b</em></h2><h6>z</h6><template><h3>t</h3></template>", "sections/a.html", "report.html", "a", headingShift: 1);
        Assert.StartsWith("<h3 id=\"a--x\" class=\"c\">A <em>b</em></h3><h6>z</h6>", html);
        Assert.Contains("<template><h4>t</h4></template>", html);
        Assert.StartsWith("<h2", Move("<h2>A</h2>"));
    }
}
