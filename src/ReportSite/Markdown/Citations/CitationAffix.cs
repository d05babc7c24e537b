using Markdig;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using ReportSite.Safety;

namespace ReportSite.Markdown.Citations;

/// <summary>
/// A citation's prefix, locator or suffix is Markdown inlines, as in Pandoc ("and *passim*", "p. **32**",
/// "see `ch. 2`"): HTML in pages, plain text in claims.json. Only inlines: block syntax ("- see", "# 3") stays text,
/// raw HTML is escaped, and a link whose URL scheme is refused is rendered as its text.
/// </summary>
public static class CitationAffix
{
    // A paragraph is the only block; no raw HTML; the inline extensions sections have (strikethrough, sub/sup …).
    private static readonly MarkdownPipeline Pipeline = BuildPipeline();

    private static MarkdownPipeline BuildPipeline()
    {
        var builder = new MarkdownPipelineBuilder().UseEmphasisExtras().DisableHtml();
        builder.BlockParsers.RemoveAll(parser => parser is not ParagraphBlockParser);
        return builder.Build();
    }

    private static ContainerInline? Parse(string markdown)
    {
        var document = Markdig.Markdown.Parse(markdown.ReplaceLineEndings(" "), Pipeline);
        return (document.FirstOrDefault() as ParagraphBlock)?.Inline;
    }

    /// <summary>The affix as HTML inlines (no paragraph), safe to write into a page.</summary>
    public static string Html(string markdown)
    {
        if (IsPlain(markdown)) return System.Net.WebUtility.HtmlEncode(markdown);
        var inlines = Parse(markdown);
        if (inlines is null) return "";
        foreach (var link in inlines.Descendants<LinkInline>().ToList())
            if (link.Url is { } url && !UrlPolicy.IsAllowed(url)) link.Url = ""; // reported by RefusedUrls; never published
        var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer) { ImplicitParagraph = true };
        Pipeline.Setup(renderer);
        renderer.WriteChildren(inlines);
        return writer.ToString();
    }

    /// <summary>The affix as readers read it: no Markdown punctuation, escapes resolved.</summary>
    public static string PlainText(string markdown)
    {
        if (IsPlain(markdown)) return markdown;
        var inlines = Parse(markdown);
        return inlines is null ? "" : Claims.ClaimBuilder.PlainText([inlines]).Trim();
    }

    /// <summary>The URLs of links and autolinks in the affix whose scheme is refused.</summary>
    public static IEnumerable<string> RefusedUrls(string markdown)
    {
        if (IsPlain(markdown) || Parse(markdown) is not { } inlines) return [];
        return inlines.Descendants<LinkInline>().Select(l => l.Url).OfType<string>()
            .Concat(inlines.Descendants<AutolinkInline>().Select(a => a.Url))
            .Where(url => !UrlPolicy.IsAllowed(url)).ToList();
    }

    // Most affixes ("see", "p. 4") hold no Markdown punctuation: no parse needed.
    private static bool IsPlain(string markdown) => markdown.AsSpan().IndexOfAny("*_`[]<>\\&~^=".AsSpan()) < 0;
}
