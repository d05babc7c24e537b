using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ReportSite.Tests.Support;

namespace ReportSite.Tests.EndToEnd;

/// <summary>
/// The schema.org JSON-LD of every page: one block each, that parses, with the type its page calls for, links that
/// resolve to pages and files of the site, and values that cannot leave the <c>&lt;script&gt;</c>.
/// </summary>
public sealed class JsonLdTests
{
    private static List<JsonElement> Blocks(IDocument page) =>
        [.. page.QuerySelectorAll("script[type='application/ld+json']").Select(s => JsonDocument.Parse(s.TextContent).RootElement)];

    // Every "@id" and "contentUrl" anywhere in the block.
    private static IEnumerable<string> Links(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p =>
            p.Name is "@id" or "contentUrl" ? [p.Value.GetString()!] : Links(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Links),
        _ => [],
    };

    private static string ExpectedType(string path, JsonElement block) => path switch
    {
        "index.html" or "report.html" => "Report",
        _ when path.StartsWith("sections/", StringComparison.Ordinal) => "Report",
        "sources/index.html" => "CollectionPage",
        _ when path.StartsWith("sources/parts/", StringComparison.Ordinal) => "CollectionPage",
        _ when path.StartsWith("sources/", StringComparison.Ordinal) => block.TryGetProperty("sha256", out _) ? "DigitalDocument" : "CreativeWork",
        _ => "WebPage",
    };

    /// <summary>Checks every page of the built site; returns the blocks by page path.</summary>
    private static Dictionary<string, JsonElement> CheckEveryPage(TempReport report, string? baseUrl = null)
    {
        var blocks = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(report.Output, "*.html", SearchOption.AllDirectories))
        {
            var path = Path.GetRelativePath(report.Output, file).Replace('\\', '/');
            var block = Assert.Single(Blocks(new HtmlParser().ParseDocument(File.ReadAllText(file))));
            Assert.Equal("https://schema.org", block.GetProperty("@context").GetString());
            Assert.Equal(ExpectedType(path, block), block.GetProperty("@type").GetString());
            var pageUri = new Uri(baseUrl is null ? "https://site.invalid/" + path : baseUrl + path);
            var links = Links(block).ToList();
            Assert.NotEmpty(links);
            foreach (var link in links)
            {
                if (baseUrl is not null) Assert.StartsWith(baseUrl, link);
                var target = new Uri(pageUri, link);
                var root = new Uri(baseUrl ?? "https://site.invalid/");
                Assert.True(root.IsBaseOf(target), $"{path}: {link} leaves the site");
                var relative = Uri.UnescapeDataString(root.MakeRelativeUri(target).OriginalString.Split('#')[0]);
                Assert.True(File.Exists(Path.Combine(report.Output, relative)), $"{path}: {link} resolves to {relative}, which the site does not have");
            }
            blocks[path] = block;
        }
        return blocks;
    }

    private static TempReport SampleCopy()
    {
        var report = new TempReport(withSite: false);
        foreach (var file in Directory.EnumerateFiles(Repo.Input, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Repo.Input, file);
            report.WriteBytes(relative, File.ReadAllBytes(file));
        }
        return report;
    }

    [Fact]
    public void Every_page_of_the_sample_has_one_block_of_its_type_whose_links_resolve()
    {
        using var report = SampleCopy();
        Assert.True(report.Build().Succeeded);
        var blocks = CheckEveryPage(report);

        // The cover cites every cited source, and lists its sections.
        var cover = blocks["index.html"];
        Assert.Equal(Directory.EnumerateFiles(Path.Combine(report.Output, "sections")).Count(), cover.GetProperty("hasPart").GetArrayLength());
        var cited = cover.GetProperty("citation").EnumerateArray().Select(c => c.GetProperty("@id").GetString()).ToList();
        Assert.Contains("sources/article-ar.html", cited);

        // The article: its file and hash, and the investigation it derives from.
        var article = blocks["sources/article-ar.html"];
        Assert.Equal("DigitalDocument", article.GetProperty("@type").GetString());
        Assert.Equal("898552f537a01de2e5eb75bce631bda6ea8a880417dc3dc76c716aa6fa3dbd07", article.GetProperty("sha256").GetString());
        Assert.Equal("../documents/article-ar.txt", article.GetProperty("encoding").GetProperty("contentUrl").GetString());
        Assert.Equal(["sky-news-investigation.html"], article.GetProperty("isBasedOn").EnumerateArray().Select(o => o.GetProperty("@id").GetString()));

        // A document of the leak is part of the collection.
        var document = blocks["sources/doc-palace-evacuation-2013.html"];
        Assert.Equal("leaked-isis-files.html", document.GetProperty("isPartOf").GetProperty("@id").GetString());

        // A section cites what its source list lists.
        var section = blocks["sections/experts.html"];
        Assert.Equal("../index.html", section.GetProperty("isPartOf").GetProperty("@id").GetString());
        Assert.Contains("../sources/afzal-ashraf-rusi.html", section.GetProperty("citation").EnumerateArray().Select(c => c.GetProperty("@id").GetString()));
    }

    [Fact]
    public void A_withheld_file_has_its_hash_but_no_content_url()
    {
        using var report = new TempReport()
            .Write("sources/a.yml", "id: a\ntype: testimony\ntitle: T\nfile: documents/t.txt\nsensitivity: withheld\nwithheld_reason: Safety.\n")
            .Write("documents/t.txt", "secret\n")
            .Write("sections/01-one.md", "---\ntitle: One\n---\nA claim [@a].\n");
        Assert.True(report.Build().Succeeded);
        var block = CheckEveryPage(report)["sources/a.html"];
        Assert.Equal(64, block.GetProperty("sha256").GetString()!.Length);
        Assert.False(block.GetProperty("encoding").TryGetProperty("contentUrl", out _));
        Assert.DoesNotContain("t.txt", block.GetRawText());
    }

    [Fact]
    public void With_a_base_url_every_link_is_absolute()
    {
        using var report = new TempReport(withSite: false)
            .Write("site.yml", "title: T\nlanguage: en\nbase_url: https://example.org/report/\n")
            .Write("sources/a.yml", "id: a\ntype: report\ntitle: A\nurl: https://example.com/a\n")
            .Write("sections/01-one.md", "---\ntitle: One\n---\nA claim [@a].\n");
        Assert.True(report.Build().Succeeded);
        var blocks = CheckEveryPage(report, "https://example.org/report/");
        Assert.Equal("https://example.org/report/sources/a.html", blocks["sources/a.html"].GetProperty("@id").GetString());
        Assert.Equal("https://example.com/a", blocks["sources/a.html"].GetProperty("url").GetString());
    }

    [Theory]
    [InlineData("</script><script>alert(1)</script>")]
    [InlineData("<!--<script>")]
    [InlineData("a\u2028b\u2029c & 'd' \"e\" </SCRIPT >")]
    public void A_hostile_title_stays_inside_the_block(string title)
    {
        var yaml = JsonSerializer.Serialize(title); // a YAML double-quoted scalar
        using var report = new TempReport(withSite: false)
            .Write("site.yml", $"title: {yaml}\nlanguage: en\n")
            .Write("sources/a.yml", $"id: a\ntype: report\ntitle: {yaml}\ndescription: {yaml}\n")
            .Write("sections/01-one.md", $"---\ntitle: {yaml}\nsummary: {yaml}\n---\nA claim [@a].\n");
        var result = report.Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var blocks = CheckEveryPage(report);
        foreach (var path in new[] { "index.html", "sections/one.html", "sources/a.html" })
        {
            var html = report.ReadOutput(path);
            var page = new HtmlParser().ParseDocument(html);
            // The block is whole: one script of JSON-LD, the theme's own scripts, and no other.
            Assert.All(page.Scripts, s => Assert.True(s.Type == "application/ld+json" || s.Source is { Length: > 0 }, $"{path}: an injected script"));
            var raw = page.QuerySelector("script[type='application/ld+json']")!.TextContent;
            Assert.DoesNotContain("<", raw);
            Assert.DoesNotContain(">", raw);
            Assert.DoesNotContain("&", raw);
            Assert.DoesNotContain("\u2028", raw);
            Assert.DoesNotContain("\u2029", raw);
            Assert.Contains(title, Names(blocks[path]));
        }
    }

    private static IEnumerable<string> Names(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => p.Value.ValueKind == JsonValueKind.String ? [p.Value.GetString()!] : Names(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Names),
        _ => [],
    };
}
