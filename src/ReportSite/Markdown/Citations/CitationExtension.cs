using Markdig;
using Markdig.Parsers.Inlines;
using Markdig.Renderers;

namespace ReportSite.Markdown.Citations;

/// <summary>Pandoc citation groups: <c>[@key]</c>, <c>[see @a, p. 4; -@b]</c>, <c>[@key]{#claim-id}</c>.</summary>
public sealed class CitationExtension(CitationPunctuation punctuation) : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.InlineParsers.Contains<CitationInlineParser>())
            pipeline.InlineParsers.InsertBefore<LinkInlineParser>(new CitationInlineParser());
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<CitationGroupRenderer>())
            html.ObjectRenderers.InsertBefore<Markdig.Renderers.Html.Inlines.LiteralInlineRenderer>(new CitationGroupRenderer(punctuation));
    }
}
