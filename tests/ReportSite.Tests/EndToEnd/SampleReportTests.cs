using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ReportSite.Build;
using ReportSite.Tests.Support;

namespace ReportSite.Tests.EndToEnd;

/// <summary>Builds the sample report in input/ once, then checks the site the way a fact-checker would use it.</summary>
public sealed class SampleSiteFixture : IDisposable
{
    public string Output { get; } = Directory.CreateTempSubdirectory("reportsite-sample-").FullName;
    public string Site => Path.Combine(Output, "_site");
    public BuildResult Result { get; }
    public IReadOnlyDictionary<string, IDocument> Pages { get; }

    public SampleSiteFixture()
    {
        Result = ReportBuilder.Run(new BuildOptions(Repo.Input, Site, Repo.Theme, Repo.Root));
        var parser = new HtmlParser();
        Pages = Result.Written
            ? Directory.EnumerateFiles(Site, "*.html", SearchOption.AllDirectories)
                .ToDictionary(p => Path.GetRelativePath(Site, p).Replace('\\', '/'), p => (IDocument)parser.ParseDocument(File.ReadAllText(p)))
            : new Dictionary<string, IDocument>();
    }

    public JsonElement Json(string name) => JsonDocument.Parse(File.ReadAllText(Path.Combine(Site, name))).RootElement;

    public void Dispose() => Directory.Delete(Output, recursive: true);
}

public sealed class SampleReportTests(SampleSiteFixture site) : IClassFixture<SampleSiteFixture>
{
    private static readonly string[] SectionSlugs =
        ["summary", "leaked-documents", "palmyra", "oil-trade", "foreign-fighters-europe", "experts", "verification-limits"];

    [Fact]
    public void The_sample_report_builds_without_errors_or_warnings()
    {
        Assert.True(site.Result.Written);
        Assert.Empty(site.Result.Diagnostics);
        Assert.Equal(7, site.Result.Stats.Sections);
        Assert.True(site.Result.Stats.Sources >= 10, $"expected the sample's records, got {site.Result.Stats.Sources}");
        Assert.True(site.Result.Stats.Claims >= 30, $"expected the sample's claims, got {site.Result.Stats.Claims}");
    }

    [Fact]
    public void Every_page_expected_by_the_output_contract_exists()
    {
        Assert.Contains("index.html", site.Pages.Keys);
        Assert.Contains("sources/index.html", site.Pages.Keys);
        foreach (var slug in SectionSlugs) Assert.Contains($"sections/{slug}.html", site.Pages.Keys);
        foreach (var source in site.Json("sources.json").GetProperty("sources").EnumerateArray())
            Assert.Contains($"sources/{source.GetProperty("id").GetString()}.html", site.Pages.Keys);
        Assert.True(File.Exists(Path.Combine(site.Site, "assets", "style.css")));
    }

    [Fact]
    public void Pages_are_arabic_and_right_to_left()
    {
        foreach (var (path, page) in site.Pages)
        {
            Assert.Equal("ar", page.DocumentElement.GetAttribute("lang"));
            Assert.Equal("rtl", page.DocumentElement.GetAttribute("dir"));
        }
    }

    [Fact]
    public void Every_citation_links_to_an_existing_source_page()
    {
        var cites = 0;
        foreach (var (path, page) in site.Pages.Where(p => p.Key.StartsWith("sections/")))
        {
            foreach (var cite in page.QuerySelectorAll("a.cite"))
            {
                cites++;
                // A marker links to its entry in the section's source list, which links to the source page.
                var href = cite.GetAttribute("href")!;
                Assert.StartsWith("#source-", href);
                var entry = page.GetElementById(href[1..]);
                Assert.NotNull(entry);
                var target = Resolve(path, entry.QuerySelector("a.source-link")!.GetAttribute("href")!);
                Assert.True(site.Pages.ContainsKey(target), $"{path}: citation to missing page {href}");
                Assert.Equal($"sources/{cite.GetAttribute("data-source")}.html", target);
            }
        }
        Assert.Equal(site.Result.Stats.Citations, cites);
    }

    [Fact]
    public void Every_claim_has_an_id_and_at_least_one_citation()
    {
        var ids = new HashSet<string>();
        foreach (var (path, page) in site.Pages.Where(p => p.Key.StartsWith("sections/")))
        {
            foreach (var claim in page.QuerySelectorAll(".claim"))
            {
                Assert.StartsWith("claim-", claim.Id);
                Assert.True(ids.Add(claim.Id!), $"claim id {claim.Id} is not unique across the site");
                Assert.NotEmpty(claim.QuerySelectorAll("a.cite"));
                Assert.False(string.IsNullOrWhiteSpace(ClaimText(claim)), $"{path}#{claim.Id} has no text");
            }
        }
        Assert.Equal(site.Result.Stats.Claims, ids.Count);
    }

    [Fact]
    public void Every_source_page_lists_exactly_the_claims_that_cite_it()
    {
        var expected = CitationsFromSectionPages();
        foreach (var (path, page) in site.Pages.Where(p => p.Key.StartsWith("sources/") && p.Key != "sources/index.html"))
        {
            var id = Path.GetFileNameWithoutExtension(path);
            var listed = page.QuerySelectorAll(".cited-by li.cited-claim blockquote a")
                .Select(a => Resolve(path, a.GetAttribute("href")!))
                .ToHashSet();
            var want = expected.TryGetValue(id, out var claims) ? claims : [];
            Assert.True(want.SetEquals(listed), $"{path}: cited-by lists {string.Join(", ", listed)}; sections cite it from {string.Join(", ", want)}");
            // Every link points at a claim element that exists.
            foreach (var target in listed) Assert.NotNull(Find(target));
        }
    }

    [Fact]
    public void Claims_json_agrees_with_the_section_pages()
    {
        var claims = site.Json("claims.json").GetProperty("claims").EnumerateArray().ToList();
        Assert.Equal(site.Result.Stats.Claims, claims.Count);
        foreach (var claim in claims)
        {
            var url = claim.GetProperty("url").GetString()!;
            var element = Find(url);
            Assert.NotNull(element);
            Assert.Equal("claim-" + claim.GetProperty("id").GetString(), element!.Id);
            Assert.Equal($"sections/{claim.GetProperty("section").GetString()}.html", url.Split('#')[0]);
            Assert.Equal(Normalise(ClaimText(element)), claim.GetProperty("text").GetString());
            var jsonSources = claim.GetProperty("citations").EnumerateArray().Select(c => c.GetProperty("source").GetString()).ToList();
            var pageSources = element.QuerySelectorAll("a.cite").Select(a => a.GetAttribute("data-source")).ToList();
            Assert.Equal(jsonSources, pageSources);
            Assert.All(claim.GetProperty("citations").EnumerateArray(), c =>
            {
                Assert.True(c.TryGetProperty("locator", out _));
                Assert.True(c.TryGetProperty("prefix", out _));
                Assert.True(c.TryGetProperty("suffix", out _));
            });
        }
    }

    [Fact]
    public void The_sample_names_dr_ashraf_with_in_text_citations_in_arabic()
    {
        // "ويرى الدكتور @afzal-ashraf-rusi، …": the record's author as the article writes it, then the marker.
        var page = site.Pages["sections/experts.html"];
        var inText = page.QuerySelectorAll(".cite-intext").ToList();
        var ashraf = Assert.Single(inText, e => e.QuerySelector("a.cite")?.GetAttribute("data-source") == "afzal-ashraf-rusi");
        Assert.Equal("أفضال أشرف", ashraf.QuerySelector("bdi.cite-author")!.TextContent);
        Assert.Contains("ويرى الدكتور أفضال أشرف، من مركز", Normalise(ClaimText(ashraf.Closest(".claim")!)));

        var modes = site.Json("claims.json").GetProperty("claims").EnumerateArray()
            .SelectMany(c => c.GetProperty("citations").EnumerateArray())
            .Where(c => c.GetProperty("source").GetString() == "afzal-ashraf-rusi")
            .Select(c => c.GetProperty("mode").GetString()).ToList();
        Assert.Equal(2, modes.Count(m => m == "author-in-text")); // in the oil-trade and the experts sections
        Assert.Contains("normal", modes);
    }

    [Fact]
    public void Sources_json_agrees_with_the_pages()
    {
        var fromPages = CitationsFromSectionPages();
        var claimIdsByUrl = site.Json("claims.json").GetProperty("claims").EnumerateArray()
            .ToDictionary(c => c.GetProperty("url").GetString()!, c => c.GetProperty("id").GetString()!);
        foreach (var source in site.Json("sources.json").GetProperty("sources").EnumerateArray())
        {
            var id = source.GetProperty("id").GetString()!;
            var citedBy = source.GetProperty("cited_by").EnumerateArray().Select(e => e.GetString()!).ToHashSet();
            var want = (fromPages.TryGetValue(id, out var urls) ? urls : []).Select(u => claimIdsByUrl[u]).ToHashSet();
            Assert.True(want.SetEquals(citedBy), $"sources.json cited_by of {id} differs from the pages");
            foreach (var field in new[] { "type", "title", "verification", "url", "file", "sha256" })
                Assert.True(source.TryGetProperty(field, out _), $"sources.json lacks '{field}' for {id}");
            var page = site.Pages[$"sources/{id}.html"];
            Assert.Contains(source.GetProperty("title").GetString()!, page.QuerySelector("h1")!.TextContent);
        }
    }

    [Fact]
    public void A_local_file_is_published_with_its_computed_sha256()
    {
        var article = site.Json("sources.json").GetProperty("sources").EnumerateArray()
            .Single(s => s.GetProperty("file").ValueKind == JsonValueKind.String);
        var file = article.GetProperty("file").GetString()!;
        var bytes = File.ReadAllBytes(Path.Combine(site.Site, file));
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        Assert.Equal(sha, article.GetProperty("sha256").GetString());
        var page = site.Pages[$"sources/{article.GetProperty("id").GetString()}.html"];
        Assert.Contains(sha, page.QuerySelector("code.hash")!.TextContent);
    }

    [Fact]
    public void Every_internal_link_and_resource_resolves_and_nothing_is_loaded_from_another_host()
    {
        foreach (var (path, page) in site.Pages)
        {
            foreach (var element in page.QuerySelectorAll("[href], [src]"))
            {
                var url = element.GetAttribute("href") ?? element.GetAttribute("src")!;
                if (element.LocalName == "a" && (url.StartsWith("https://") || url.StartsWith("http://"))) continue; // a reader's choice to follow
                Assert.False(url.Contains("//"), $"{path}: {element.LocalName} loads '{url}' from another host");
                if (url.StartsWith('#'))
                {
                    Assert.NotNull(page.GetElementById(Uri.UnescapeDataString(url[1..])));
                    continue;
                }
                var target = Resolve(path, url);
                var file = target.Split('#')[0];
                Assert.True(File.Exists(Path.Combine(site.Site, Uri.UnescapeDataString(file))), $"{path}: broken link {url}");
                if (target.Contains('#')) Assert.NotNull(Find(target));
            }
        }
    }

    [Fact]
    public void Sections_link_to_their_neighbours_in_reading_order()
    {
        for (var i = 0; i < SectionSlugs.Length; i++)
        {
            var page = site.Pages[$"sections/{SectionSlugs[i]}.html"];
            var previous = page.QuerySelector("a[rel=prev]")?.GetAttribute("href");
            var next = page.QuerySelector("a[rel=next]")?.GetAttribute("href");
            Assert.Equal(i > 0 ? SectionSlugs[i - 1] + ".html" : null, previous);
            Assert.Equal(i < SectionSlugs.Length - 1 ? SectionSlugs[i + 1] + ".html" : null, next);
        }
        var toc = site.Pages["index.html"].QuerySelectorAll(".toc a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(SectionSlugs.Select(s => $"sections/{s}.html"), toc);
    }

    [Fact]
    public void Arabic_headings_keep_their_text_in_ids()
    {
        var headings = site.Pages.Values.SelectMany(p => p.QuerySelectorAll(".section-body h2, .section-body h3")).ToList();
        Assert.NotEmpty(headings);
        foreach (var heading in headings)
        {
            Assert.NotEqual("section", heading.Id);
            Assert.Contains(heading.Id!, c => c is >= '\u0600' and <= '\u06FF');
        }
    }

    [Fact]
    public void Source_titles_are_bidi_isolated()
    {
        foreach (var (path, page) in site.Pages.Where(p => p.Key.StartsWith("sources/") && p.Key != "sources/index.html"))
            Assert.NotNull(page.QuerySelector("h1 bdi"));
        foreach (var link in site.Pages["sources/index.html"].QuerySelectorAll("tbody a"))
            Assert.NotNull(link.QuerySelector("bdi"));
    }

    [Fact]
    public void A_collection_lists_its_documents_and_each_document_links_back()
    {
        var sources = site.Json("sources.json").GetProperty("sources").EnumerateArray().ToList();
        var children = sources.Where(s => s.GetProperty("part_of").ValueKind == JsonValueKind.String).ToList();
        Assert.NotEmpty(children);
        foreach (var child in children)
        {
            var parent = child.GetProperty("part_of").GetString()!;
            var id = child.GetProperty("id").GetString()!;
            var childLinks = site.Pages[$"sources/{parent}.html"].QuerySelectorAll(".children a")
                .Select(a => Resolve($"sources/{parent}.html", a.GetAttribute("href")!));
            Assert.Contains($"sources/{id}.html", childLinks);
            var parentLink = site.Pages[$"sources/{id}.html"].QuerySelector(".source-kind a")!.GetAttribute("href")!;
            Assert.Equal($"sources/{parent}.html", Resolve($"sources/{id}.html", parentLink));
        }
    }

    [Fact]
    public void The_article_is_traced_to_the_sky_news_investigation_and_that_to_the_leaked_files_and_the_testimonies()
    {
        var byId = site.Json("sources.json").GetProperty("sources").EnumerateArray()
            .ToDictionary(s => s.GetProperty("id").GetString()!, s => s);
        string[] DerivedFrom(string id) => [.. byId[id].GetProperty("derived_from").EnumerateArray().Select(e => e.GetString()!)];
        Assert.Equal(["sky-news-investigation"], DerivedFrom("article-ar"));
        Assert.Equal(["leaked-isis-files", "defectors-testimony"], DerivedFrom("sky-news-investigation"));

        var article = site.Pages["sources/article-ar.html"];
        Assert.Contains("sources/sky-news-investigation.html",
            article.QuerySelectorAll(".derivation a").Select(a => Resolve("sources/article-ar.html", a.GetAttribute("href")!)));
        var investigation = site.Pages["sources/sky-news-investigation.html"];
        Assert.Contains("sources/article-ar.html",
            investigation.QuerySelectorAll(".derivation a").Select(a => Resolve("sources/sky-news-investigation.html", a.GetAttribute("href")!)));
    }

    [Fact]
    public void Each_claims_origins_are_the_roots_of_its_sources_after_derived_from_and_part_of()
    {
        // An independent reading of sources.json: follow part_of and derived_from up to the sources that have neither.
        var byId = site.Json("sources.json").GetProperty("sources").EnumerateArray()
            .ToDictionary(s => s.GetProperty("id").GetString()!, s => s);
        IEnumerable<string> Roots(string id)
        {
            var source = byId[id];
            var up = source.GetProperty("derived_from").EnumerateArray().Select(e => e.GetString()!).ToList();
            if (source.GetProperty("part_of").GetString() is { } parent) up.Add(parent);
            return up.Count == 0 ? [id] : up.SelectMany(Roots);
        }
        var singleOrigin = 0;
        foreach (var claim in site.Json("claims.json").GetProperty("claims").EnumerateArray())
        {
            var roots = claim.GetProperty("citations").EnumerateArray().SelectMany(c => Roots(c.GetProperty("source").GetString()!)).Distinct().Count();
            Assert.Equal(roots, claim.GetProperty("origins").GetInt32());
            if (roots == 1) singleOrigin++;
        }
        // The article rests on two origins (the leaked files and the testimonies): only claims on the leak alone, or on
        // one witness, are single-origin.
        Assert.InRange(singleOrigin, 1, site.Json("claims.json").GetProperty("claims").GetArrayLength() - 1);
    }

    [Fact]
    public void The_withheld_testimonies_say_why_and_publish_no_file()
    {
        var record = site.Json("sources.json").GetProperty("sources").EnumerateArray()
            .Single(s => s.GetProperty("sensitivity").GetString() == "withheld");
        Assert.Equal("defectors-testimony", record.GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Null, record.GetProperty("file").ValueKind);
        var notice = site.Pages["sources/defectors-testimony.html"].QuerySelector(".withheld-notice");
        Assert.NotNull(notice);
        Assert.Contains(record.GetProperty("withheld_reason").GetString()!, notice.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sample_correction_follows_its_claim_is_listed_on_the_cover_and_in_the_feed_and_dates_the_report()
    {
        var corrections = new YamlDotNet.Serialization.Deserializer()
            .Deserialize<List<Dictionary<string, string>>>(File.ReadAllText(Path.Combine(Repo.Input, "corrections.yml")));
        var correction = Assert.Single(corrections);
        var claim = site.Pages["sections/summary.html"].GetElementById("claim-" + correction["claim"]);
        Assert.NotNull(claim);
        var note = claim.NextElementSibling;
        Assert.Equal("correction", note?.ClassName);
        Assert.Contains(correction["text"], note!.TextContent, StringComparison.Ordinal);
        Assert.Equal(correction["date"], note.QuerySelector("time")!.GetAttribute("datetime"));

        var listed = Assert.Single(site.Pages["index.html"].QuerySelectorAll("#corrections li"));
        Assert.Equal($"sections/summary.html#claim-{correction["claim"]}", listed.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains(site.Pages["index.html"].QuerySelectorAll("header time"), t => t.GetAttribute("datetime") == correction["date"]);

        var feed = System.Xml.Linq.XDocument.Load(Path.Combine(site.Site, "corrections.xml"));
        System.Xml.Linq.XNamespace atom = "http://www.w3.org/2005/Atom";
        var entry = Assert.Single(feed.Root!.Elements(atom + "entry"));
        Assert.Equal(correction["text"], entry.Element(atom + "content")!.Value);
    }

    // claim → sources, inverted: source id → the claim URLs ("sections/x.html#claim-…") that cite it.
    private Dictionary<string, HashSet<string>> CitationsFromSectionPages()
    {
        var bySource = new Dictionary<string, HashSet<string>>();
        foreach (var (path, page) in site.Pages.Where(p => p.Key.StartsWith("sections/")))
            foreach (var claim in page.QuerySelectorAll(".claim"))
                foreach (var source in claim.QuerySelectorAll("a.cite").Select(a => a.GetAttribute("data-source")!).Distinct())
                    (bySource.TryGetValue(source, out var set) ? set : bySource[source] = []).Add($"{path}#{claim.Id}");
        return bySource;
    }

    private IElement? Find(string target)
    {
        var parts = target.Split('#', 2);
        return site.Pages.TryGetValue(parts[0], out var page) ? page.GetElementById(Uri.UnescapeDataString(parts[1])) : null;
    }

    private static string ClaimText(IElement claim)
    {
        var copy = (IElement)claim.Clone();
        foreach (var sup in copy.QuerySelectorAll("sup.citation").ToList()) sup.Remove();
        return copy.TextContent;
    }

    private static string Normalise(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>A relative URL from a page, as a path from the site root (keeping any #fragment).</summary>
    private static string Resolve(string fromPage, string href)
    {
        var baseUri = new Uri("http://site.invalid/" + fromPage);
        var resolved = new Uri(baseUri, href);
        return Uri.UnescapeDataString(resolved.AbsolutePath.TrimStart('/')) + resolved.Fragment;
    }
}
