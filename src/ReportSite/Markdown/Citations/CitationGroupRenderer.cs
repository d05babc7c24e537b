using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace ReportSite.Markdown.Citations;

/// <summary>Punctuation of rendered citation groups, chosen by the report's language.</summary>
public sealed record CitationPunctuation(string Separator, string LocatorSeparator)
{
    public static readonly CitationPunctuation Latin = new("; ", ", ");
    public static readonly CitationPunctuation Arabic = new("؛ ", "، ");

    public static CitationPunctuation For(string language) =>
        language.Split('-')[0] is "ar" or "fa" or "ur" or "ps" or "ckb" ? Arabic : Latin;
}

/// <summary>
/// Renders a group Wikipedia-style: <c>&lt;sup class="citation"&gt;[1، ص 4؛ 2]&lt;/sup&gt;</c>, where each number
/// links to the source's page and is numbered in the order sources are first cited in the section.
/// </summary>
public sealed class CitationGroupRenderer(CitationPunctuation punctuation) : HtmlObjectRenderer<CitationGroupInline>
{
    protected override void Write(HtmlRenderer renderer, CitationGroupInline group)
    {
        if (!renderer.EnableHtmlForInline)
        {
            renderer.Write(group.Group?.ToString() ?? "[@]");
            return;
        }
        renderer.Write("<sup class=\"citation\">[");
        for (var i = 0; i < group.Resolved.Count; i++)
        {
            var (citation, source, number) = group.Resolved[i];
            if (i > 0) renderer.Write(punctuation.Separator);
            if (citation.Prefix is not null)
                renderer.Write("<span class=\"cite-prefix\">").WriteEscape(citation.Prefix).Write("</span> ");
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
                renderer.Write("<span class=\"cite-locator\">").Write(punctuation.LocatorSeparator).WriteEscape(citation.Locator).Write("</span>");
            if (citation.Suffix is not null)
                renderer.Write("<span class=\"cite-suffix\">").Write(punctuation.LocatorSeparator).WriteEscape(citation.Suffix).Write("</span>");
        }
        renderer.Write("]</sup>");
    }
}
