using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace ReportSite.Markdown.Citations;

/// <summary>
/// Renders a group Wikipedia-style: <c>&lt;sup class="citation"&gt;[1، ص 4؛ 2]&lt;/sup&gt;</c>, where each number
/// links to the source's page and is numbered in the order sources are first cited in the section.
/// </summary>
public sealed class CitationGroupRenderer(CitationStyle style) : HtmlObjectRenderer<CitationGroupInline>
{
    protected override void Write(HtmlRenderer renderer, CitationGroupInline group)
    {
        if (!renderer.EnableHtmlForInline)
        {
            // Plain text (an image's alt text, a heading's id): an in-text citation reads as its author's name.
            renderer.Write(group.InText && group.AuthorName is not null ? group.AuthorName : group.Group?.ToString() ?? "[@]");
            return;
        }
        if (group.InText)
        {
            // "Ashraf[3]": the name is isolated, as it may be written in another direction than the sentence.
            renderer.Write("<span class=\"cite-intext\">");
            if (group.AuthorName is not null)
                renderer.Write("<bdi class=\"cite-author\">").WriteEscape(group.AuthorName).Write("</bdi>"); // glued to its marker, as a bracketed one is to its word
        }
        renderer.Write("<sup class=\"citation\">[");
        for (var i = 0; i < group.Resolved.Count; i++)
        {
            var (citation, source, number) = group.Resolved[i];
            if (i > 0) renderer.Write(style.Separator);
            if (citation.Prefix is not null)
                renderer.Write("<span class=\"cite-prefix\">").Write(CitationAffix.Html(citation.Prefix)).Write("</span> ");
            if (source is null)
            {
                renderer.Write("<span class=\"cite cite-unknown\">@").WriteEscape(citation.Key).Write("</span>");
            }
            else
            {
                renderer.Write("<a class=\"cite\" href=\"../sources/")
                    .WriteEscapeUrl(source.PageName)
                    .Write("\" data-source=\"").WriteEscape(source.Id)
                    .Write("\" title=\"").WriteEscape(source.Title).Write("\">")
                    .Write(number.ToString(System.Globalization.CultureInfo.InvariantCulture))
                    .Write("</a>");
            }
            if (citation.Locator is not null)
                renderer.Write("<span class=\"cite-locator\">").Write(style.LocatorSeparator).Write(CitationAffix.Html(citation.Locator)).Write("</span>");
            if (citation.Suffix is not null)
                renderer.Write("<span class=\"cite-suffix\">").Write(style.LocatorSeparator).Write(CitationAffix.Html(citation.Suffix)).Write("</span>");
        }
        renderer.Write("]</sup>");
        if (group.InText) renderer.Write("</span>");
    }
}
