using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace ReportSite.Markdown;

/// <summary>The markup of a heading's self-link (a link to its own <c>#id</c>), written inside the h2 or h3 after its text.</summary>
public interface IHeadingLinkMarkup
{
    string HeadingLink(int level, string id);
}

/// <summary>Renders h2 and h3 headings that have an id with a self-link from <see cref="IHeadingLinkMarkup"/> before the closing tag.</summary>
public sealed class HeadingLinkExtension(IHeadingLinkMarkup markup) : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline) { }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && html.ObjectRenderers.Contains<HeadingRenderer>())
            html.ObjectRenderers.Replace<HeadingRenderer>(new Renderer(markup));
    }

    private sealed class Renderer(IHeadingLinkMarkup markup) : HtmlObjectRenderer<HeadingBlock>
    {
        protected override void Write(HtmlRenderer renderer, HeadingBlock obj)
        {
            var tag = "h" + obj.Level.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (renderer.EnableHtmlForBlock) renderer.Write('<').Write(tag).WriteAttributes(obj).Write('>');
            renderer.WriteLeafInline(obj);
            if (renderer.EnableHtmlForBlock)
            {
                if (obj.Level is 2 or 3 && obj.GetAttributes().Id is { Length: > 0 } id) renderer.Write(markup.HeadingLink(obj.Level, id));
                renderer.Write("</").Write(tag).WriteLine(">");
            }
            renderer.EnsureLine();
        }
    }
}
