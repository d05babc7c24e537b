using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ReportSite.Tests.Support;

namespace ReportSite.Tests.EndToEnd;

/// <summary>Source pages, the sources index, and a section's position, contents and heading links, as built.</summary>
public sealed class SourcesAndNavigationTests
{
    private static TempReport Report() => new TempReport()
        .Write("sources/a.yml", """
            - id: box
              type: collection
              title: The Box of Letters
            - id: letter-1
              type: letter
              title: First letter
              part_of: box
              date: 2020-05-04
            - id: report-a
              type: report
              title: Report A
            """)
        // The second section cites letter-1 before the first does in file order: groups follow report order.
        .Write("sections/01-one.md", "---\ntitle: One\n---\nFirst claim [@report-a]. Second claim [@letter-1, p. 2].\n")
        .Write("sections/02-two.md", """
            ---
            title: Two
            ---
            Third claim [@letter-1].

            ## Alpha

            Text.

            ### Alpha detail

            Text.

            ## Beta [@report-a]

            Fourth claim [@letter-1, p. 9].

            ## Gamma

            Text.
            """);

    private static IDocument Page(TempReport report, string path) => new HtmlParser().ParseDocument(report.ReadOutput(path));

    [Fact]
    public void Cited_by_is_grouped_by_section_in_report_order_with_an_id_per_claim()
    {
        using var report = Report();
        var result = report.Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var page = Page(report, "sources/letter-1.html");
        var groups = page.QuerySelectorAll(".cited-by .cited-group").ToList();
        Assert.Equal(["One", "Two"], groups.Select(g => g.QuerySelector("h3 a")!.TextContent));
        Assert.Equal(["Second claim"], groups[0].QuerySelectorAll("li.cited-claim blockquote").Select(b => b.TextContent.Trim()));
        Assert.Equal(["Third claim", "Fourth claim"], groups[1].QuerySelectorAll("li.cited-claim blockquote").Select(b => b.TextContent.Trim()));
        foreach (var item in page.QuerySelectorAll("li.cited-claim"))
        {
            var href = item.QuerySelector("blockquote a")!.GetAttribute("href")!;
            Assert.Equal("cited-" + href[(href.IndexOf('#') + 1)..], item.Id);
        }
        // The id appears once, in the cite-as line; the collection is named by its title.
        Assert.Equal("[@letter-1]", page.QuerySelector(".cite-as code")!.TextContent);
        Assert.DoesNotContain("letter-1", page.QuerySelector("main")!.TextContent.Replace("[@letter-1]", ""));
    }

    [Fact]
    public void The_sources_index_names_a_collection_by_its_title_and_labels_every_cell()
    {
        using var report = Report();
        Assert.True(report.Build().Succeeded);
        var index = Page(report, "sources/index.html");
        var row = index.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("First letter"));
        var collection = row.QuerySelector("td[data-label='Collection'] a")!;
        Assert.Equal("The Box of Letters", collection.TextContent);
        Assert.Equal("box.html", collection.GetAttribute("href"));
        Assert.DoesNotContain("⊂", index.Body!.TextContent);
        var headers = index.QuerySelectorAll("thead th").Select(th => th.TextContent).ToList();
        Assert.Equal(headers, row.QuerySelectorAll("td").Select(td => td.GetAttribute("data-label")));
        Assert.Equal("4 May 2020", row.QuerySelector("time[datetime='2020-05-04']")!.TextContent);
    }

    [Fact]
    public void A_long_section_lists_its_headings_and_each_links_to_itself()
    {
        using var report = Report();
        Assert.True(report.Build().Succeeded);
        var two = Page(report, "sections/two.html");
        Assert.Equal("Section 2 of 2", two.QuerySelector(".section-number")!.TextContent.Trim());
        var toc = two.QuerySelectorAll(".section-toc li a").ToList();
        Assert.Equal(["Alpha", "Alpha detail", "Beta", "Gamma"], toc.Select(a => a.TextContent));
        foreach (var link in toc)
        {
            var id = link.GetAttribute("href")![1..];
            var heading = two.GetElementById(id);
            Assert.NotNull(heading);
            Assert.Equal("#" + id, heading.QuerySelector("a.heading-link")!.GetAttribute("href"));
        }
        // A short section has no contents of its own.
        Assert.Null(Page(report, "sections/one.html").QuerySelector(".section-toc"));
    }
}
