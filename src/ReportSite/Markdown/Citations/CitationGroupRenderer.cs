using System.Globalization;
using System.Net;
using System.Text;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using ReportSite.Urls;

namespace ReportSite.Markdown.Citations;

/// <summary>
/// Writes a group where it stands in the Markdown: its markup comes from <see cref="ICitationMarkup"/> (the theme's),
/// for the page in <see cref="Urls"/>; where HTML is not wanted (an image's alt text) it writes the group as text.
/// </summary>
public sealed class CitationGroupRenderer(ICitationMarkup markup) : HtmlObjectRenderer<CitationGroupInline>
{
    /// <summary>The page the HTML is for: a section page unless the caller says otherwise.</summary>
    public PageUrls Urls { get; set; } = new(SitePaths.Section("_"));

    protected override void Write(HtmlRenderer renderer, CitationGroupInline group)
    {
        if (!renderer.EnableHtmlForInline)
        {
            // Plain text (an image's alt text, a heading's id): an in-text citation reads as its author's name.
            renderer.Write(group.InText && group.AuthorName is not null ? group.AuthorName : group.Group?.ToString() ?? "[@]");
            return;
        }
        renderer.Write(markup.Html(group, Urls));
    }
}

/// <summary>
/// The default theme's citation markup, in C#: Wikipedia-style <c>&lt;sup class="citation"&gt;[1، ص 4؛ 2]&lt;/sup&gt;</c>,
/// each number linking to the source's page, numbered in the order sources are first cited in the section; an
/// in-text citation is the author's name (isolated: it may run in another direction than the sentence) glued to it.
/// </summary>
public sealed class BuiltInCitationMarkup(CitationStyle style) : ICitationMarkup
{
    public string Html(CitationGroupInline group, PageUrls urls)
    {
        var html = new StringBuilder();
        if (group.InText)
        {
            html.Append("<span class=\"cite-intext\">");
            if (group.AuthorName is not null) html.Append("<bdi class=\"cite-author\">").Append(WebUtility.HtmlEncode(group.AuthorName)).Append("</bdi>");
        }
        html.Append("<sup class=\"citation\">[");
        for (var i = 0; i < group.Resolved.Count; i++)
        {
            var (citation, source, number) = group.Resolved[i];
            if (i > 0) html.Append(style.Separator);
            if (citation.Prefix is not null) html.Append("<span class=\"cite-prefix\">").Append(CitationAffix.Html(citation.Prefix)).Append("</span> ");
            if (source is null)
                html.Append("<span class=\"cite cite-unknown\">@").Append(WebUtility.HtmlEncode(citation.Key)).Append("</span>");
            else
                html.Append("<a class=\"cite\" href=\"").Append(WebUtility.HtmlEncode(urls.To(SitePaths.Source(source.Id))))
                    .Append("\" data-source=\"").Append(WebUtility.HtmlEncode(source.Id))
                    .Append("\" title=\"").Append(WebUtility.HtmlEncode(source.Title)).Append("\">")
                    .Append(number.ToString(CultureInfo.InvariantCulture)).Append("</a>");
            if (citation.Locator is not null)
                html.Append("<span class=\"cite-locator\">").Append(style.LocatorSeparator).Append(CitationAffix.Html(citation.Locator)).Append("</span>");
            if (citation.Suffix is not null)
                html.Append("<span class=\"cite-suffix\">").Append(style.LocatorSeparator).Append(CitationAffix.Html(citation.Suffix)).Append("</span>");
        }
        html.Append("]</sup>");
        if (group.InText) html.Append("</span>");
        return html.ToString();
    }
}
