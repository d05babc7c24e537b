using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using ReportSite.Diagnostics;
using ReportSite.Safety;

namespace ReportSite.Markdown;

/// <summary>
/// Checks a parsed section for what must not reach readers: links and images with a refused URL scheme (an error).
/// It also collects the author's raw HTML, which <see cref="RawHtmlSafety"/> reads once the section is rendered.
/// </summary>
public static class MarkdownSafety
{
    /// <param name="text">The section's Markdown, which <paramref name="document"/> was parsed from.</param>
    /// <param name="at">Where an offset of <paramref name="text"/> is in the author's file.</param>
    /// <returns>The section's raw HTML, to record while rendering and check after.</returns>
    public static RawHtmlMap Check(MarkdownDocument document, string text, DiagnosticBag diagnostics, Func<int, SourceLocation> at)
    {
        var raw = new RawHtmlMap(text);
        foreach (var block in document.Descendants<LeafBlock>())
        {
            if (block is HtmlBlock htmlBlock)
            {
                // The lines keep the indentation the block's span starts after.
                var start = htmlBlock.Lines.Count > 0 ? htmlBlock.Lines.Lines[0].Slice.Start : htmlBlock.Span.Start;
                raw.Add(htmlBlock, htmlBlock.Lines.ToString(), start);
                continue;
            }
            if (block.Inline is null) continue;
            // Inlines are located by their text inside the block: Markdig's inline offsets drift after a tab.
            var search = new BlockTextSearch(text, block.Span.Start, block.Span.End);
            foreach (var inline in block.Inline.Descendants())
            {
                switch (inline)
                {
                    case LinkInline link when link.Url is { } url && !UrlPolicy.IsAllowed(url):
                        diagnostics.Error(at(LinkStart(link, url, search)), DiagnosticCodes.UnsafeMarkdownUrl,
                            $"{(link.IsImage ? "image" : "link")} URL scheme '{UrlPolicy.SchemeOf(url)}:' is not allowed (use http, https or a relative path)");
                        break;
                    case AutolinkInline autolink when !UrlPolicy.IsAllowed(autolink.Url):
                        diagnostics.Error(at(search.Find("<" + autolink.Url) ?? search.Clamp(autolink.Span.Start)), DiagnosticCodes.UnsafeMarkdownUrl,
                            $"link URL scheme '{UrlPolicy.SchemeOf(autolink.Url)}:' is not allowed (use http, https or a relative path)");
                        break;
                    case HtmlInline tag:
                        raw.Add(tag, tag.Tag, search.Find(tag.Tag) ?? search.Clamp(tag.Span.Start));
                        break;
                }
            }
        }
        return raw;
    }

    // A link is reported where it starts ('[' or '!'): its URL is found as written, and the link starts as far before
    // it as Markdig says. A URL written differently (escapes, a reference definition elsewhere) keeps Markdig's place.
    private static int LinkStart(LinkInline link, string url, BlockTextSearch search)
    {
        if (link.UrlSpan.IsEmpty || link.UrlSpan.Start < link.Span.Start) return search.Clamp(link.Span.Start);
        var urlAt = search.Find("(" + url) is { } paren ? paren + 1 : search.Find("(<" + url) is { } angle ? angle + 1 : (int?)null; // Markdig's URL span starts at the '<'
        return search.Clamp(urlAt is { } found ? found - (link.UrlSpan.Start - link.Span.Start) : link.Span.Start);
    }
}
