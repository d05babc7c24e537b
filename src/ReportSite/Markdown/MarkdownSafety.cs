using System.Text.RegularExpressions;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using ReportSite.Diagnostics;
using ReportSite.Safety;

namespace ReportSite.Markdown;

/// <summary>
/// Checks a parsed section for what must not reach readers: links and images with a refused URL scheme
/// (an error), and &lt;script&gt; in raw HTML (a warning: raw HTML is the author's, but scripts in a report are
/// almost always a paste accident). javascript:/data:/vbscript: URLs in raw HTML attributes are errors too.
/// </summary>
public static partial class MarkdownSafety
{
    public static void Check(MarkdownDocument document, string displayPath, DiagnosticBag diagnostics)
    {
        foreach (var node in document.Descendants())
        {
            switch (node)
            {
                case LinkInline link when link.Url is { } url && !UrlPolicy.IsAllowed(url):
                    diagnostics.Error(At(displayPath, link), DiagnosticCodes.UnsafeMarkdownUrl,
                        $"{(link.IsImage ? "image" : "link")} URL scheme '{UrlPolicy.SchemeOf(url)}:' is not allowed (use http, https or a relative path)");
                    break;
                case AutolinkInline autolink when !UrlPolicy.IsAllowed(autolink.Url):
                    diagnostics.Error(At(displayPath, autolink), DiagnosticCodes.UnsafeMarkdownUrl,
                        $"link URL scheme '{UrlPolicy.SchemeOf(autolink.Url)}:' is not allowed (use http, https or a relative path)");
                    break;
                case HtmlInline html:
                    CheckHtml(html.Tag, At(displayPath, html), diagnostics);
                    break;
                case HtmlBlock block:
                    CheckHtml(block.Lines.ToString(), At(displayPath, block), diagnostics);
                    break;
            }
        }
    }

    private static void CheckHtml(string html, SourceLocation at, DiagnosticBag diagnostics)
    {
        if (ScriptTag().IsMatch(html))
            diagnostics.Warning(at, DiagnosticCodes.ScriptInMarkdown, "raw HTML contains <script>: reports should not run scripts");
        foreach (Match match in UrlAttribute().Matches(html))
            if (!UrlPolicy.IsAllowed(match.Groups["url"].Value))
                diagnostics.Error(at, DiagnosticCodes.UnsafeMarkdownUrl,
                    $"raw HTML attribute '{match.Groups["name"].Value}' has a refused URL scheme '{UrlPolicy.SchemeOf(match.Groups["url"].Value)}:'");
    }

    private static SourceLocation At(string file, MarkdownObject node) => new(file, node.Line + 1, node.Column + 1);

    [GeneratedRegex(@"<\s*script\b", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();

    [GeneratedRegex(@"\b(?<name>href|src|action|formaction|xlink:href|poster|srcset)\s*=\s*(?:""(?<url>[^""]*)""|'(?<url>[^']*)'|(?<url>[^\s>]+))", RegexOptions.IgnoreCase)]
    private static partial Regex UrlAttribute();
}
