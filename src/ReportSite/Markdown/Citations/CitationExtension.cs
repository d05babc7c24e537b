using Markdig;
using Markdig.Parsers.Inlines;
using Markdig.Renderers;

namespace ReportSite.Markdown.Citations;

/// <summary>Pandoc citations: <c>[@key]</c>, <c>[see @a, p. 4; -@b]</c>, <c>[@key]{#claim-id}</c>, and in the text <c>@key</c>, <c>@key [p. 4]</c>, <c>-@key</c>.</summary>
public sealed class CitationExtension(ICitationMarkup markup) : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.InlineParsers.Contains<CitationInlineParser>())
            pipeline.InlineParsers.InsertBefore<LinkInlineParser>(new CitationInlineParser());
        if (!pipeline.InlineParsers.Contains<InTextCitationParser>())
            pipeline.InlineParsers.InsertBefore<LinkInlineParser>(new InTextCitationParser());
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<CitationGroupRenderer>())
            html.ObjectRenderers.InsertBefore<Markdig.Renderers.Html.Inlines.LiteralInlineRenderer>(new CitationGroupRenderer(markup));
    }
}
