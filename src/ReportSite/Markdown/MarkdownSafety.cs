using AngleSharp.Html.Parser;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using ReportSite.Diagnostics;
using ReportSite.Safety;

namespace ReportSite.Markdown;

/// <summary>
/// Checks a parsed section for what must not reach readers: links and images with a refused URL scheme (an
/// error), and scripts in raw HTML (a warning: raw HTML is the author's, but a script in a report page is almost
/// always a paste accident). Raw HTML is read by a real HTML parser (AngleSharp), so character references such as
/// <c>jav&amp;#x61;script:</c> cannot hide a refused scheme.
/// </summary>
public static class MarkdownSafety
{
    // Attributes whose value a browser loads or navigates to.
    private static readonly HashSet<string> UrlAttributes = new(StringComparer.OrdinalIgnoreCase)
    {
        "href", "src", "action", "formaction", "data", "poster", "background", "cite", "longdesc", "xlink:href", "ping",
    };

    /// <param name="text">The section's Markdown, which <paramref name="document"/> was parsed from.</param>
    /// <param name="at">Where an offset of <paramref name="text"/> is in the author's file.</param>
    public static void Check(MarkdownDocument document, string text, DiagnosticBag diagnostics, Func<int, SourceLocation> at)
    {
        foreach (var block in document.Descendants<LeafBlock>())
        {
            if (block is HtmlBlock html)
            {
                CheckHtml(html.Lines.ToString(), at(html.Span.Start), diagnostics);
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
                    // An inline closing tag or comment has no attributes and runs nothing: no need to parse it.
                    case HtmlInline tag when !tag.Tag.StartsWith("</", StringComparison.Ordinal) && !tag.Tag.StartsWith("<!--", StringComparison.Ordinal):
                        CheckHtml(tag.Tag, at(search.Find(tag.Tag) ?? search.Clamp(tag.Span.Start)), diagnostics);
                        break;
                }
            }
        }
    }

    // A link is reported where it starts ('[' or '!'): its URL is found as written, and the link starts as far before
    // it as Markdig says. A URL written differently (escapes, a reference definition elsewhere) keeps Markdig's place.
    private static int LinkStart(LinkInline link, string url, BlockTextSearch search)
    {
        if (link.UrlSpan.IsEmpty || link.UrlSpan.Start < link.Span.Start) return search.Clamp(link.Span.Start);
        var urlAt = search.Find("(" + url) is { } paren ? paren + 1 : search.Find("(<" + url) is { } angle ? angle + 1 : (int?)null; // Markdig's URL span starts at the '<'
        return search.Clamp(urlAt is { } found ? found - (link.UrlSpan.Start - link.Span.Start) : link.Span.Start);
    }

    // Parsers are reused (one per thread: a parser is not meant to be shared), as building one is most of the cost
    // of reading a short tag.
    [ThreadStatic] private static HtmlParser? _parser;

    private static void CheckHtml(string html, SourceLocation at, DiagnosticBag diagnostics)
    {
        var document = (_parser ??= new HtmlParser()).ParseDocument(html);
        foreach (var element in document.All)
        {
            if (element.LocalName == "script")
                diagnostics.Warning(at, DiagnosticCodes.ScriptInMarkdown, "raw HTML contains <script>: a report page should not run scripts");
            foreach (var attribute in element.Attributes)
            {
                if (attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                    diagnostics.Warning(at, DiagnosticCodes.ScriptInMarkdown,
                        $"raw HTML has an event handler '{attribute.Name}': a report page should not run scripts");
                foreach (var url in Urls(element.LocalName, attribute.Name, attribute.Value, element.GetAttribute("http-equiv")))
                    if (!UrlPolicy.IsAllowed(url))
                        diagnostics.Error(at, DiagnosticCodes.UnsafeMarkdownUrl,
                            $"raw HTML attribute '{attribute.Name}' has a refused URL scheme '{UrlPolicy.SchemeOf(url)}:'");
            }
        }
    }

    private static IEnumerable<string> Urls(string element, string name, string value, string? httpEquiv)
    {
        if (UrlAttributes.Contains(name)) yield return value;
        else if (name.Equals("srcset", StringComparison.OrdinalIgnoreCase))
            foreach (var candidate in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                yield return candidate.Split(' ')[0];
        else if (element == "meta" && name.Equals("content", StringComparison.OrdinalIgnoreCase)
                 && string.Equals(httpEquiv, "refresh", StringComparison.OrdinalIgnoreCase)
                 && value.IndexOf("url=", StringComparison.OrdinalIgnoreCase) is var at and >= 0)
            yield return value[(at + 4)..].Trim('\'', '"', ' ');
    }

}
