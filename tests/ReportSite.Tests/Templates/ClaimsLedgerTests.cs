using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ReportSite.Tests.Support;
using Xunit;

namespace ReportSite.Tests.Templates;

/// <summary>claims/index.html and its filtered views, on a built report.</summary>
public class ClaimsLedgerTests : IDisposable
{
    private const string Records =
        "- id: wire\n  type: report\n  title: Wire report\n  verification: verified\n"
        + "- id: paper\n  type: article\n  title: Paper\n  verification: unverified\n  derived_from: wire\n"
        + "- id: rumour\n  type: article\n  title: Rumour\n  verification: disputed\n";

    private readonly TempReport _report = new TempReport()
        .Write("sources/a.yml", Records)
        .Write("sections/01-first.md", "---\ntitle: First\n---\nOne [@wire; @paper]. Two [@paper].\n")
        .Write("sections/02-second.md", "---\ntitle: Second\n---\nThree [@wire; @rumour]. In 2016, 40 people left the town.\n");

    public ClaimsLedgerTests()
    {
        var result = _report.Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
    }

    public void Dispose() => _report.Dispose();

    private IDocument Page(string path) => new HtmlParser().ParseDocument(_report.ReadOutput(path));

    private static List<string> ClaimTexts(IDocument page) =>
        [.. page.QuerySelectorAll(".claims-table tbody tr").Select(row => row.Children[1].TextContent.Trim())];

    [Fact]
    public void The_ledger_lists_every_claim_in_report_order_with_its_section_sources_support_and_origins()
    {
        var page = Page("claims/index.html");
        Assert.Equal(["One", "Two", "Three"], ClaimTexts(page).Select(t => t.TrimEnd('.')));
        var rows = page.QuerySelectorAll(".claims-table tbody tr").ToList();
        Assert.Equal(["First", "First", "Second"], rows.Select(r => r.Children[0].TextContent.Trim()));
        Assert.Equal(["Supported", "Weakly sourced", "Disputed"], rows.Select(r => r.Children[3].TextContent.Trim()));
        Assert.Equal(["1 (Single origin)", "1 (Single origin)", "2"], rows.Select(r => r.Children[4].TextContent.Trim()));
        Assert.Contains("Wire report", rows[0].Children[2].TextContent);
        Assert.Contains("Verified", rows[0].Children[2].TextContent);
        Assert.NotNull(page.QuerySelector(".claims-table caption"));
        Assert.Equal(5, page.QuerySelectorAll(".claims-table thead th[scope=col]").Length);
    }

    [Fact]
    public void The_counts_are_claims_cited_sentences_citations_and_possibly_uncited_sentences()
    {
        var counts = Page("claims/index.html").QuerySelectorAll(".ledger-counts dd").Select(d => d.TextContent).ToList();
        Assert.Equal(["3", "3", "5", "1"], counts);
    }

    [Theory]
    [InlineData("One [@wire], two [@paper]. Three [@rumour].", 3, 2)]
    [InlineData("One [@wire]. Two [@paper]! Three [@rumour]?", 3, 3)]
    [InlineData("@wire says one [@paper], and two [@rumour].", 2, 1)]
    [InlineData("**One.** Two [@wire], three [@paper].\n\nFour [@rumour].", 3, 2)]
    [InlineData("- One [@wire], two [@paper]\n- Three [@rumour]", 3, 2)]
    public void A_sentence_holding_several_claims_counts_once_as_a_cited_sentence(string body, int claims, int sentences)
    {
        using var report = new TempReport()
            .Write("sources/a.yml", Records)
            .Write("sections/01-first.md", "---\ntitle: First\n---\n" + body + "\n");
        Assert.True(report.Build().Succeeded);
        var counts = new HtmlParser().ParseDocument(report.ReadOutput("claims/index.html"))
            .QuerySelectorAll(".ledger-counts dd").Select(d => d.TextContent).ToList();
        Assert.Equal(claims.ToString(System.Globalization.CultureInfo.InvariantCulture), counts[0]);
        Assert.Equal(sentences.ToString(System.Globalization.CultureInfo.InvariantCulture), counts[1]);
    }

    [Theory]
    [InlineData("claims/support-weak.html", new[] { "Two" })]
    [InlineData("claims/support-disputed.html", new[] { "Three" })]
    [InlineData("claims/single-origin.html", new[] { "One", "Two" })]
    [InlineData("claims/sections/first.html", new[] { "One", "Two" })]
    [InlineData("claims/sections/second.html", new[] { "Three" })]
    public void Each_filtered_view_is_a_page_with_only_its_claims(string path, string[] expected)
    {
        Assert.Equal(expected, ClaimTexts(Page(path)));
    }

    [Fact]
    public void Every_link_of_the_ledger_resolves_and_the_nav_marks_the_current_view()
    {
        var page = Page("claims/single-origin.html");
        var views = page.QuerySelectorAll(".ledger-views a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Contains("index.html", views);
        Assert.Equal("single-origin.html", page.QuerySelector(".ledger-views a[aria-current=page]")!.GetAttribute("href"));
        foreach (var href in page.QuerySelectorAll("main a[href]").Select(a => a.GetAttribute("href")!))
        {
            var file = Path.GetFullPath(Path.Combine(_report.Output, "claims", href.Split('#')[0]));
            Assert.True(File.Exists(file), $"{href} does not resolve");
        }
    }

    [Fact]
    public void The_cover_and_the_site_nav_link_to_the_ledger()
    {
        var cover = Page("index.html");
        Assert.NotNull(cover.QuerySelector("main a[href='claims/index.html']"));
        Assert.NotNull(Page("sections/first.html").QuerySelector(".site-nav a[href='../claims/index.html']"));
    }
}
