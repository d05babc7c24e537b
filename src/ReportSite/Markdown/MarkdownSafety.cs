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

    /// <param name="locate">Where a node is in the author's file.</param>
    public static void Check(MarkdownDocument document, DiagnosticBag diagnostics, Func<MarkdownObject, SourceLocation> locate)
    {
        foreach (var node in document.Descendants())
        {
            switch (node)
            {
                case LinkInline link when link.Url is { } url && !UrlPolicy.IsAllowed(url):
                    diagnostics.Error(locate(link), DiagnosticCodes.UnsafeMarkdownUrl,
                        $"{(link.IsImage ? "image" : "link")} URL scheme '{UrlPolicy.SchemeOf(url)}:' is not allowed (use http, https or a relative path)");
                    break;
                case AutolinkInline autolink when !UrlPolicy.IsAllowed(autolink.Url):
                    diagnostics.Error(locate(autolink), DiagnosticCodes.UnsafeMarkdownUrl,
                        $"link URL scheme '{UrlPolicy.SchemeOf(autolink.Url)}:' is not allowed (use http, https or a relative path)");
                    break;
                case HtmlInline html:
                    CheckHtml(html.Tag, locate(html), diagnostics);
                    break;
                case HtmlBlock block:
                    CheckHtml(block.Lines.ToString(), locate(block), diagnostics);
                    break;
            }
        }
    }

    private static void CheckHtml(string html, SourceLocation at, DiagnosticBag diagnostics)
    {
        var document = new HtmlParser().ParseDocument(html);
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
