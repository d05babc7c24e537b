using ReportSite.Urls;

namespace ReportSite.Markdown.Citations;

/// <summary>
/// How a resolved citation group becomes HTML on a page. In a build the theme owns it (its
/// <c>layouts/partials/citation.html</c>, see Templates/ThemeCitationMarkup); <see cref="BuiltInCitationMarkup"/> is
/// the same markup for tools and tests that render Markdown without a theme.
/// </summary>
public interface ICitationMarkup
{
    /// <param name="urls">Links from the page the group is rendered on.</param>
    string Html(CitationGroupInline group, PageUrls urls);
}
