using ReportSite.Sources;

namespace ReportSite.Urls;

/// <summary>
/// Where everything is in the site, as paths from its root ("sections/palmyra.html#claim-x"): the one place that
/// names pages. Pages link with <see cref="PageUrls"/>, which makes these relative to the page being rendered.
/// </summary>
public static partial class SitePaths
{
    public const string Cover = "index.html";
    /// <summary>The whole report on one page, to read straight through, print or save as PDF.</summary>
    public const string Report = "report.html";
    public const string SourcesIndex = "sources/index.html";
    /// <summary>The claims ledger: every claim, its sources, support and origins; filtered views beside it.</summary>
    public const string Claims = "claims/index.html";
    public const string ClaimsJson = "claims.json";
    public const string SourcesJson = "sources.json";
    /// <summary>The same graph for spreadsheets (RFC 4180, UTF-8 with a byte order mark).</summary>
    public const string ClaimsCsv = "claims.csv";
    public const string SourcesCsv = "sources.csv";
    /// <summary>Every source record as CSL-JSON, for citeproc (Pandoc, Zotero) users.</summary>
    public const string SourcesCslJson = "sources.csl.json";
    /// <summary>Every source record as BibLaTeX (UTF-8, for biber).</summary>
    public const string SourcesBib = "sources.bib";
    /// <summary>The cover's table of contents.</summary>
    public const string Contents = Cover + "#contents";
    public const string Stylesheet = "assets/style.css";
    public const string Favicon = "assets/favicon.svg";
    // The default theme's scripts: each only adds to a page that works without it.
    public const string PreviewsScript = "assets/previews.js";
    public const string SourcesScript = "assets/sources.js";
    public const string ThemeToggleScript = "assets/theme-toggle.js";
    /// <summary>The search page; search/ holds its index (docs/search.md).</summary>
    public const string Search = "search.html";
    /// <summary>Loaded by every page: binds the header box and loads <see cref="SearchScript"/> when a reader reaches for it.</summary>
    public const string SearchBoxScript = "assets/search-box.js";
    public const string SearchScript = "assets/search.js";
    /// <summary>The search index's folder: index.js, term shards t/N.js, their positions p/N.js and document chunks d/N.js.</summary>
    public const string SearchFolder = "search/";
    public const string SearchIndex = SearchFolder + "index.js";
    public static string SearchShard(int shard) => $"{SearchFolder}t/{shard}.js";
    public static string SearchPositions(int shard) => $"{SearchFolder}p/{shard}.js";
    public static string SearchChunk(int chunk) => $"{SearchFolder}d/{chunk}.js";
    /// <summary>Every other file of the site with its SHA-256 and size, written last, for <c>reportsite verify</c>.</summary>
    public const string Manifest = "manifest.json";
    /// <summary>Written only when site.yml has a base_url (a sitemap lists absolute URLs); reserved either way.</summary>
    public const string Sitemap = "sitemap.xml";
    /// <summary>The corrections as an Atom feed: written only when corrections.yml lists corrections; reserved either way.</summary>
    public const string CorrectionsFeed = "corrections.xml";
    /// <summary>The cover's list of corrections.</summary>
    public const string CorrectionsList = Cover + "#corrections";

    public static string Section(string slug) => $"sections/{slug}.html";

    /// <summary>A pre-built filtered view of the claims ledger ("support-weak", "single-origin").</summary>
    public static string ClaimsView(string name) => $"claims/{name}.html";

    /// <summary>The ledger's view of one section's claims: its file name is the section page's, so any slug that fits fits.</summary>
    public static string ClaimsOfSection(string slug) => $"claims/sections/{slug}.html";

    public static string Source(string id) => "sources/" + SourceRecord.PageNameFor(id);

    /// <summary>
    /// Page <paramref name="page"/> (1-based) of a collection's list of parts: the first is on the source's own page,
    /// the others in a folder of their own (<c>sources/parts/&lt;id&gt;-2.html</c>), where no source page can be.
    /// </summary>
    public static string SourceParts(string id, int page) =>
        page <= 1 ? Source(id) : $"sources/parts/{SourceRecord.PageNameFor(id)[..^".html".Length]}-{page}.html";

    public static string Claim(string sectionSlug, string claimId) => $"{Section(sectionSlug)}#claim-{claimId}";

    /// <summary>A file of the input published as it is (a record's <c>file:</c>, under documents/): where it is written.</summary>
    public static string InputFile(string relative) => relative;

    /// <summary>
    /// The same file as a link target. Ids and slugs never hold '#' or '%', a leaked file's name may ("memo #3.pdf"):
    /// those two are escaped (%23, %25) so that <see cref="PageUrls"/> and <see cref="SiteUrls"/> read no fragment in
    /// the name; <see cref="Segment"/> turns them back before encoding.
    /// </summary>
    public static string InputFileLink(string relative) =>
        relative.Replace("%", "%25", StringComparison.Ordinal).Replace("#", "%23", StringComparison.Ordinal);

    /// <summary>
    /// Splits a site path into its path and its fragment (from the first '#', with it), and percent-encodes each
    /// segment of the path for a URL: the one encoding of relative and absolute links.
    /// </summary>
    public static (string Path, string Fragment) Split(string sitePath)
    {
        var hash = sitePath.IndexOf('#');
        return hash < 0 ? (sitePath, "") : (sitePath[..hash], sitePath[hash..]);
    }

    /// <summary>One path segment as a URL writes it (the escapes of <see cref="InputFileLink"/> read back first).</summary>
    public static string Segment(string segment) =>
        Uri.EscapeDataString(segment.Contains('%') ? LinkEscape().Replace(segment, m => m.Value == "%23" ? "#" : "%") : segment);

    [System.Text.RegularExpressions.GeneratedRegex("%23|%25")]
    private static partial System.Text.RegularExpressions.Regex LinkEscape();
}
