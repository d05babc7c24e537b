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
