using AngleSharp.Html.Parser;
using ReportSite.Templates;
using ReportSite.Tests.Support;

namespace ReportSite.Tests.EndToEnd;

/// <summary>
/// A collection's documents on its page: a table with each one's status and citations, counts by status, and, past
/// <see cref="PageModelFactory.PartsPerPage"/> documents, further pages linked from every page, so a collection of
/// 20,000 documents does not make one page of 20,000 rows.
/// </summary>
public sealed class CollectionPagesTests
{
    private static TempReport Collection(int documents)
    {
        var report = new TempReport()
            .Write("sources/leak.yml", "id: leak\ntype: collection\ntitle: The leak\n")
            .Write("sections/01-one.md", "---\ntitle: One\n---\nA claim [@doc-0001]. Another [@doc-0002].\n");
        var records = string.Concat(Enumerable.Range(1, documents).Select(i =>
            $"- id: doc-{i:D4}\n  type: document\n  title: Document {i:D4}\n  part_of: leak\n" + (i % 3 == 0 ? "  verification: verified\n" : "")));
        return report.Write("sources/docs.yml", records);
    }

    private static AngleSharp.Dom.IDocument Page(TempReport report, string path) => new HtmlParser().ParseDocument(report.ReadOutput(path));

    private static List<string> Rows(AngleSharp.Dom.IDocument page) =>
        [.. page.QuerySelectorAll(".parts-table tbody th").Select(th => th.TextContent.Trim())];

    [Fact]
    public void A_big_collection_lists_its_documents_a_page_at_a_time_with_every_page_linked()
    {
        const int documents = 2 * PageModelFactory.PartsPerPage + 50;
        using var report = Collection(documents);
        Assert.True(report.Build().Succeeded);

        var first = Page(report, "sources/leak.html");
        var second = Page(report, "sources/parts/leak-2.html");
        var third = Page(report, "sources/parts/leak-3.html");
        Assert.False(File.Exists(Path.Combine(report.Output, "sources/parts/leak-4.html")));
        Assert.False(File.Exists(Path.Combine(report.Output, "sources/parts/leak-1.html"))); // page 1 is the collection's own

        Assert.Equal(Enumerable.Range(1, documents).Select(i => $"Document {i:D4}"), Rows(first).Concat(Rows(second)).Concat(Rows(third)));
        Assert.Equal([PageModelFactory.PartsPerPage, PageModelFactory.PartsPerPage, 50], new[] { first, second, third }.Select(p => Rows(p).Count));

        foreach (var (page, at, current) in new[] { (first, "sources/leak.html", "1"), (second, "sources/parts/leak-2.html", "2"), (third, "sources/parts/leak-3.html", "3") })
        {
            var links = page.QuerySelectorAll(".pager a").ToList();
            Assert.Equal(["1", "2", "3"], links.Select(a => a.TextContent));
            Assert.Equal(current, Assert.Single(links, a => a.GetAttribute("aria-current") == "page").TextContent);
            var folder = Path.GetDirectoryName(Path.Combine(report.Output, at))!;
            foreach (var link in links) Assert.True(File.Exists(Path.GetFullPath(Path.Combine(folder, link.GetAttribute("href")!))), link.GetAttribute("href"));
            foreach (var row in page.QuerySelectorAll(".parts-table tbody a"))
                Assert.True(File.Exists(Path.GetFullPath(Path.Combine(folder, row.GetAttribute("href")!))), row.GetAttribute("href"));
        }
        // Counts by status over the whole collection, not the page; citations per document.
        var counts = string.Join(' ', first.QuerySelector(".parts-by-status")!.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"Verified {documents / 3}", counts, StringComparison.Ordinal);
        Assert.Contains($"Unverified {documents - documents / 3}", counts, StringComparison.Ordinal);
        Assert.Equal("1", first.QuerySelectorAll(".parts-table tbody tr").First().QuerySelectorAll("td").Last().TextContent);
    }

    [Fact]
    public void A_collection_that_fits_on_one_page_has_no_pager_and_no_further_pages()
    {
        using var report = Collection(PageModelFactory.PartsPerPage);
        Assert.True(report.Build().Succeeded);
        Assert.Equal(PageModelFactory.PartsPerPage, Rows(Page(report, "sources/leak.html")).Count);
        Assert.Null(Page(report, "sources/leak.html").QuerySelector(".pager"));
        Assert.False(Directory.Exists(Path.Combine(report.Output, "sources/parts")));
    }

    [Fact]
    public void A_source_with_id_parts_keeps_its_page_beside_the_parts_folder()
    {
        using var report = new TempReport()
            .Write("sources/parts.yml", "id: parts\ntype: collection\ntitle: Parts\n")
            .Write("sources/docs.yml", string.Concat(Enumerable.Range(1, PageModelFactory.PartsPerPage + 1).Select(i => $"- id: d{i}\n  type: document\n  title: D{i}\n  part_of: parts\n")))
            .Write("sections/01-one.md", "---\ntitle: One\n---\nA claim [@d1].\n");
        Assert.True(report.Build().Succeeded);
        Assert.Single(Rows(Page(report, "sources/parts/parts-2.html")));
        Assert.Equal(PageModelFactory.PartsPerPage, Rows(Page(report, "sources/parts.html")).Count);
    }
}
