using ReportSite.Urls;

namespace ReportSite.Templates;

/// <summary>
/// <c>paths</c> in every template: the <see cref="SitePaths"/> names of the site's fixed pages and files, so a theme
/// links with <c>{{ url paths.sources_index }}</c> and never spells a path the build might change.
/// </summary>
public sealed class PathsModel
{
    public static readonly PathsModel Instance = new();

    private PathsModel() { }

    /// <summary>The cover page (index.html).</summary>
    public string Cover => SitePaths.Cover;
    /// <summary>The cover's table of contents (index.html#contents).</summary>
    public string Contents => SitePaths.Contents;
    public string SourcesIndex => SitePaths.SourcesIndex;
    /// <summary>The claims ledger (claims/index.html).</summary>
    public string Claims => SitePaths.Claims;
    public string ClaimsJson => SitePaths.ClaimsJson;
    public string SourcesJson => SitePaths.SourcesJson;
    public string ClaimsCsv => SitePaths.ClaimsCsv;
    public string SourcesCsv => SitePaths.SourcesCsv;
    /// <summary>sources.csl.json: the sources as CSL-JSON.</summary>
    public string SourcesCslJson => SitePaths.SourcesCslJson;
    /// <summary>sources.bib: the sources as BibLaTeX.</summary>
    public string SourcesBib => SitePaths.SourcesBib;
    public string Stylesheet => SitePaths.Stylesheet;
    public string Favicon => SitePaths.Favicon;
    /// <summary>The whole report on one page (report.html).</summary>
    public string Report => SitePaths.Report;
    public string PreviewsScript => SitePaths.PreviewsScript;
    public string SourcesScript => SitePaths.SourcesScript;
    public string ThemeToggleScript => SitePaths.ThemeToggleScript;
    /// <summary>search.html: the search results page (<c>?q=</c>).</summary>
    public string Search => SitePaths.Search;
    /// <summary>assets/search-box.js, on every page: loads assets/search.js when a reader reaches for the box.</summary>
    public string SearchBoxScript => SitePaths.SearchBoxScript;
    /// <summary>assets/search.js: the query side of search, loaded on demand.</summary>
    public string SearchScript => SitePaths.SearchScript;
    /// <summary>search/index.js: the search index's first file; the rest are found from it.</summary>
    public string SearchIndex => SitePaths.SearchIndex;
    /// <summary>sitemap.xml: written only when site.yml has a base_url.</summary>
    public string Sitemap => SitePaths.Sitemap;
    /// <summary>corrections.xml, the Atom feed of corrections: written only when corrections.yml lists corrections.</summary>
    public string CorrectionsFeed => SitePaths.CorrectionsFeed;
}
