using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ReportSite.Tests.Support;

namespace ReportSite.Tests.EndToEnd;

/// <summary>
/// Deep links on the pages: a page locator on a PDF opens the published file at that page, a web source's quote opens
/// the source at the passage (text fragment); in the preview card of each source list entry and in "cited by".
/// </summary>
public sealed class DeepLinkTests : IDisposable
{
    private readonly TempReport _report = new TempReport()
        .Write("sources/a.yml", """
            - id: leak
              type: document
              title: Leaked file
              file: documents/leak.pdf
            - id: story
              type: article
              title: Story
              url: "https://example.org/story?id=1&lang=ar"
              quote: "تدمر - سُلّمت, & \"50%\" #1"
            - id: secret
              type: document
              title: Testimony
              file: documents/secret.pdf
              sensitivity: withheld
              withheld_reason: To protect the witness.
              url: "https://example.org/testimony"
              quote: "never linked"
            """)
        .WriteBytes("documents/leak.pdf", "%PDF-1.4\n%%EOF\n"u8.ToArray())
        .WriteBytes("documents/secret.pdf", "%PDF-1.4\n%%EOF\n"u8.ToArray())
        .Write("sections/01-one.md", """
            ---
            title: One
            ---
            First claim [@leak, pp. 4-5]. Second claim [@leak, ص ٧; @story]. Third claim [@leak, chap. 2; @story, p. 3].

            Fourth claim [@secret, p. 3].
            """);

    private const string StoryLink = "https://example.org/story?id=1&lang=ar#:~:text="
        + "%D8%AA%D8%AF%D9%85%D8%B1%20%2D%20%D8%B3%D9%8F%D9%84%D9%91%D9%85%D8%AA%2C%20%26%20%2250%25%22%20%231";

    public DeepLinkTests()
    {
        var result = _report.Build();
        Assert.Empty(result.Diagnostics);
    }

    public void Dispose() => _report.Dispose();

    private IDocument Page(string path) => new HtmlParser().ParseDocument(_report.ReadOutput(path));

    private static List<string?> Hrefs(IElement element) =>
        element.QuerySelectorAll("a.deep-link").Select(a => a.GetAttribute("href")).ToList();

    [Fact]
    public void Cited_by_links_each_citation_into_its_source()
    {
        var leak = Page("sources/leak.html").QuerySelectorAll("li.cited-claim").ToList();
        Assert.Equal(3, leak.Count);
        Assert.Equal(["../documents/leak.pdf#page=4"], Hrefs(leak[0]));
        Assert.Equal(["../documents/leak.pdf#page=7"], Hrefs(leak[1]));
        Assert.Empty(Hrefs(leak[2])); // a chapter is no page
        Assert.Contains("Open the file at page 4", leak[0].TextContent);

        var story = Page("sources/story.html");
        var claims = story.QuerySelectorAll("li.cited-claim").ToList();
        Assert.Equal(2, claims.Count);
        Assert.All(claims, claim => Assert.Equal([StoryLink], Hrefs(claim)));
        Assert.Equal(StoryLink, story.QuerySelector("figure.quote .quote-link a")!.GetAttribute("href"));
    }

    [Fact]
    public void A_withheld_source_is_never_deep_linked()
    {
        var page = Page("sources/secret.html");
        Assert.Single(page.QuerySelectorAll("li.cited-claim"));
        Assert.Empty(page.QuerySelectorAll("a.deep-link, .quote-link"));
        Assert.DoesNotContain("secret.pdf#", _report.ReadOutput("sections/one.html"));
        Assert.DoesNotContain("testimony#", _report.ReadOutput("sections/one.html"));
    }

    [Fact]
    public void The_preview_card_holds_a_deep_link_for_each_locator_of_its_source()
    {
        var section = Page("sections/one.html");
        IElement Preview(string title) => section.QuerySelectorAll(".section-sources li")
            .Single(li => li.QuerySelector(".source-link")!.TextContent == title)
            .QuerySelector("template.preview-template")!;
        static List<(string?, string?)> Links(IElement template) =>
            ((AngleSharp.Html.Dom.IHtmlTemplateElement)template).Content.QuerySelectorAll(".preview-deep-link")
                .Select(p => (p.GetAttribute("data-locator"), p.QuerySelector("a")!.GetAttribute("href"))).ToList();

        Assert.Equal([("pp. 4-5", "../documents/leak.pdf#page=4"), ("ص ٧", "../documents/leak.pdf#page=7")], Links(Preview("Leaked file")));
        Assert.Equal([(null, StoryLink), ("p. 3", StoryLink)], Links(Preview("Story")));
        Assert.Empty(Links(Preview("Testimony")));
        // The markers carry the locator previews.js matches the links with.
        Assert.Equal(["pp. 4-5", "ص ٧", null, "chap. 2", "p. 3"],
            section.QuerySelectorAll("a.cite").Take(5).Select(a => a.GetAttribute("data-locator")).ToList());
    }

    [Fact]
    public void The_one_page_report_links_from_its_own_folder()
    {
        var report = Page("report.html");
        var template = (AngleSharp.Html.Dom.IHtmlTemplateElement)report.QuerySelectorAll("template.preview-template").First();
        Assert.Equal("documents/leak.pdf#page=4", template.Content.QuerySelector(".preview-deep-link a")!.GetAttribute("href"));
    }
}
