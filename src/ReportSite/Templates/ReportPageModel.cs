using ReportSite.Site;
using ReportSite.Urls;

namespace ReportSite.Templates;

/// <summary>The whole report on one page (report.html), the page people print or save as PDF: every section in order.</summary>
public sealed record ReportPage(SiteConfig Site, IReadOnlyList<LinkModel> Toc, IReadOnlyList<ReportSectionModel> Sections)
    : PageModel(Site, SitePaths.Report, Site.Title, Toc)
{
    /// <summary>The sources some claim cites (as the cover's).</summary>
    public IReadOnlyList<SourceModel> CitedSources { get; init; } = [];
}

/// <summary>
/// One section inside report.html: its body and its source list as rendered for its own page, moved onto report.html
/// (<see cref="RelocatedHtml"/>): ids scoped with <see cref="Anchor"/> ("palmyra--source-3"), links re-based.
/// <see cref="Anchor"/> is also the id of the section's element ("report.html#palmyra").
/// </summary>
public sealed record ReportSectionModel(string Slug, string Title, string? Summary, int Position, RawHtml Body, RawHtml Sources)
{
    public string Anchor => Slug;

    /// <summary>The section's own page.</summary>
    public string Path => SitePaths.Section(Slug);

    /// <summary>The corrections of the section as a whole, oldest first (a claim's follow it in <see cref="Body"/>).</summary>
    public IReadOnlyList<CorrectionModel> Corrections { get; init; } = [];
}

public static class ReportPages
{
    private const string SourcesPartial = "partials/section-sources";

    /// <summary>The one-page report: each section's page model rendered as its page would render it, then relocated.</summary>
    public static ReportPage Build(PageModelFactory pages, TemplateRenderer templates, IReadOnlyList<Graph.RenderedSection> sections, SiteConfig site)
    {
        // A link from one section to another (its page, its Markdown file, one of its claims) stays on report.html.
        var moved = new MovedPages(
            sections.SelectMany(s => new[] { (SitePaths.Section(s.Slug), s.Slug), (s.Section.SourcePath, s.Slug) })
                .DistinctBy(p => p.Item1, StringComparer.Ordinal).ToDictionary(p => p.Item1, p => p.Item2, StringComparer.Ordinal),
            sections.SelectMany(s => s.Claims.Select(c => (Id: "claim-" + c.Id, s.Slug)))
                .DistinctBy(c => c.Id, StringComparer.Ordinal).ToDictionary(c => c.Id, c => c.Slug, StringComparer.Ordinal));
        var models = sections.Select((section, i) =>
        {
            var page = pages.Section(section, i + 1);
            // Under the section's title (h2 here, h1 on its page), its headings go one level down.
            RawHtml Moved(string html) => new(RelocatedHtml.Move(html, page.PagePath, SitePaths.Report, section.Slug, headingShift: 1, moved));
            // The same partial the section page includes, rendered for the section page (its variables, its URLs).
            var sources = templates.Has(SourcesPartial) ? templates.RenderPartial(SourcesPartial, page) : "";
            return new ReportSectionModel(section.Slug, page.Title, page.Summary, page.Position, Moved(page.Body.Html), Moved(sources))
            {
                Corrections = page.Corrections,
            };
        }).ToList();
        var index = pages.Index();
        return new ReportPage(site, index.Toc, models) { CitedSources = index.CitedSources };
    }
}
