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
