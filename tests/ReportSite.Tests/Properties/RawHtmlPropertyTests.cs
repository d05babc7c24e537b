using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using CsCheck;
using ReportSite.Diagnostics;
using ReportSite.Markdown;
using ReportSite.Markdown.Citations;
using ReportSite.Sections;
using ReportSite.Sources;

using ReportSite.Tests.Support;

namespace ReportSite.Tests.Properties;

/// <summary>
/// Random raw HTML in random Markdown containers (CsCheck): rendering never throws, every raw HTML diagnostic points
/// at a '&lt;' the author wrote, and what a browser would read in the section's HTML is never a refused URL unless it
/// was refused, never a script unless it was warned about.
/// </summary>
public class RawHtmlPropertyTests
{
    private const string DisplayPath = "input/sections/01-s.md";

    private static readonly SectionRenderer Renderer = new(DefaultTheme.Pipeline(CitationStyle.Latin),
        new Dictionary<string, SourceRecord> { ["a"] = new() { Id = "a", Type = SourceType.Report, Title = "A", Location = new SourceLocation("input/sources/a.yml", 1, 1) } }, CitationStyle.Latin);

    private static readonly Gen<string> Piece = Gen.OneOf(
        "<textarea>", "</textarea>", "<style>", "</style>", "<title>", "</title>", "<xmp>", "</xmp>", "<noscript>", "</noscript>",
        "<iframe>", "</iframe>", "<noembed>", "</noembed>", "<!--", "-->", "--!>", "<!-- x -->", "<svg>", "</svg>", "<math>", "</math>",
        "<div>", "</div>", "<b>", "</b>", "<a href=\"https://example.org\">", "</a>", "<table>", "<tr><td>", "</td></tr></table>",
        "<select>", "<template>", "</template>", "<p title=\"", "\">", "'", "\"", "<img src=x onerror=alert(1)>",
        "<a href=\"jav&#x61;script:alert(1)\">", "<animate attributeName=href to=javascript:alert(1) />",
        "<iframe srcdoc=\"&lt;script&gt;x&lt;/script&gt;\"></iframe>", "<meta http-equiv=refresh content=\"0;javascript:x\">",
        "<script>", "</script>", "</article>", "</body>", "<body class=x>", "<base href=\"https://example.org/\">",
        "text", " ", "\n", "\n\n", "> ", "- ", "1. ", "| a | b |\n| - | - |\n| ", "*em*", "[l](https://example.org)", "[@a]");

    private static readonly Gen<string> Markdown = Piece.Array[1, 14].Select(pieces => "A claim [@a].\n\n" + string.Concat(pieces));

    [Fact]
    public void Raw_html_is_read_without_throwing_located_at_the_authors_tags_and_nothing_unreported_reaches_the_page()
    {
        Markdown.Sample(markdown =>
        {
            var section = new Section { Slug = "s", Title = "S", SourcePath = "sections/01-s.md", DisplayPath = DisplayPath, Markdown = markdown };
            var diagnostics = new DiagnosticBag();
            var html = Renderer.Render(section, diagnostics).BodyHtml;
            var found = diagnostics.Sorted().ToList();

            var lines = markdown.Split('\n');
            foreach (var diagnostic in found.Where(d => d.Code is DiagnosticCodes.ScriptInMarkdown or DiagnosticCodes.RawHtmlSwallowsPage or DiagnosticCodes.RawHtmlOutsideSection))
                Assert.Equal('<', lines[diagnostic.Line - 1][diagnostic.Column - 1]);

            if (found.Any(d => d.Severity == Severity.Error)) return; // nothing is published
            var page = "<!DOCTYPE html><html><head></head><body>skip<main><article><div>" + html + "</div><nav class=\"pager\"></nav></article></main></body></html>";
            foreach (var scripting in new[] { true, false })
            {
                var document = new HtmlParser(new HtmlParserOptions { IsScripting = scripting }).ParseDocument(page);
                var elements = Elements(document).ToList();
                Assert.DoesNotContain(elements, e => e.Attributes.Any(a => (UrlValued.Contains(a.LocalName) || e.LocalName is "animate" or "set" && a.LocalName is "to" or "from" or "by" or "values")
                                                                          && a.Value.Contains("javascript:", StringComparison.OrdinalIgnoreCase)));
                if (elements.Any(e => e.LocalName is "script" or "meta" || e.LocalName == "iframe" && e.HasAttribute("srcdoc") || e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal))))
                    Assert.Contains(found, d => d.Code == DiagnosticCodes.ScriptInMarkdown);
                Assert.NotNull(document.QuerySelector("nav.pager"));
            }
        }, iter: 1000);
    }

    // Only an iframe reads srcdoc: `<p title=""<iframe srcdoc=…>` gives the p an inert srcdoc attribute.
    // Attributes a browser reads a URL from (a title may say "javascript:" harmlessly).
    private static readonly HashSet<string> UrlValued = new(StringComparer.OrdinalIgnoreCase)
        { "href", "xlink:href", "src", "action", "formaction", "data", "poster", "srcset", "content" };

    private static IEnumerable<IElement> Elements(INode root)
    {
        var stack = new Stack<INode>([root]);
        while (stack.TryPop(out var node))
        {
            if (node is IElement element)
            {
                yield return element;
                if (element is AngleSharp.Html.Dom.IHtmlTemplateElement template) stack.Push(template.Content);
            }
            foreach (var child in node.ChildNodes) stack.Push(child);
        }
    }
}
