using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax.Inlines;
using ReportSite.Markdown.Citations;

namespace ReportSite.Markdown.Claims;

/// <summary>
/// How a claim's element is marked up around its content. In a build the theme owns it (its
/// <c>layouts/partials/claim.html</c>, see Templates/ThemeClaimMarkup); there is no other copy of it.
/// </summary>
public interface IClaimMarkup
{
    /// <summary>The markup before and after the claim's content (its inlines, written by the Markdown renderer).</summary>
    (string Open, string Close) Html(ClaimInline claim);
}

/// <summary>
/// Renders a claim through <see cref="IClaimMarkup"/>: the element every "cited by" link targets. The space before
/// each citation group is written as a no-break space, so a marker never wraps away from the word it follows (the
/// claim's text in claims.json is built before, from the Markdown, and keeps its plain space).
/// </summary>
public sealed class ClaimRenderer(IClaimMarkup markup) : HtmlObjectRenderer<ClaimInline>
{
    protected override void Write(HtmlRenderer renderer, ClaimInline claim)
    {
        if (!renderer.EnableHtmlForInline)
        {
            renderer.WriteChildren(claim);
            return;
        }
        var (open, close) = markup.Html(claim);
        renderer.Write(open);
        for (var child = claim.FirstChild; child is not null; child = child.NextSibling)
        {
            if (child is LiteralInline literal && child.NextSibling is CitationGroupInline { InText: false }
                && literal.Content.ToString() is var text && text.TrimEnd(' ', '\t') is var trimmed && trimmed.Length < text.Length)
            {
                renderer.WriteEscape(trimmed).Write('\u00A0');
                continue;
            }
            renderer.Write(child);
        }
        renderer.Write(close);
    }
}

public sealed class ClaimExtension(IClaimMarkup markup) : Markdig.IMarkdownExtension
{
    public void Setup(Markdig.MarkdownPipelineBuilder pipeline) { }

    public void Setup(Markdig.MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<ClaimRenderer>())
            html.ObjectRenderers.Insert(0, new ClaimRenderer(markup));
    }
}
