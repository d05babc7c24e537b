using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace ReportSite.Markdown.Claims;

/// <summary>Renders a claim as <c>&lt;span class="claim" id="claim-…"&gt;</c>, the anchor every "cited by" link targets.</summary>
public sealed class ClaimRenderer : HtmlObjectRenderer<ClaimInline>
{
    protected override void Write(HtmlRenderer renderer, ClaimInline claim)
    {
        if (renderer.EnableHtmlForInline)
            renderer.Write("<span class=\"claim\" id=\"claim-").WriteEscape(claim.ClaimId).Write("\">");
        renderer.WriteChildren(claim);
        if (renderer.EnableHtmlForInline) renderer.Write("</span>");
    }
}

public sealed class ClaimExtension : Markdig.IMarkdownExtension
{
    public void Setup(Markdig.MarkdownPipelineBuilder pipeline) { }

    public void Setup(Markdig.MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<ClaimRenderer>())
            html.ObjectRenderers.Insert(0, new ClaimRenderer());
    }
}
