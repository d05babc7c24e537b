using AngleSharp.Html.Parser;
using ReportSite.Tests.Support;

namespace ReportSite.Tests.EndToEnd;

public sealed class SourcePageTests
{
    [Fact]
    public void Cited_by_shows_each_claim_with_its_locator_and_a_link_back()
    {
        using var report = new TempReport()
            .Write("sources/a.yml", "- id: a\n  type: report\n  title: Report A\n- id: b\n  type: book\n  title: Book B\n")
            .Write("sections/01-one.md", "---\ntitle: One\n---\nFirst claim [@a, p. 4; @b]. Second claim [see @a, ص 7].\n");
        var result = report.Build();
        Assert.Empty(result.Diagnostics);

        var page = new HtmlParser().ParseDocument(report.ReadOutput("sources/a.html"));
        var items = page.QuerySelectorAll(".cited-by li.cited-claim").ToList();
        Assert.Equal(2, items.Count);
        Assert.Equal("First claim", items[0].QuerySelector("blockquote")!.TextContent.Trim());
        Assert.Contains("p. 4", items[0].QuerySelector(".meta")!.TextContent);
        Assert.Contains("ص 7", items[1].QuerySelector(".meta")!.TextContent);
        Assert.All(items, item => Assert.StartsWith("../sections/one.html#claim-one-", item.QuerySelector("blockquote a")!.GetAttribute("href")));

        // Book B is cited by the first claim only, without a locator.
        var book = new HtmlParser().ParseDocument(report.ReadOutput("sources/b.html"));
        var only = Assert.Single(book.QuerySelectorAll(".cited-by li.cited-claim"));
        Assert.DoesNotContain("p. 4", only.QuerySelector(".meta")!.TextContent);
    }

    [Theory]
    [InlineData("en", "ar", "Arabic")]
    [InlineData("en", "fr-CA", "French")]
    [InlineData("ar", "EN", "الإنجليزية")]
    [InlineData("ar", "ar-SY", "العربية")]
    public void The_language_of_a_source_is_named_in_the_sites_language(string site, string language, string name)
    {
        using var report = new TempReport(withSite: false)
            .Write("site.yml", $"title: T\nlanguage: {site}\n")
            .Write("sources/a.yml", $"id: a\ntype: report\ntitle: A\nlanguage: {language}\n")
            .Write("sections/01-one.md", "---\ntitle: One\n---\nA claim [@a].\n");
        Assert.True(report.Build().Succeeded);
        var page = new HtmlParser().ParseDocument(report.ReadOutput("sources/a.html"));
        var value = page.QuerySelectorAll("dl.fields dt").Single(dt => dt.TextContent is "Language" or "اللغة").NextElementSibling!;
        Assert.Equal(name, value.TextContent);
        Assert.Null(value.QuerySelector("code"));
    }

    [Theory]
    [InlineData("syc")]
    [InlineData("x-klingon")]
    public void A_language_the_theme_has_no_name_for_is_shown_as_its_code(string language)
    {
        using var report = new TempReport()
            .Write("sources/a.yml", $"id: a\ntype: report\ntitle: A\nlanguage: {language}\n")
            .Write("sections/01-one.md", "---\ntitle: One\n---\nA claim [@a].\n");
        Assert.True(report.Build().Succeeded);
        var page = new HtmlParser().ParseDocument(report.ReadOutput("sources/a.html"));
        var value = page.QuerySelectorAll("dl.fields dt").Single(dt => dt.TextContent == "Language").NextElementSibling!;
        Assert.Equal(language, value.QuerySelector("code")!.TextContent);
    }
}
