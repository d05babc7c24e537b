using ReportSite.Urls;

namespace ReportSite.Markdown.Citations;

/// <summary>
/// How a resolved citation group becomes HTML on a page. In a build the theme owns it (its
/// <c>layouts/partials/citation.html</c>, see Templates/ThemeCitationMarkup); there is no other copy of it.
/// </summary>
public interface ICitationMarkup
{
    /// <param name="urls">Links from the page the group is rendered on.</param>
    string Html(CitationGroupInline group, PageUrls urls);
}
