using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using ReportSite.Tests.Support;

namespace ReportSite.Tests.EndToEnd;

/// <summary>
/// The record fields fact-checkers rely on, from YAML to the source page and sources.json: archive copies in order,
/// a capture hashed and published like a file, the chain of custody, and a withheld source whose file stays out of
/// the site while its hash, size, media type and the reason are shown.
/// </summary>
public sealed class SourceFieldTests : IDisposable
{
    private const string Witness = "the witness's own words\n";
    private const string Capture = "<html><body>the page as it was</body></html>\n";

    private readonly TempReport _report = new TempReport()
        .Write("sources/web.yml", """
            id: web
            type: webpage
            title: A web page
            url: https://news.example/story
            archive_urls: [https://archive.example/1, https://archive.example/2]
            capture: documents/story.html
            collected_by: The research desk
            collected_on: 2024-03-29
            collection_method: Captured with a headless browser
            """)
        .Write("sources/one-archive.yml", "id: one-archive\ntype: article\ntitle: One\narchive_url: https://archive.example/only\n")
        .Write("sources/witness.yml", """
            id: witness
            type: testimony
            title: A witness
            file: documents/witness.txt
            sensitivity: withheld
            withheld_reason: Publishing it would identify the witness.
            description: The witness's statement.
            """)
        .Write("documents/story.html", Capture)
        .Write("documents/witness.txt", Witness)
        .Write("sections/01-one.md", "---\ntitle: One\n---\nA claim [@web]. Another [@witness]. A third [@one-archive].\n");

    public SourceFieldTests() => Assert.True(_report.Build().Succeeded);

    public void Dispose() => _report.Dispose();

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private AngleSharp.Dom.IDocument Page(string id) => new HtmlParser().ParseDocument(_report.ReadOutput($"sources/{id}.html"));

    private static string? Value(AngleSharp.Dom.IDocument page, string selector, string label) =>
        page.QuerySelectorAll(selector + " dt").SingleOrDefault(dt => dt.TextContent == label)?.NextElementSibling?.TextContent;

    private JsonElement Json(string id) =>
        JsonDocument.Parse(_report.ReadOutput("sources.json")).RootElement.GetProperty("sources").EnumerateArray()
            .Single(s => s.GetProperty("id").GetString() == id);

    [Fact]
    public void Archive_copies_are_listed_in_the_authors_order_and_archive_url_is_a_one_item_list()
    {
        var links = Page("web").QuerySelectorAll("dl.fields dt").Single(dt => dt.TextContent == "Archived copies")
            .NextElementSibling!.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["https://archive.example/1", "https://archive.example/2"], links);
        Assert.Equal(["https://archive.example/only"],
            Json("one-archive").GetProperty("archive_urls").EnumerateArray().Select(u => u.GetString()).ToList());
    }

    [Fact]
    public void A_capture_is_published_hashed_and_shown_with_its_size_and_media_type()
    {
        Assert.Equal(Capture, _report.ReadOutput("documents/story.html"));
        var capture = Page("web").QuerySelectorAll("dl.fields dt").Single(dt => dt.TextContent == "Capture of the web page").NextElementSibling!;
        Assert.Equal("../documents/story.html", capture.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(Sha256(Capture), capture.QuerySelector("code.hash")!.TextContent);
        Assert.Equal("text/html", capture.QuerySelector(".media-type")!.TextContent);
        Assert.Equal($"{Encoding.UTF8.GetByteCount(Capture)} bytes", capture.QuerySelector(".size")!.TextContent);
        var json = Json("web");
        Assert.Equal(("documents/story.html", Sha256(Capture), Encoding.UTF8.GetByteCount(Capture)),
            (json.GetProperty("capture").GetString(), json.GetProperty("capture_sha256").GetString(), json.GetProperty("capture_size").GetInt32()));
    }

    [Fact]
    public void The_chain_of_custody_has_its_own_list()
    {
        var page = Page("web");
        Assert.Equal("The research desk", Value(page, ".custody", "Collected by"));
        Assert.Equal("2024-03-29", page.QuerySelectorAll(".custody dt").Single(dt => dt.TextContent == "Collected on")
            .NextElementSibling!.QuerySelector("time")!.GetAttribute("datetime"));
        Assert.Equal("Captured with a headless browser", Value(page, ".custody", "How it was collected"));
        Assert.Null(Page("one-archive").QuerySelector(".custody")); // no custody fields, no empty list
    }

    [Fact]
    public void A_withheld_file_is_not_published_but_its_hash_size_type_and_reason_are()
    {
        Assert.False(File.Exists(Path.Combine(_report.Output, "documents/witness.txt")));
        var page = Page("witness");
        Assert.Contains("Publishing it would identify the witness.", page.QuerySelector(".withheld-notice")!.TextContent, StringComparison.Ordinal);
        var file = page.QuerySelectorAll("dl.fields dt").Single(dt => dt.TextContent == "Local copy").NextElementSibling!;
        Assert.Null(file.QuerySelector("a")); // nothing to link to
        Assert.Equal(Sha256(Witness), file.QuerySelector("code.hash")!.TextContent);
        Assert.Equal("text/plain", file.QuerySelector(".media-type")!.TextContent);
        Assert.Contains("not published", file.TextContent, StringComparison.Ordinal);

        var json = Json("witness");
        Assert.Equal(JsonValueKind.Null, json.GetProperty("file").ValueKind); // its name may say too much
        Assert.Equal("withheld", json.GetProperty("sensitivity").GetString());
        Assert.Equal((Sha256(Witness), Sha256(Witness), Encoding.UTF8.GetByteCount(Witness), "text/plain"),
            (json.GetProperty("sha256").GetString(), json.GetProperty("file_sha256").GetString(),
             json.GetProperty("file_size").GetInt32(), json.GetProperty("file_media_type").GetString()));
        Assert.DoesNotContain("witness.txt", _report.ReadOutput("sources.json"), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_field_the_details_list_shows_has_a_label_in_each_theme_language()
    {
        foreach (var language in new[] { "en", "ar" })
        {
            var text = File.ReadAllText(Path.Combine(Repo.Theme, "i18n", language + ".yml"));
            var keys = text.Split('\n').Select(l => l.Split(':')[0]).ToHashSet(StringComparer.Ordinal);
            foreach (var field in ReportSite.Sources.RecordFieldTable.Fields.Where(f => f.Display != ReportSite.Sources.FieldDisplay.Layout))
                Assert.True(keys.Contains(field.Key), $"theme/i18n/{language}.yml has no label '{field.Key}'");
        }
    }

    [Theory]
    [InlineData("documents/memo #3.txt")]
    [InlineData("documents/100% sure #2.pdf")]
    public void A_file_whose_name_holds_a_hash_or_percent_is_linked_where_it_is_published(string file)
    {
        using var report = new TempReport()
            .Write("sources/memo.yml", $"id: memo\ntype: document\ntitle: Memo\nfile: \"{file}\"\n")
            .Write(file, "the memo\n")
            .Write("sections/01-one.md", "---\ntitle: One\n---\nA claim [@memo, p. 2].\n");
        Assert.True(report.Build().Succeeded);
        var page = new HtmlParser().ParseDocument(report.ReadOutput("sources/memo.html"));
        var href = page.QuerySelectorAll("dl.fields a").Select(a => a.GetAttribute("href")!).Single(h => h.Contains("documents/", StringComparison.Ordinal));
        var resolved = new Uri(new Uri("file:///site/sources/memo.html"), href);
        Assert.Equal("", resolved.Fragment);
        var target = Uri.UnescapeDataString(resolved.AbsolutePath)["/site/".Length..];
        Assert.Equal(file, target);
        Assert.True(File.Exists(Path.Combine(report.Output, target)), $"{href} does not reach a published file");
    }
}
