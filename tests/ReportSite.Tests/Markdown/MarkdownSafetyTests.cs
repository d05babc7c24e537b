using ReportSite.Diagnostics;
using ReportSite.Safety;
using ReportSite.Tests.Support;

namespace ReportSite.Tests.Markdown;

public sealed class MarkdownSafetyTests
{
    private static TempReport ReportWith(string body) => new TempReport()
        .Write("sources/a.yml", "id: a\ntype: report\ntitle: A\n")
        .Write("sections/01-s.md", "---\ntitle: S\n---\n" + body);

    [Theory]
    [InlineData("javascript:alert(1)", "javascript")]
    [InlineData("JavaScript:alert(1)", "javascript")]
    [InlineData("java\tscript:alert(1)", "javascript")]
    [InlineData(" vbscript:msgbox", "vbscript")]
    [InlineData("data:text/html;base64,PHNjcmlwdD4=", "data")]
    [InlineData("file:///etc/passwd", "file")]
    public void Refused_schemes_are_recognised_as_a_browser_reads_them(string url, string scheme)
    {
        Assert.Equal(scheme, UrlPolicy.SchemeOf(url));
        Assert.False(UrlPolicy.IsAllowed(url));
    }

    [Theory]
    [InlineData("https://example.org/a")]
    [InlineData("http://example.org")]
    [InlineData("mailto:desk@example.org")]
    [InlineData("../sources/a.html")]
    [InlineData("#claim-x")]
    [InlineData("page.html?x=a:b")]
    [InlineData("documents/a:b.pdf")]
    public void Web_and_relative_urls_are_allowed(string url) => Assert.True(UrlPolicy.IsAllowed(url));

    [Theory]
    [InlineData("A claim [@a]. [click](javascript:alert(1))", 4, 15)]
    [InlineData("A claim [@a]. ![x](data:image/svg+xml,abc)", 4, 15)]
    [InlineData("A claim [@a]. [x](java&#x09;script:alert(1))", 4, 15)]
    [InlineData("A claim [@a]. <a href=\"javascript:alert(1)\">x</a>", 4, 15)]
    [InlineData("A claim [@a].\n\n<div><img src='vbscript:x'></div>\n", 6, 6)] // at the <img> itself
    public void Refused_urls_in_markdown_are_errors_at_their_position(string body, int line, int column)
    {
        using var report = ReportWith(body);
        var result = report.Build();
        result.Single(DiagnosticCodes.UnsafeMarkdownUrl, "input/sections/01-s.md", line, column);
        Assert.False(result.Written);
    }

    [Theory]
    // Markdig's inline offsets drift after a tab in a heading; the diagnostics must not (the link is at line 6).
    [InlineData("A claim [@a].\n\n## \tTitle [x](javascript:alert(1))\n", 6, 11)]
    [InlineData("A claim [@a].\n\n##\t\tH ![y](<javascript:w>)\n", 6, 7)]
    [InlineData("A claim [@a].\n\n##\t\tH <javascript:w>\n", 6, 7)]
    [InlineData("A claim [@a].\n\n## \tT <a href='javascript:x'>a</a>\n", 6, 7)]
    [InlineData("A claim [@a]. [same](https://x.org) [same](javascript:x)\n", 4, 37)] // the second of two links
    public void Refused_urls_after_a_tab_are_located_by_their_text(string body, int line, int column)
    {
        using var report = ReportWith(body);
        report.Build().Single(DiagnosticCodes.UnsafeMarkdownUrl, "input/sections/01-s.md", line, column);
    }

    [Fact]
    public void An_event_handler_after_a_tab_in_a_heading_is_located_by_its_text()
    {
        using var report = ReportWith("A claim [@a].\n\n##\t\tH <b onclick=\"x\">b</b>\n");
        report.Build().Single(DiagnosticCodes.ScriptInMarkdown, "input/sections/01-s.md", 6, 7);
    }

    [Fact]
    public void Comments_and_closing_tags_are_inert_but_the_tags_around_them_are_read()
    {
        using var report = ReportWith("A claim [@a]. <!-- <img src=x onerror=alert(1)> --> <b onclick=\"x\">b</b> <i>i</i>\n");
        var result = report.Build();
        var warning = result.Single(DiagnosticCodes.ScriptInMarkdown, "input/sections/01-s.md", 4, 53);
        Assert.Contains("'onclick'", warning.Message);
    }

    [Fact]
    public void A_script_in_raw_html_is_a_warning()
    {
        using var report = ReportWith("A claim [@a].\n\n<script>alert(1)</script>\n");
        var result = report.Build();
        var warning = result.Single(DiagnosticCodes.ScriptInMarkdown, "input/sections/01-s.md", 6, 1);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.True(result.Written);
    }

    [Theory]
    [InlineData("<img src=\"x.png\" onerror=\"alert(1)\">")]
    [InlineData("<div onmouseover='alert(1)'>x</div>")]
    public void An_event_handler_in_raw_html_is_a_warning(string html)
    {
        using var report = ReportWith("A claim [@a].\n\n" + html + "\n");
        var warning = report.Build().Single(DiagnosticCodes.ScriptInMarkdown, "input/sections/01-s.md", 6, 1);
        Assert.Contains("event handler", warning.Message);
    }

    [Fact]
    public void A_meta_refresh_to_javascript_is_refused()
    {
        using var report = ReportWith("A claim [@a].\n\n<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">\n");
        report.Build().Single(DiagnosticCodes.UnsafeMarkdownUrl, "input/sections/01-s.md", 6, 1);
    }

    // ───────────────────────── raw HTML read as a browser reads the page ─────────────────────────

    private const string FrontMatter = "---\ntitle: S\n---\n";
    private const string File01 = "input/sections/01-s.md";

    /// <summary>Line and column in the section file of the <paramref name="nth"/> occurrence of <paramref name="needle"/> in <paramref name="body"/>.</summary>
    private static (int Line, int Column) Where(string body, string needle, int nth = 0)
    {
        var text = FrontMatter + body;
        var at = -1;
        for (var i = 0; i <= nth; i++) at = text.IndexOf(needle, at + 1, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{needle}' is not in the test's input");
        var lineStart = text.LastIndexOf('\n', Math.Max(at - 1, 0)) + 1;
        return (text[..at].Count(c => c == '\n') + 1, at - lineStart + 1);
    }

    private static Diagnostic ExpectAt(string body, string code, string needle, int nth = 0)
    {
        using var report = ReportWith(body);
        var result = report.Build();
        var (line, column) = Where(body, needle, nth);
        var diagnostic = result.Single(code, File01, line, column);
        Assert.Equal(code is DiagnosticCodes.UnsafeMarkdownUrl or DiagnosticCodes.RawHtmlSwallowsPage ? Severity.Error : Severity.Warning, diagnostic.Severity);
        Assert.Equal(diagnostic.Severity != Severity.Error, result.Written);
        return diagnostic;
    }

    // The same raw HTML as a block, inline after text, in a list item, a quote and a table cell: each is found at its place.
    public static IEnumerable<object[]> Containers() =>
    [
        ["{0}\n"], ["Text [@a] {0} more.\n"], ["- item\n- an item {0}\n"], ["> quoted\n> {0}\n"], ["| a | b |\n| - | - |\n| x | {0} |\n"],
    ];

    [Theory]
    [MemberData(nameof(Containers))]
    public void An_iframe_srcdoc_is_read_as_the_document_it_is(string container)
    {
        foreach (var (html, code) in new[]
                 {
                     ("<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>", DiagnosticCodes.ScriptInMarkdown),
                     ("<iframe srcdoc=\"&lt;img src=x onerror=alert(1)&gt;\"></iframe>", DiagnosticCodes.ScriptInMarkdown),
                     ("<iframe srcdoc='&#60;a href=&#34;jav&amp;#x61;script:x&#34;&#62;x&#60;/a&#62;'></iframe>", DiagnosticCodes.UnsafeMarkdownUrl),
                     ("<iframe srcdoc=\"<iframe srcdoc='&lt;script&gt;x&lt;/script&gt;'></iframe>\"></iframe>", DiagnosticCodes.ScriptInMarkdown),
                 })
        {
            var body = "A claim [@a].\n\n" + string.Format(container, html);
            Assert.Contains("in <iframe srcdoc>", ExpectAt(body, code, "<iframe").Message);
        }
    }

    [Fact]
    public void A_harmless_iframe_srcdoc_gives_no_diagnostic()
    {
        using var report = ReportWith("A claim [@a].\n\n<iframe srcdoc=\"<p>A <b>static</b> page <a href='https://example.org'>x</a></p>\"></iframe>\n");
        Assert.Empty(report.Build().Diagnostics);
    }

    [Theory]
    [MemberData(nameof(Containers))]
    public void Markup_after_a_comment_closed_with_bang_is_read(string container)
    {
        // A browser ends a comment at "--!>"; the Markdown parser reads the comment on to "-->".
        var body = "A claim [@a].\n\n" + string.Format(container, "<!-- x --!><img src=x onerror=alert(1)> -->");
        ExpectAt(body, DiagnosticCodes.ScriptInMarkdown, "<img");
    }

    [Theory]
    [InlineData("textarea")]
    [InlineData("title")]
    [InlineData("style")]
    [InlineData("xmp")]
    [InlineData("iframe")]
    [InlineData("noembed")]
    [InlineData("noframes")]
    [InlineData("noscript")] // raw text when scripting is on
    public void A_tag_that_only_looks_quoted_after_a_raw_text_element_is_read(string element)
    {
        // Inside <textarea> (and the like) '<a title="' is text: the <img> after its end tag is a real element.
        var body = $"A claim [@a]. <{element}> <a title=\"</{element}><img src=x onerror=alert(1)>\">x</a>\n";
        ExpectAt(body, DiagnosticCodes.ScriptInMarkdown, "<img");
        var split = $"A claim [@a].\n\n- <{element}>\n  <a title=\"</{element}><img src=x\n  onerror=alert(1)>\">x</a>\n";
        ExpectAt(split, DiagnosticCodes.ScriptInMarkdown, "<img");
    }

    [Theory]
    [InlineData("<textarea><img src=x onerror=alert(1)></textarea>")]
    [InlineData("<title><script>alert(1)</script></title>")]
    [InlineData("<style>a { color: red } /* <img src=x onerror=alert(1)> */</style>")]
    [InlineData("<p title=\"<img src=x onerror=alert(1)>\">x</p>")]
    [InlineData("<!-- <a href=\"javascript:alert(1)\">x</a> -->")]
    public void Markup_that_a_browser_reads_as_text_is_not_reported(string html)
    {
        using var report = ReportWith("A claim [@a].\n\n" + html + "\n");
        Assert.Empty(report.Build().Diagnostics);
    }

    [Fact]
    public void Noscript_is_read_both_ways()
    {
        // Scripting on: the <img> is out of the <noscript>; scripting off: the <a> is an element.
        ExpectAt("A claim [@a].\n\n<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>\n",
            DiagnosticCodes.ScriptInMarkdown, "<img");
        ExpectAt("A claim [@a].\n\n<noscript><a href=\"javascript:alert(1)\">x</a></noscript>\n", DiagnosticCodes.UnsafeMarkdownUrl, "<a");
    }

    [Theory]
    [InlineData("<svg><a><animate attributeName=\"href\" values=\"https://example.org;javascript:alert(1)\"/><text y=\"20\">x</text></a></svg>", "<animate")]
    [InlineData("<svg><a><set attributeName=\"xlink:href\" to=\"jav&#x61;script:alert(1)\"/><text>x</text></a></svg>", "<set")]
    [InlineData("<svg><a><animate attributeName=\" href \" from=\"data:text/html,x\" to=\"#\"/></a></svg>", "<animate")]
    [InlineData("<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>", "<a")]
    [InlineData("<svg><use href=\"data:image/svg+xml;base64,PHN2Zz4=\"/></svg>", "<use")]
    [InlineData("<math><mi href=\"javascript:alert(1)\">x</mi></math>", "<mi")]
    [InlineData("<form action=\"javascript:alert(1)\"><button>x</button></form>", "<form")]
    [InlineData("<form><button formaction=\"javascript:alert(1)\">x</button></form>", "<button")]
    [InlineData("<img srcset=\"a.png 1x, javascript:alert(1) 2x\">", "<img")]
    public void Refused_urls_in_svg_mathml_forms_and_srcset_are_errors(string html, string element)
    {
        foreach (var container in Containers().Select(c => (string)c[0]))
            ExpectAt("A claim [@a].\n\n" + string.Format(container, html), DiagnosticCodes.UnsafeMarkdownUrl, element);
    }

    [Theory]
    [InlineData("> quoted <a\n> href=\"javascript:alert(1)\">x</a>\n", "<a", DiagnosticCodes.UnsafeMarkdownUrl)]
    [InlineData("- item <b\n  title=\"x\"\n  onclick=\"alert(1)\">b</b>\n", "<b", DiagnosticCodes.ScriptInMarkdown)]
    [InlineData("> <div>\n> <p>x</p>\n>   <img src=x onerror=alert(1)>\n> </div>\n", "<img", DiagnosticCodes.ScriptInMarkdown)]
    [InlineData("1. <div>\n   <p>x</p>\n   <a xlink:href=\"javascript:alert(1)\">y</a>\n   </div>\n", "<a", DiagnosticCodes.UnsafeMarkdownUrl)]
    public void An_element_on_a_later_line_of_raw_html_in_a_container_is_located_on_its_line(string html, string needle, string code) =>
        ExpectAt("A claim [@a].\n\n" + html, code, needle);

    [Theory]
    [InlineData("0; javascript:alert(1)")]
    [InlineData("0;URL = 'javascript:alert(1)'")]
    [InlineData("0 javascript:alert(1)")]
    [InlineData("0,url=javascript:alert(1)")]
    [InlineData("  1.5 ;  \"jav&#x61;script:alert(1)\"")]
    public void A_meta_refresh_url_is_read_as_browsers_read_it(string content)
    {
        var body = $"A claim [@a].\n\n<meta http-equiv=\"Refresh\" content=\"{content.Replace("\"", "&quot;")}\">\n";
        ExpectAt(body, DiagnosticCodes.UnsafeMarkdownUrl, "<meta");
        using var report = ReportWith(body);
        report.Build().Single(DiagnosticCodes.ScriptInMarkdown, File01, 6, 1);
    }

    [Theory]
    [InlineData("0; url=https://example.org", "https://example.org")]
    [InlineData("0;URL = \"a.html\" rest", "a.html")]
    [InlineData("5, 'x y'", "x y")]
    [InlineData("3 urx", "urx")]
    [InlineData("0;url", "url")]
    [InlineData("7", null)]
    [InlineData("x; url=javascript:y", null)] // no time: browsers ignore it
    [InlineData("7x url=javascript:y", null)]
    public void Meta_refresh_content_follows_the_shared_declarative_refresh_steps(string content, string? url) =>
        Assert.Equal(url, MetaRefresh.UrlOf(content));

    [Theory]
    [InlineData("<object data=\"https://example.org/a.swf\"></object>", "<object")]
    [InlineData("<embed src=\"https://example.org/a.svg\">", "<embed")]
    [InlineData("<svg><script href=\"https://example.org/a.js\"/></svg>", "<script")]
    [InlineData("<template shadowrootmode=\"open\"><img src=x onerror=alert(1)></template>", "<img")]
    [InlineData("<svg onload=alert(1)></svg>", "<svg")]
    [InlineData("<svg><circle r=\"1\"/></svg> <math><mi>x</mi></math> <svg><svg onload=alert(1)></svg></svg>", "<svg", 2)]
    [InlineData("<math><mi xlink:href=\"#a\">x</mi></math><math onclick=alert(1)></math>", "<math", 1)]
    public void Script_equivalents_are_warnings(string html, string element, int nth = 0) =>
        ExpectAt("A claim [@a].\n\n" + html + "\n", DiagnosticCodes.ScriptInMarkdown, element, nth);

    [Theory]
    [InlineData("> <div class=\"box\">\n\nAfter the quote.\n")]
    [InlineData("- <div>\n- <section><p>x\n")]
    [InlineData("<div>\n\n*Markdown* inside.\n\n</div>\n")]
    public void Raw_html_closed_where_the_markdown_closes_it_is_not_reported(string html)
    {
        using var report = ReportWith("A claim [@a].\n\n" + html);
        Assert.Empty(report.Build().Diagnostics);
    }

    [Theory]
    [InlineData("<body onload=\"alert(1)\">", DiagnosticCodes.ScriptInMarkdown)]
    [InlineData("<body onload=\"alert(1)\">", DiagnosticCodes.RawHtmlOutsideSection)]
    [InlineData("<html xmlns:x=\"y\" style=\"background:url(javascript:x)\">", DiagnosticCodes.RawHtmlOutsideSection)]
    [InlineData("<base href=\"https://example.org/\">", DiagnosticCodes.RawHtmlOutsideSection)]
    public void Raw_html_that_changes_the_page_itself_is_reported(string html, string code) =>
        ExpectAt("A claim [@a].\n\nText.\n\n" + html + "\n", code, html[..5]);

    [Theory]
    [InlineData("<textarea>\n", "<textarea", "<textarea>")]
    [InlineData("Some text <title>and more\n", "<title", "<title>")]
    [InlineData("<style>\np { color: red }\n", "<style", "<style>")]
    [InlineData("<xmp>\n", "<xmp", "<xmp>")]
    [InlineData("<iframe>\n", "<iframe", "<iframe>")]
    [InlineData("<noembed>\n", "<noembed", "<noembed>")]
    [InlineData("<noframes>\n", "<noframes", "<noframes>")]
    [InlineData("<noscript><p>Enable scripts\n", "<noscript", "<noscript>")]
    [InlineData("<plaintext>\n", "<plaintext", "<plaintext>")]
    [InlineData("<!-- a note to self\n\nthat runs on\n", "<!--", "comment")]
    [InlineData("- item\n- <!-- a note\n- next\n", "<!--", "comment")]
    [InlineData("Text <!-- not a comment: Markdown escapes it\n\n<!--\n", "<!--", "comment", 1)]
    [InlineData("<div title=\"x\n\nMore.\n", "<div", "<div>")]
    [InlineData("> <textarea>\n", "<textarea", "<textarea>")]
    [InlineData("<select>\n", "<select", "<select>")] // drops the page's elements, keeps their text
    [InlineData("<template>\n", "<template", "<template>")] // a template's contents are never shown
    public void Raw_html_that_swallows_the_rest_of_the_page_is_an_error(string html, string needle, string named, int nth = 0)
    {
        var body = "A claim [@a].\n\n" + html;
        var error = ExpectAt(body, DiagnosticCodes.RawHtmlSwallowsPage, needle, nth);
        Assert.Contains(named, error.Message);
        Assert.Contains("the rest of the page", error.Message);
    }

    [Theory]
    [InlineData("<div class=\"box\">\n\nText.\n", "<div")]
    [InlineData("<table><tr><td>x</td></tr>\n", "<table")]
    [InlineData("- <table><tr><td>x\n", "<table")] // a table cell is not closed by the end of the list item
    [InlineData("A claim [@a]. <b>bold and never closed.\n\nNext.\n", "<b>")]
    [InlineData("<a href=\"https://example.org\">x\n\nMore.\n", "<a")]
    [InlineData("<a href=\"https://example.org\">x <math>[l](https://example.org)</math> y\n", "<a")] // the link in <math> is MathML's <a>
    [InlineData("<select><option>x\n", "<select")]
    [InlineData("<div>a</div>\n</div>\n\nText after.\n", "</div>")]
    [InlineData("Text.\n\n</article>\n", "</article>")]
    [InlineData("</main>\n", "</main>")]
    public void Raw_html_that_leaves_elements_open_or_closes_the_pages_is_a_warning(string html, string needle)
    {
        var body = "A claim [@a].\n\n" + html;
        // The needle's last occurrence: the unclosed or extra one.
        var nth = (FrontMatter + body).Split(needle).Length - 2;
        ExpectAt(body, DiagnosticCodes.RawHtmlOutsideSection, needle, nth);
    }

    [Fact]
    public void The_html_reports_use_gives_no_diagnostic()
    {
        using var report = ReportWith("""
            A claim [@a].

            <table>
              <caption>Casualties <abbr title="by month">/mo</abbr></caption>
              <thead><tr><th>Month</th><th>Count<sup>1</sup></th></tr></thead>
              <tbody><tr><td>May</td><td>12</td></tr></tbody>
            </table>

            <details>
            <summary>Method</summary>

            We counted *twice*, pressing <kbd>Ctrl</kbd>+<kbd>F</kbd>.<br>
            Then again.

            </details>

            <figure>
              <img src="https://example.org/map.png" srcset="https://example.org/map@2x.png 2x, map.png 1x" alt="Map" width="600">
              <figcaption>The area <a href="../sources/a.html" title="source">source</a>, <a href="mailto:desk@example.org">desk</a>.</figcaption>
            </figure>

            <svg width="10" height="10" viewBox="0 0 10 10"><a href="#claim"><circle cx="5" cy="5" r="4"/></a><animate attributeName="r" values="1;4"/></svg>

            <meta http-equiv="content-language" content="en"> <span>x</span> <!-- note --> </body> </html>
            """ + "\n");
        var result = report.Build();
        Assert.Empty(result.Diagnostics);
        Assert.True(result.Written);
    }

    [Fact]
    public void A_citation_that_closes_no_text_is_a_warning()
    {
        using var report = ReportWith("A claim [@a].\n\n[@a]\n");
        var result = report.Build();
        result.Single(DiagnosticCodes.CitationWithoutClaim, "input/sections/01-s.md", 6, 1);
    }

    [Fact]
    public void Adjacent_groups_support_one_claim()
    {
        using var report = new TempReport()
            .Write("sources/a.yml", "- id: a\n  type: report\n  title: A\n- id: b\n  type: report\n  title: B\n")
            .Write("sections/01-s.md", "---\ntitle: S\n---\nOne claim [@a] [@b].\n");
        var result = report.Build();
        Assert.Empty(result.Diagnostics);
        Assert.Equal(1, result.Stats.Claims);
        Assert.Equal(2, result.Stats.Citations);
        var json = report.ReadOutput("claims.json");
        Assert.Contains("\"text\": \"One claim\"", json);
    }
}
