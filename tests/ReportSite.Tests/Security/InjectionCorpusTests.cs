using System.Collections.Concurrent;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ReportSite.Build;
using ReportSite.Diagnostics;
using ReportSite.Tests.Support;

namespace ReportSite.Tests.Security;

/// <summary>
/// Every string from YAML or front matter that reaches a page, an attribute or a JSON export is encoded for its
/// context: each payload of the corpus, in each field, either is refused with an error at that field or shows as text
/// everywhere, and never creates an element or attribute (the page structure is the same as with a harmless value).
/// </summary>
public sealed class InjectionCorpusTests
{
    public static readonly string[] Payloads =
    [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "'><svg onload=alert(1)>",
        "</title><script>alert(1)</script>",
        "{{ 1 + 1 }}",
        "javascript:alert(1)",
    ];

    private const string Harmless = "Plain value";

    private enum Where { Site, FrontMatter, Record }

    /// <param name="RefusedWith">The codes of the error the build must give for this field (null: the value is rendered).</param>
    /// <param name="Page">The page that shows a rendered field.</param>
    /// <param name="Json">The sources.json property of source 'a' that holds the value, if it is exported.</param>
    /// <param name="With">A line the record needs for the field to be shown (a withheld_reason needs sensitivity: withheld).</param>
    private sealed record Field(Where Where, string Name, string[]? RefusedWith, string? Page, string? Json = null, bool List = false, string? With = null);

    private static readonly Field[] Fields =
    [
        // Records: every field of docs/authoring.md.
        new(Where.Record, "title", null, "sources/a.html", "title"),
        new(Where.Record, "title_translated", null, "sources/a.html", "title_translated"),
        new(Where.Record, "authors", null, "sources/a.html", "authors", List: true),
        new(Where.Record, "author", null, "sources/a.html", "authors"),
        new(Where.Record, "publisher", null, "sources/a.html", "publisher"),
        new(Where.Record, "description", null, "sources/a.html"), // not in sources.json
        new(Where.Record, "quote", null, "sources/a.html"),       // not in sources.json
        new(Where.Record, "verification_note", null, "sources/a.html", "verification_note"),
        new(Where.Record, "language", null, "sources/a.html", "language"),
        new(Where.Record, "url", [DiagnosticCodes.UnsafeUrl], null),
        new(Where.Record, "archive_url", [DiagnosticCodes.UnsafeUrl], null),
        new(Where.Record, "archive_urls", [DiagnosticCodes.UnsafeUrl], null, List: true),
        new(Where.Record, "capture", [DiagnosticCodes.FileNotFound, DiagnosticCodes.FileOutsideInput], null),
        new(Where.Record, "collected_by", null, "sources/a.html", "collected_by"),
        new(Where.Record, "collected_on", [DiagnosticCodes.InvalidDate], null),
        new(Where.Record, "collection_method", null, "sources/a.html", "collection_method"),
        new(Where.Record, "sensitivity", [DiagnosticCodes.UnknownSensitivity], null),
        new(Where.Record, "withheld_reason", null, "sources/a.html", "withheld_reason", With: "sensitivity: withheld"),
        new(Where.Record, "date", [DiagnosticCodes.InvalidDate], null),
        new(Where.Record, "accessed", [DiagnosticCodes.InvalidDate], null),
        new(Where.Record, "id", [DiagnosticCodes.InvalidSourceId], null),
        new(Where.Record, "type", [DiagnosticCodes.UnknownSourceType], null),
        new(Where.Record, "verification", [DiagnosticCodes.UnknownVerification], null),
        new(Where.Record, "part_of", [DiagnosticCodes.UnknownParent], null),
        new(Where.Record, "derived_from", [DiagnosticCodes.UnknownDerivedFrom], null),
        new(Where.Record, "file", [DiagnosticCodes.FileNotFound, DiagnosticCodes.FileOutsideInput], null),
        new(Where.Record, "sha256", [DiagnosticCodes.Sha256Malformed], null),
        // site.yml
        new(Where.Site, "title", null, "index.html"),
        new(Where.Site, "subtitle", null, "index.html"),
        new(Where.Site, "authors", null, "index.html", List: true),
        new(Where.Site, "author", null, "index.html"),
        new(Where.Site, "description", null, "index.html"),
        new(Where.Site, "license", null, "index.html"),
        new(Where.Site, "published", [DiagnosticCodes.InvalidDate], null),
        new(Where.Site, "updated", [DiagnosticCodes.InvalidDate], null),
        new(Where.Site, "base_url", [DiagnosticCodes.UnsafeUrl], null),
        new(Where.Site, "language", [DiagnosticCodes.SiteConfigInvalid], null),
        new(Where.Site, "direction", [DiagnosticCodes.SiteConfigInvalid], null),
        new(Where.Site, "digits", [DiagnosticCodes.SiteConfigInvalid], null),
        // Section front matter
        new(Where.FrontMatter, "title", null, "sections/a.html"),
        new(Where.FrontMatter, "summary", null, "sections/a.html"),
        new(Where.FrontMatter, "slug", [DiagnosticCodes.InvalidFrontMatter], null),
        new(Where.FrontMatter, "order", [DiagnosticCodes.InvalidFrontMatter], null),
    ];

    private static string Key(Field field) => $"{field.Where.ToString().ToLowerInvariant()}.{field.Name}";

    public static IEnumerable<object[]> Cases() =>
        from field in Fields from payload in Payloads select new object[] { Key(field), payload };

    /// <summary>A single-quoted YAML scalar: the value exactly, whatever it holds.</summary>
    private static string Quote(string value) => "'" + value.Replace("'", "''") + "'";

    /// <summary>The minimal valid report with <paramref name="value"/> in the field; returns the report and the field's 1-based line.</summary>
    private static (TempReport Report, string File, int Line) ReportWith(Field field, string value)
    {
        var (file, lines) = field.Where switch
        {
            Where.Site => ("site.yml", new List<string> { "title: Test report", "language: en" }),
            Where.Record => ("sources/a.yml", new List<string> { "id: a", "type: report", "title: A" }),
            _ => ("sections/01-a.md", new List<string> { "---", "title: Section A", "---", "A claim [@a]." }),
        };
        var entry = field.List ? $"{field.Name}: [{Quote(value)}]" : $"{field.Name}: {Quote(value)}";
        if (field.With is { } with) lines.Add(with);
        var line = lines.FindIndex(l => l.StartsWith(field.Name + ":", StringComparison.Ordinal));
        if (line >= 0) lines[line] = entry;
        else
        {
            line = field.Where == Where.FrontMatter ? 2 : lines.Count;
            lines.Insert(line, entry);
        }

        var report = new TempReport(withSite: false)
            .Write("site.yml", "title: Test report\nlanguage: en\n")
            .Write("sources/a.yml", "id: a\ntype: report\ntitle: A\n")
            .Write("sections/01-a.md", "---\ntitle: Section A\n---\nA claim [@a].\n")
            .Write(file, string.Join('\n', lines) + "\n");
        return (report, "input/" + file, line + 1);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_payload_in_a_field_is_refused_or_shown_as_text_everywhere(string fieldKey, string payload)
    {
        var field = Fields.Single(f => Key(f) == fieldKey);
        var (report, file, line) = ReportWith(field, payload);
        using var _ = report;
        var result = report.Build();

        if (field.RefusedWith is { } codes)
        {
            // (a) The field refuses the value: an error at the value, and nothing is written.
            var errors = result.Diagnostics.Where(d => d.Severity == Severity.Error && codes.Contains(d.Code)).ToList();
            var error = Assert.Single(errors);
            Assert.Equal((file, line, field.Name.Length + 3), (error.File, error.Line, error.Column));
            if (error.Code != DiagnosticCodes.Sha256Malformed) Assert.Contains(payload, error.Message);
            Assert.False(result.Written);
            Assert.False(Directory.Exists(report.Output));
            return;
        }

        // (b) The value is rendered: the build succeeds and the payload is only ever text.
        Assert.Empty(result.Diagnostics);
        Assert.True(result.Written);
        var pages = Pages(report.Output);
        Assert.Contains(field.Page!, pages.Keys);

        foreach (var (path, page) in pages)
        {
            var elements = page.All.ToList();
            Assert.DoesNotContain(elements, e => e.LocalName is "script" && !IsThemeScript(e) || e.LocalName is "img" or "svg" or "iframe" or "object" or "embed");
            foreach (var element in elements)
            {
                foreach (var attribute in element.Attributes)
                {
                    Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase),
                        $"{path}: <{element.LocalName}> has an event handler attribute {attribute.Name}=\"{attribute.Value}\"");
                    if (attribute.Name is "href" or "src" or "action" or "formaction" or "xlink:href")
                        Assert.False(IsScriptUrl(attribute.Value), $"{path}: <{element.LocalName} {attribute.Name}=\"{attribute.Value}\">");
                }
            }
            if (payload.Contains('<') || payload.Contains('>'))
                Assert.DoesNotContain(payload, File.ReadAllText(Path.Combine(report.Output, path)));
        }

        var shown = pages[field.Page!];
        Assert.True(ShowsAsText(shown, payload), $"{field.Page} does not show the payload as text or an attribute value");
        if (payload == "{{ 1 + 1 }}")
            Assert.DoesNotContain(shown.All, e => e.Children.Length == 0 && e.TextContent.Trim() == "2");

        // The payload made no element or attribute: every page has the structure it has with a harmless value.
        var baseline = Baseline(field);
        Assert.Equal(baseline.Keys.Order(), pages.Keys.Order());
        foreach (var (path, page) in pages)
            Assert.Equal(baseline[path], Structure(page));

        // The JSON exports parse, and the exported field holds the payload exactly.
        var claims = JsonDocument.Parse(File.ReadAllText(Path.Combine(report.Output, "claims.json")));
        Assert.Equal(JsonValueKind.Array, claims.RootElement.GetProperty("claims").ValueKind);
        var sources = JsonDocument.Parse(File.ReadAllText(Path.Combine(report.Output, "sources.json")));
        if (field.Json is { } property)
        {
            var source = sources.RootElement.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "a");
            var value = source.GetProperty(property);
            if (value.ValueKind == JsonValueKind.Array)
                Assert.Equal([payload], value.EnumerateArray().Select(v => v.GetString()));
            else
                Assert.Equal(payload, value.GetString());
        }
    }

    [Fact]
    public void The_corpus_covers_every_field_of_records_site_yml_and_front_matter()
    {
        // Every record field of docs/authoring.md, and every text field of site.yml and front matter, has cases.
        var recordFields = ReportSite.Sources.RecordFields.Known;
        Assert.Equal(recordFields.Order(), Fields.Where(f => f.Where == Where.Record).Select(f => f.Name).Order());
        Assert.Equal(ReportSite.Site.SiteConfigLoader.Known.Order(), Fields.Where(f => f.Where == Where.Site).Select(f => f.Name).Order());
        Assert.Equal(ReportSite.Sections.SectionLoader.Known.Order(), Fields.Where(f => f.Where == Where.FrontMatter).Select(f => f.Name).Order());
        Assert.Equal(Fields.Length * Payloads.Length, Cases().Count());
    }

    // ───────────────────────── raw HTML in a section ─────────────────────────

    /// <summary>Raw HTML a section may hold: script vectors, refused URLs, and markup that swallows or leaves the page.</summary>
    public static readonly string[] RawHtmlPayloads =
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<svg onload=alert(1)>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
        "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">x</a>",
        "<a href=\"&#x6A;avascript&colon;alert(1)\">x</a>",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<iframe srcdoc=\"&lt;script&gt;alert(1)&lt;/script&gt;\"></iframe>",
        "<iframe srcdoc=\"<img src=x onerror=alert(1)>\"></iframe>",
        "<!-- x --!><img src=x onerror=alert(1)> -->",
        "<textarea> <a title=\"</textarea><img src=x onerror=alert(1)>\">x</a>",
        "<style> <a title=\"</style><img src=x onerror=alert(1)>\">x</a>",
        "<title> <a title=\"</title><svg onload=alert(1)>\">x</a>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
        "<svg><a><animate attributeName=href values=javascript:alert(1) /><text y=20>x</text></a></svg>",
        "<svg><set attributeName=\"xlink:href\" to=\"javascript:alert(1)\"/></svg>",
        "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>",
        "<math><a href=\"javascript:alert(1)\">x</a></math>",
        "<meta http-equiv=\"refresh\" content=\"0; javascript:alert(1)\">",
        "<meta http-equiv=\"refresh\" content=\"0;URL = 'javascript:alert(1)'\">",
        "<object data=\"javascript:alert(1)\"></object>",
        "<embed src=\"data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;\">",
        "<form><button formaction=\"javascript:alert(1)\">x</button></form>",
        "<video poster=\"javascript:alert(1)\"></video>",
        "<img srcset=\"x.png 1x, javascript:alert(1) 2x\">",
        "<details open ontoggle=alert(1)>",
        "<body onload=alert(1)>",
        "<base href=\"https://example.org/\">",
        "<template shadowrootmode=\"open\"><img src=x onerror=alert(1)></template>",
        "<textarea>",
        "<style>",
        "<xmp>",
        "<plaintext>",
        "<!--",
        "<div title=\"",
        "<b>",
        "</div></article></main><script>alert(1)</script>",
    ];

    // Where a payload goes: its own HTML block, inline after text, in a list item, in a quote (always on line 6).
    private static readonly string[] Containers = ["{0}\n", "Text {0} more.\n", "- {0}\n", "> {0}\n"];

    public static IEnumerable<object[]> RawHtmlCases() =>
        from payload in RawHtmlPayloads from container in Containers select new object[] { container, payload };

    private static readonly string[] RawHtmlCodes =
        [DiagnosticCodes.UnsafeMarkdownUrl, DiagnosticCodes.ScriptInMarkdown, DiagnosticCodes.RawHtmlSwallowsPage, DiagnosticCodes.RawHtmlOutsideSection];

    [Theory]
    [MemberData(nameof(RawHtmlCases))]
    public void A_raw_html_payload_in_a_section_is_reported_where_it_is_or_is_harmless_in_the_page(string container, string payload)
    {
        using var report = new TempReport()
            .Write("sources/a.yml", "id: a\ntype: report\ntitle: A\n")
            .Write("sections/01-a.md", "---\ntitle: Section A\n---\nA claim [@a].\n\n" + string.Format(container, payload));
        var result = report.Build();

        // Every diagnostic is a raw HTML one, on the payload's line.
        Assert.All(result.Diagnostics, d => Assert.Equal(("input/sections/01-a.md", 6), (d.File, d.Line)));
        Assert.All(result.Diagnostics, d => Assert.Contains(d.Code, RawHtmlCodes));
        if (!result.Written)
        {
            Assert.Contains(result.Diagnostics, d => d.Severity == Severity.Error);
            return;
        }

        // Written: as a browser reads the page (scripting on and off), no refused URL is in it, the page's own markup
        // after the section is whole, and whatever runs script was warned about.
        var html = report.ReadOutput("sections/a.html");
        foreach (var scripting in new[] { true, false })
        {
            var page = new HtmlParser(new HtmlParserOptions { IsScripting = scripting }).ParseDocument(html);
            var elements = AllElements(page).ToList();
            foreach (var element in elements)
                foreach (var attribute in element.Attributes)
                    Assert.False(IsScriptUrl(attribute.Value) || attribute.Value.Contains("javascript:", StringComparison.OrdinalIgnoreCase),
                        $"<{element.LocalName} {attribute.Name}=\"{attribute.Value}\"> was published");
            // Nothing of the page is lost; it stays in its place unless the section was warned about leaking out of it.
            Assert.NotNull(page.QuerySelector("footer.site-footer"));
            Assert.NotNull(page.QuerySelector("nav.pager"));
            if (!result.Diagnostics.Any(d => d.Code == DiagnosticCodes.RawHtmlOutsideSection))
            {
                Assert.NotNull(page.QuerySelector("body > footer.site-footer"));
                Assert.NotNull(page.QuerySelector("article > nav.pager"));
            }
            var runs = elements.Any(e => e.LocalName is "script" && !IsThemeScript(e) || e.LocalName is "object" or "embed"
                                         || e.LocalName == "iframe" && e.HasAttribute("srcdoc")
                                         || e.LocalName == "meta" && string.Equals(e.GetAttribute("http-equiv"), "refresh", StringComparison.OrdinalIgnoreCase)
                                         || e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
            if (runs) Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.ScriptInMarkdown);
        }
    }

    [Fact]
    public void The_raw_html_corpus_reaches_every_raw_html_code()
    {
        var codes = new HashSet<string>();
        foreach (var payload in RawHtmlPayloads)
        {
            using var report = new TempReport()
                .Write("sources/a.yml", "id: a\ntype: report\ntitle: A\n")
                .Write("sections/01-a.md", "---\ntitle: Section A\n---\nA claim [@a].\n\n" + payload + "\n");
            codes.UnionWith(report.Check().Diagnostics.Select(d => d.Code));
        }
        Assert.Equal(RawHtmlCodes.Order(), codes.Order());
    }

    /// <summary>Every element, template contents and shadow roots included.</summary>
    private static IEnumerable<IElement> AllElements(INode root)
    {
        foreach (var node in root.ChildNodes)
        {
            if (node is not IElement element) continue;
            yield return element;
            if (element.ShadowRoot is { } shadow) foreach (var inner in AllElements(shadow)) yield return inner;
            if (element is AngleSharp.Html.Dom.IHtmlTemplateElement template) foreach (var inner in AllElements(template.Content)) yield return inner;
            foreach (var inner in AllElements(element)) yield return inner;
        }
    }

    // ───────────────────────── helpers ─────────────────────────

    private static readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>> Baselines = new();

    /// <summary>The structure of every page when the field holds a harmless value.</summary>
    private static IReadOnlyDictionary<string, IReadOnlyList<string>> Baseline(Field field) =>
        Baselines.GetOrAdd(Key(field), _ =>
        {
            var (report, _, _) = ReportWith(field, Harmless);
            using (report)
            {
                var result = report.Build();
                Assert.True(result.Written, "the baseline report does not build: " + string.Join("; ", result.Diagnostics));
                return Pages(report.Output).ToDictionary(p => p.Key, p => Structure(p.Value));
            }
        });

    private static Dictionary<string, IDocument> Pages(string site)
    {
        var parser = new HtmlParser();
        return Directory.EnumerateFiles(site, "*.html", SearchOption.AllDirectories)
            .ToDictionary(p => Path.GetRelativePath(site, p).Replace('\\', '/'), p => (IDocument)parser.ParseDocument(File.ReadAllText(p)));
    }

    /// <summary>Each element with its attribute names, in document order.</summary>
    private static IReadOnlyList<string> Structure(IDocument page) =>
        page.All.Select(e => $"{e.LocalName}[{string.Join(' ', e.Attributes.Select(a => a.Name).Order(StringComparer.Ordinal))}]").ToList();

    private static bool ShowsAsText(IDocument page, string payload) =>
        page.All.Any(e => e.ChildNodes.OfType<IText>().Any(t => t.Data.Contains(payload, StringComparison.Ordinal))
                          || e.Attributes.Any(a => a.Value.Contains(payload, StringComparison.Ordinal)));

    /// <summary>javascript:, vbscript: or data: as a browser reads the URL (ignoring whitespace and control characters).</summary>
    // The theme's own scripts (base.html): an empty <script src> naming a file of assets/, which no payload can write.
    private static bool IsThemeScript(IElement script) =>
        script.TextContent.Length == 0 && script.GetAttribute("src") is { } src
        && System.Text.RegularExpressions.Regex.IsMatch(src, @"^(\.\./)*assets/[a-z-]+\.js$")
        || IsJsonLd(script);

    // base.html's JSON-LD: data, not a script, as long as it is whole JSON with no '<' a payload could close it with.
    private static bool IsJsonLd(IElement script)
    {
        if (script.GetAttribute("type") != "application/ld+json" || script.HasAttribute("src") || script.TextContent.Contains('<')) return false;
        try { using var _ = System.Text.Json.JsonDocument.Parse(script.TextContent); return true; }
        catch (System.Text.Json.JsonException) { return false; }
    }

    private static bool IsScriptUrl(string url)
    {
        var cleaned = new string(url.Where(c => c > ' ' && c != '\u007f').ToArray()).ToLowerInvariant();
        return cleaned.StartsWith("javascript:") || cleaned.StartsWith("vbscript:") || cleaned.StartsWith("data:");
    }
}
