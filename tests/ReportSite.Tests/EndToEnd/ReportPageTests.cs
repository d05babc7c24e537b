using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using ReportSite.Diagnostics;
using ReportSite.Tests.Support;

namespace ReportSite.Tests.EndToEnd;

/// <summary>report.html: every section in order on one page, each with its body and its numbered sources, ids scoped
/// by the section so none collide, every in-page link resolving, every other link re-based to the site root.</summary>
public sealed class ReportPageTests
{
    private static TempReport Report() => new TempReport()
        .Write("sources/a.yml", "- id: a\n  type: report\n  title: Report A\n  url: https://example.org/a\n- id: b\n  type: book\n  title: Book B\n")
        .Write("sections/01-one.md", "---\ntitle: One\n---\nFirst claim [@a, p. 4; @b].\n\n## Details\n\nSecond claim [@b]. See [two](two.html).\n")
        .Write("sections/02-two.md", "---\ntitle: Two\n---\nThird claim [@b].\n\n## Details\n\nFourth claim [@a].\n");

    private static IHtmlDocument Built(TempReport report)
    {
        var result = report.Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Empty(result.Diagnostics);
        return new HtmlParser().ParseDocument(report.ReadOutput("report.html"));
    }

    [Fact]
    public void Every_section_is_there_in_order_with_its_body_and_sources()
    {
        using var report = Report();
        var page = Built(report);
        var sections = page.QuerySelectorAll("section.report-section").ToList();
        Assert.Equal(["one", "two"], sections.Select(s => s.Id));
        Assert.Equal(["One", "Two"], sections.Select(s => s.QuerySelector("h2")!.TextContent.Trim()));
        Assert.Contains("First claim", sections[0].QuerySelector(".section-body")!.TextContent);
        Assert.Contains("Fourth claim", sections[1].QuerySelector(".section-body")!.TextContent);
        // Each section keeps its own numbering: source 1 of "one" is A, source 1 of "two" is B.
        Assert.Contains("Report A", sections[0].QuerySelector("[id='one--source-1']")!.TextContent);
        Assert.Contains("Book B", sections[1].QuerySelector("[id='two--source-1']")!.TextContent);
        // Claims keep their ids, scoped: report.html#one--claim-… is the claim.
        var claim = sections[0].QuerySelector(".claim")!;
        Assert.StartsWith("one--claim-one-", claim.Id);
    }

    [Fact]
    public void Ids_are_unique_and_every_in_page_link_resolves()
    {
        using var report = Report();
        var page = Built(report);
        var ids = page.All.Select(e => e.Id).Where(id => !string.IsNullOrEmpty(id)).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        foreach (var link in page.QuerySelectorAll("a[href^='#']"))
        {
            var id = Uri.UnescapeDataString(link.GetAttribute("href")![1..]);
            Assert.True(page.GetElementById(id) is not null, $"report.html: no element for {link.OuterHtml}");
        }
        foreach (var labelled in page.QuerySelectorAll("[aria-labelledby]"))
            Assert.NotNull(page.GetElementById(labelled.GetAttribute("aria-labelledby")!));
    }

    [Fact]
    public void Links_lead_where_they_led_from_the_section_page()
    {
        using var report = Report();
        var page = Built(report);
        var hrefs = page.QuerySelectorAll("main a[href]").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Contains("sources/a.html", hrefs);
        Assert.Contains("sections/one.html", hrefs); // each section's own page
        Assert.DoesNotContain(hrefs, h => h.StartsWith("../", StringComparison.Ordinal));
        foreach (var href in hrefs.Where(h => !h.StartsWith('#') && !h.Contains(':')))
            Assert.True(File.Exists(Path.Combine(report.Output, href.Split('#')[0])), $"report.html links to a missing {href}");
    }

    [Fact]
    public void A_link_to_another_section_goes_to_its_place_on_report_html()
    {
        using var report = new TempReport()
            .Write("sources/a.yml", "id: a\ntype: report\ntitle: A\n")
            .Write("sections/01-one.md", "---\ntitle: One\n---\nA claim [@a]{#first}.\n\n## Details\n\nMore [@a].\n")
            .Write("sections/02-two.md", "---\ntitle: Two\n---\nSee [one](one.html), [its details](one.html#details), [its file](01-one.md), " +
                "[its claim](#claim-first), [this one](#claim-second) and [a source](../sources/a.html). Second [@a]{#second}.\n");
        var page = Built(report);
        var two = page.GetElementById("two")!;
        var hrefs = two.QuerySelectorAll(".section-body a:not(.cite)").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["#one", "#one--details", "#one", "#one--claim-first", "#two--claim-second", "sources/a.html"], hrefs);
        foreach (var href in hrefs.Where(h => h!.StartsWith('#')))
            Assert.NotNull(page.GetElementById(href![1..]));
        // On the section's own page, the same links are as written.
        var own = new HtmlParser().ParseDocument(report.ReadOutput("sections/two.html"));
        Assert.Contains("one.html#details", own.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void The_cover_and_every_page_link_to_it()
    {
        using var report = Report();
        Built(report);
        var parser = new HtmlParser();
        Assert.NotNull(parser.ParseDocument(report.ReadOutput("index.html")).QuerySelector(".whole-report a[href='report.html']"));
        Assert.NotNull(parser.ParseDocument(report.ReadOutput("sections/one.html")).QuerySelector(".site-nav a[href='../report.html']"));
    }

    [Fact]
    public void A_document_may_not_take_report_html()
    {
        using var report = Report().Write("report.html", "not the report")
            .Write("sources/c.yml", "id: c\ntype: document\ntitle: C\nfile: report.html\n")
            .Write("sections/03-c.md", "---\ntitle: C\n---\nC [@c].\n");
        var result = report.Build();
        var error = result.Single(DiagnosticCodes.OutputCollision, "input/sources/c.yml", 4, 7);
        Assert.Contains("a page the build generates", error.Message);
        Assert.False(result.Written);
    }

    [Fact]
    public void A_source_with_the_id_report_has_its_own_page_beside_it()
    {
        // Source pages live under sources/: the id 'report' is sources/report.html, not the one-page report.
        using var report = Report().Write("sources/c.yml", "id: report\ntype: document\ntitle: C\n")
            .Write("sections/03-c.md", "---\ntitle: C\n---\nC [@report].\n");
        Built(report);
        Assert.Contains("<h1><bdi>C</bdi></h1>", report.ReadOutput("sources/report.html"));
        Assert.Contains("report-section", report.ReadOutput("report.html"));
    }
}
