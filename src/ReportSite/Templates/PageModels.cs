using System.Collections.Concurrent;
using ReportSite.Graph;
using ReportSite.Site;
using ReportSite.Sources;
using ReportSite.Urls;

namespace ReportSite.Templates;

// The data each layout receives. Built from the report graph in C#, so templates only display: they never look
// anything up, and every claim and citation carries what a page needs (title, type, date, status, quote, locator).

/// <summary>
/// What every page has: the site, its own path from the site root (templates link with <c>{{ url path }}</c>, which
/// makes a <see cref="SitePaths"/> path relative to this page), and the table of contents.
/// </summary>
public abstract record PageModel(SiteConfig Site, string PagePath, string PageTitle, IReadOnlyList<LinkModel> Toc)
{
    /// <summary>From this page to the site root ("" or "../"): for themes that build paths themselves.</summary>
    public string Root => new PageUrls(PagePath).Root;

    // ── Publishing metadata (base.html's <head>: title, description, Open Graph, canonical) ──

    /// <summary>The <c>&lt;title&gt;</c>: "page · site", kept under <see cref="PageTitles.Limit"/> characters where possible.</summary>
    public string DocumentTitle => TitleWith(_ => null);

    /// <summary><see cref="DocumentTitle"/> with the sources index named by <paramref name="label"/> (the theme's
    /// <c>all_sources</c> string, its heading): it has no title of its own.</summary>
    public string TitleWith(Func<string, string?> label) =>
        PageTitles.Document(this switch
        {
            SourcesIndexPage when PageTitle.Length == 0 => label("all_sources") ?? "",
            SearchPage => label("search") ?? "",
            ClaimsPage claims => string.Join(": ", new[] { label("claims_ledger"), claims.View.LabelKey is { } key ? label(key) : claims.View.SectionTitle }
                .Where(part => !string.IsNullOrEmpty(part))),
            _ => PageTitle,
        }, Site.Title);

    /// <summary>
    /// The meta and og:description: a section's summary, a source's description (else a line of its type, publisher
    /// and date), else the site's description; null when there is none.
    /// </summary>
    public string? MetaDescription => Describe(_ => null);

    /// <summary><see cref="MetaDescription"/> with a source's type named by <paramref name="label"/> (the theme's
    /// <c>type_…</c> string, as pages show it; the type itself when null).</summary>
    public string? Describe(Func<string, string?> label) => PageTitles.OneLine(this switch
    {
        SectionPage section => section.Summary,
        SourcePage { Source: var source } => source.Record.Description
            ?? string.Join(" · ", new[] { label("type_" + source.Type) ?? source.Type, source.Record.Publisher, source.Date }
                .Where(part => !string.IsNullOrWhiteSpace(part))),
        _ => null,
    }) ?? PageTitles.OneLine(Site.Description);

    /// <summary>og:type: a section or source page is an article, the cover and indexes a website.</summary>
    public string OgType => this is SectionPage or SourcePage ? "article" : "website";

    /// <summary>og:locale from the site language ("ar", "fr_CA").</summary>
    public string OgLocale => Site.Language.Replace('-', '_');

    /// <summary>The page's absolute URL (canonical, og:url) when site.yml has a base_url; else null.</summary>
    public string? CanonicalUrl => SiteUrls.For(Site.BaseUrl, PagePath);

    /// <summary>The page's schema.org JSON-LD (<see cref="StructuredData"/>), safe inside a <c>&lt;script&gt;</c>.</summary>
    public RawHtml JsonLd => StructuredData.Of(this);
}

/// <summary>A link to a page: its title, its <see cref="SitePaths"/> path, and a line about it.</summary>
public sealed record LinkModel(string Title, string Path, string? Summary = null);

public sealed record IndexPage(SiteConfig Site, IReadOnlyList<LinkModel> Toc, int SourceCount, int ClaimCount)
    : PageModel(Site, SitePaths.Cover, Site.Title, Toc)
{
    /// <summary>The sources some claim cites, in the order of sources/index.html.</summary>
    public IReadOnlyList<SourceModel> CitedSources { get; init; } = [];
    /// <summary>Every correction of corrections.yml, newest first, with what it corrects.</summary>
    public IReadOnlyList<CorrectionModel> Corrections { get; init; } = [];
}

public sealed record SectionPage(
    SiteConfig Site, string Slug, IReadOnlyList<LinkModel> Toc, string Title, string? Summary, RawHtml Body,
    IReadOnlyList<SectionSourceModel> Sources, LinkModel? Previous, LinkModel? Next, int Position)
    : PageModel(Site, SitePaths.Section(Slug), Title, Toc)
{
    /// <summary>The body's h2 and h3 headings, in order (ids as in the body).</summary>
    public IReadOnlyList<SectionHeading> Headings { get; init; } = [];

    /// <summary>A long section (three h2 headings or more) shows its own table of contents.</summary>
    public bool HasContents => Headings.Count(h => h.Level == 2) >= 3;

    /// <summary>The corrections of the section as a whole (not of one claim: those follow their claim in the body), oldest first.</summary>
    public IReadOnlyList<CorrectionModel> Corrections { get; init; } = [];
}

/// <summary>A source as listed at the end of a section: its number there, and the claims of the section that cite it.</summary>
public sealed record SectionSourceModel(int Number, SourceModel Source, IReadOnlyList<ClaimModel> Claims)
{
    /// <summary>The deep links of the section's citations of this source, one per locator (the preview card keeps the
    /// one of the marker it opens from).</summary>
    public IReadOnlyList<DeepLinkModel> DeepLinks { get; init; } = [];
}

public sealed record SourcePage(
    SiteConfig Site, IReadOnlyList<LinkModel> Toc, SourceModel Source, SourceModel? Parent,
    IReadOnlyList<SourceModel> Children, IReadOnlyList<ClaimModel> CitedBy)
    : PageModel(Site, SitePaths.Source(Source.Id), Source.Title, Toc)
{
    /// <summary>For a collection: where <see cref="Children"/> (its first page of documents) is among all of them.</summary>
    public PartsModel? Parts { get; init; }

    /// <summary><see cref="CitedBy"/> grouped by section, sections in report order, claims in text order.</summary>
    public IReadOnlyList<CitedBySection> CitedBySections { get; init; } = [];

    /// <summary>The record's fields the details list shows, from <see cref="RecordFieldTable"/> (type, authors, url, file …).</summary>
    public IReadOnlyList<FieldRowModel> Details { get; init; } = [];

    /// <summary>The chain of custody: who collected the source, when and how.</summary>
    public IReadOnlyList<FieldRowModel> Custody { get; init; } = [];
    /// <summary>The sources this one names in derived_from (it reports or copies them).</summary>
    public IReadOnlyList<SourceModel> DerivedFrom { get; init; } = [];
    /// <summary>The sources whose derived_from names this one.</summary>
    public IReadOnlyList<SourceModel> ReportedBy { get; init; } = [];
    /// <summary>How many claims cite this source and no other.</summary>
    public int SoleSourceClaims { get; init; }
}

/// <summary>
/// The further pages of a collection's documents (<see cref="SitePaths.SourceParts"/>): a collection of 20,000
/// documents lists them <see cref="PageModelFactory.PartsPerPage"/> at a time.
/// </summary>
public sealed record SourcePartsPage(SiteConfig Site, IReadOnlyList<LinkModel> Toc, SourceModel Source, IReadOnlyList<SourceModel> Children, PartsModel Parts)
    : PageModel(Site, SitePaths.SourceParts(Source.Id, Parts.Page), Source.Title, Toc);

/// <summary>
/// Where a page of a collection's documents is among all of them: <see cref="Page"/> of <see cref="PageCount"/>
/// (1-based), the documents <see cref="First"/>..<see cref="Last"/> of <see cref="Total"/>, a link to every page, and how
/// many documents have each verification status.
/// </summary>
public sealed record PartsModel(int Total, int Page, int PageCount, int First, int Last, IReadOnlyList<LinkModel> Pages, IReadOnlyList<StatusCount> ByStatus);

/// <summary>How many of a collection's documents have <see cref="Status"/> (its YAML spelling).</summary>
public sealed record StatusCount(string Status, int Count);

/// <summary>The claims of one section citing a source: the section's title and path, then the claims.</summary>
public sealed record CitedBySection(string Title, string Path, IReadOnlyList<ClaimModel> Claims);

public sealed record SourcesIndexPage(SiteConfig Site, IReadOnlyList<LinkModel> Toc, IReadOnlyList<SourceModel> Sources)
    : PageModel(Site, SitePaths.SourcesIndex, "", Toc);

/// <summary>search.html: the results of <c>?q=</c>, filled by assets/search.js from the index under search/
/// (docs/search.md). The page itself holds only the box, the places for results and their words.</summary>
public sealed record SearchPage(SiteConfig Site, IReadOnlyList<LinkModel> Toc) : PageModel(Site, SitePaths.Search, "", Toc);

/// <summary>
/// The claims ledger (<c>claims/index.html</c>) or one of its filtered views: the claims in report order, the counts of
/// the whole report, and the links to every view (filters that work without JavaScript).
/// </summary>
public sealed record ClaimsPage(
    SiteConfig Site, IReadOnlyList<LinkModel> Toc, ClaimsViewModel View, IReadOnlyList<ClaimsViewModel> Views,
    IReadOnlyList<ClaimModel> Claims, int ClaimCount, int CitedSentenceCount, int CitationCount, int PossiblyUncitedCount)
    : PageModel(Site, View.Path, "", Toc);

/// <summary>
/// One view of the claims ledger: its site path and its name, either a theme string's key (<c>claims_all</c>,
/// <c>support_weak</c>, <c>support_disputed</c>, <c>single_origin</c>) or a section's title.
/// </summary>
public sealed record ClaimsViewModel(string Path, string? LabelKey, string? SectionTitle, int Count);

/// <summary>A claim as a page shows it: its text, where it is (a <see cref="SitePaths"/> path), and what it cites (with locators).</summary>
public sealed record ClaimModel(string Id, string Anchor, string Text, string Path, string SectionTitle, IReadOnlyList<CitationModel> Citations)
{
    /// <summary>The id of this claim's entry in a source page's "cited by" (<c>cited-</c> + the claim id), which
    /// sources.js finds from <c>?from=&lt;claim id&gt;</c>.</summary>
    public string CitedById => "cited-" + Anchor;

    /// <summary>On a source page: the locators (page, section, …) with which this claim cites that source, in order.</summary>
    public IReadOnlyList<string> Locators { get; init; } = [];
    /// <summary>On a source page: the deep links of this claim's citations of that source, in order.</summary>
    public IReadOnlyList<DeepLinkModel> DeepLinks { get; init; } = [];

    /// <summary>The claim's support as spelled in claims.json ("supported", "weak", "disputed"): what themes look labels up with.</summary>
    public string Support { get; init; } = "";
    /// <summary>How many independent origins the claim's sources go back to.</summary>
    public int Origins { get; init; }
    public bool SingleOrigin => Origins == 1;
}

/// <summary>One citation of a claim, with its source's data (title, type, date, status, quote) at hand for previews.</summary>
public sealed record CitationModel(ClaimCitation Citation, SourceModel Source)
{
    public string SourceId => Citation.SourceId;
    public string? Locator => Citation.Locator;
    public string? LocatorLabel => Citation.LocatorLabel;
    public string? Prefix => Citation.Prefix;
    public string? Suffix => Citation.Suffix;
    /// <summary>Where the citation points inside its source (a page of its PDF, its quote on the web), or null.</summary>
    public DeepLinkModel? DeepLink { get; } = DeepLinkModel.Of(Citation, Source);
}

/// <summary>
/// A citation's link into its source (<see cref="DeepLinks"/>): <see cref="Path"/>, the site path of a page of its
/// published PDF (for <c>url</c>), or <see cref="Url"/>, its web address with a text fragment for its quote. Kind says
/// which ("page" or "quote"), <see cref="Locator"/> is the citation's locator as plain text (as the marker's
/// <c>data-locator</c>), or null.
/// </summary>
public sealed record DeepLinkModel(string? Path, string? Url, int? Page, string? Locator)
{
    public string Kind => Path is null ? "quote" : "page";

    public static DeepLinkModel? Of(ClaimCitation citation, SourceModel source) =>
        DeepLinks.For(source.Record, citation.Locator, citation.LocatorLabel, source.QuoteLink) is { } link ? new(link.Path, link.Url, link.Page, citation.Locator) : null;
}

/// <summary>A source record plus what the build knows about it; <see cref="Path"/> is its page's <see cref="SitePaths"/> path.</summary>
public sealed record SourceModel(SourceRecord Record, int CitationCount, bool IsForeign)
{
    public string Path => SitePaths.Source(Record.Id);
    /// <summary>The published local copy's path, if the record has one.</summary>
    public string? FilePath => Record.File is { } file ? SitePaths.InputFileLink(file) : null;
    public string Id => Record.Id;
    public string Title => Record.Title;
    /// <summary>The type as YAML spells it ("article"): what themes compare and look up labels with.</summary>
    public string Type => Record.Type.Yaml();
    /// <summary>The date's ISO text (YYYY, YYYY-MM or YYYY-MM-DD).</summary>
    public string? Date => Record.Date?.Iso;
    public string Verification => Record.Verification;
    /// <summary>
    /// The record's language without its region or script, lower-case ("ar" for "ar-SY"): what a theme looks its name
    /// up with (<c>t["language_" + source.language_code]</c>); null when the record gives none.
    /// </summary>
    public string? LanguageCode => Record.Language?.Split('-')[0].ToLowerInvariant();
    /// <summary>The collection this source is part of (its title and page), if any.</summary>
    public LinkModel? Collection { get; init; }
    /// <summary>The record's url with a text fragment that finds its quote there (<see cref="DeepLinks.QuoteLink"/>), or null.</summary>
    public string? QuoteLink { get; } = DeepLinks.QuoteLink(Record);
}

/// <summary>Builds page models from the graph.</summary>
public sealed class PageModelFactory(ReportGraph graph)
{
    private readonly IReadOnlyList<LinkModel> _toc =
        graph.Sections.Select(s => new LinkModel(s.Section.Title, SitePaths.Section(s.Slug), s.Section.Summary)).ToList();

    private readonly Dictionary<string, string> _sectionTitles =
        graph.Sections.ToDictionary(s => s.Slug, s => s.Section.Title, StringComparer.Ordinal);

    private readonly Dictionary<string, int> _sectionOrder =
        graph.Sections.Select((s, i) => (s.Slug, i)).ToDictionary(s => s.Slug, s => s.i, StringComparer.Ordinal);

    public IndexPage Index() => new(graph.Site, _toc, graph.Sources.Count, graph.Claims.Count)
    {
        CitedSources = [.. graph.Sources.Where(s => graph.CitedBy(s.Id).Count > 0).Select(Source)],
        Corrections = [.. CorrectionModel.NewestFirst(graph.Corrections).Select(c => CorrectionModel.Of(c, graph, _claimsById))],
    };

    private readonly Dictionary<string, Claim> _claimsById = graph.Claims.DistinctBy(c => c.Id, StringComparer.Ordinal).ToDictionary(c => c.Id, StringComparer.Ordinal);

    /// <summary>The corrections of a section as a whole, oldest first.</summary>
    public IReadOnlyList<CorrectionModel> SectionCorrections(string slug) =>
        [.. CorrectionModel.OldestFirst(graph.Corrections.Where(c => c.Target == ReportSite.Corrections.CorrectionTarget.Section && c.TargetId == slug))
            .Select(c => CorrectionModel.Of(c, graph, _claimsById))];

    public SectionPage Section(RenderedSection section, int position)
    {
        LinkModel? Link(RenderedSection? other) =>
            other is null ? null : new LinkModel(other.Section.Title, SitePaths.Section(other.Slug), other.Section.Summary);
        return new SectionPage(graph.Site, section.Slug, _toc, section.Section.Title, section.Section.Summary, new RawHtml(section.BodyHtml),
            section.Sources.Select(n => new SectionSourceModel(n.Number, Source(n.Source), n.Claims.Select(Claim).ToList())
            {
                DeepLinks = DeepLinksOf(n.Claims, n.Source.Id).Distinct().ToList(),
            }).ToList(),
            Link(graph.Previous(section)), Link(graph.Next(section)), position)
        { Headings = section.Headings, Corrections = SectionCorrections(section.Slug) };
    }

    public SourcePage SourcePage(SourceRecord record)
    {
        var citedBy = graph.CitedBy(record.Id).Select(claim => (claim.SectionSlug, Model: Claim(claim) with
        {
            Locators = [.. claim.Citations.Where(c => c.SourceId == record.Id && !string.IsNullOrEmpty(c.Locator)).Select(c => c.Locator!)],
            DeepLinks = [.. DeepLinksOf([claim], record.Id).Distinct()],
        })).ToList();
        return new SourcePage(
            graph.Site, _toc, Source(record),
            graph.Parent(record) is { } parent ? Source(parent) : null,
            PartsOn(record, 1),
            [.. citedBy.Select(c => c.Model)])
        {
            Parts = Parts(record, 1),
            // In report order; GroupBy keeps each section's claims in the order they were cited.
            CitedBySections = [.. citedBy.GroupBy(c => c.SectionSlug, StringComparer.Ordinal)
                .OrderBy(g => _sectionOrder[g.Key])
                .Select(g => new CitedBySection(_sectionTitles[g.Key], SitePaths.Section(g.Key), [.. g.Select(c => c.Model)]))],
            Details = SourceFieldRows.Of(record, FieldDisplay.Details, FindSource),
            Custody = SourceFieldRows.Of(record, FieldDisplay.Custody, FindSource),
            DerivedFrom = [.. graph.DerivedFrom(record).Select(Source)],
            ReportedBy = [.. graph.ReportedBy(record.Id).Select(Source)],
            SoleSourceClaims = graph.SoleSourceClaims(record.Id),
        };
    }

    /// <summary>How many of a collection's documents one page lists: a page stays light on a phone at 20,000 documents.</summary>
    public const int PartsPerPage = 200;

    /// <summary>How many pages a collection's documents take (0 for a source that has none).</summary>
    public int PartsPageCount(SourceRecord record) => (graph.Children(record.Id).Count + PartsPerPage - 1) / PartsPerPage;

    public SourcePartsPage SourceParts(SourceRecord record, int page) =>
        new(graph.Site, _toc, Source(record), PartsOn(record, page), Parts(record, page)!);

    private List<SourceModel> PartsOn(SourceRecord record, int page) =>
        [.. graph.Children(record.Id).Skip((page - 1) * PartsPerPage).Take(PartsPerPage).Select(Source)];

    private PartsModel? Parts(SourceRecord record, int page)
    {
        var children = graph.Children(record.Id);
        if (children.Count == 0) return null;
        var pages = PartsPageCount(record);
        return new(children.Count, page, pages, (page - 1) * PartsPerPage + 1, Math.Min(page * PartsPerPage, children.Count),
            [.. Enumerable.Range(1, pages).Select(n => new LinkModel(n.ToString(System.Globalization.CultureInfo.InvariantCulture), SitePaths.SourceParts(record.Id, n)))],
            [.. children.CountBy(c => c.Status).OrderBy(c => c.Key).Select(c => new StatusCount(c.Key.Yaml(), c.Value))]);
    }

    // The deep links of the claims' citations of one source, in order (from the claims' models: computed once).
    private IEnumerable<DeepLinkModel> DeepLinksOf(IEnumerable<Claim> claims, string sourceId) =>
        claims.SelectMany(claim => Claim(claim).Citations).Where(c => c.SourceId == sourceId && c.DeepLink is not null).Select(c => c.DeepLink!);

    private SourceRecord? FindSource(string id) => graph.SourcesById.GetValueOrDefault(id);

    /// <summary>The ledger and its filtered views, each with the claims it shows (in report order).</summary>
    public IReadOnlyList<ClaimsPage> ClaimsPages()
    {
        var views = new List<(ClaimsViewModel View, IReadOnlyList<Claim> Claims)>();
        void Add(string path, string? key, string? section, IEnumerable<Claim> claims)
        {
            var list = claims.ToList();
            views.Add((new ClaimsViewModel(path, key, section, list.Count), list));
        }
        Add(SitePaths.Claims, "claims_all", null, graph.Claims);
        Add(SitePaths.ClaimsView("support-weak"), "support_weak", null, graph.Claims.Where(c => graph.Measures[c].Support == ClaimSupport.Weak));
        Add(SitePaths.ClaimsView("support-disputed"), "support_disputed", null, graph.Claims.Where(c => graph.Measures[c].Support == ClaimSupport.Disputed));
        Add(SitePaths.ClaimsView("single-origin"), "single_origin", null, graph.Claims.Where(c => graph.Measures[c].SingleOrigin));
        foreach (var section in graph.Sections)
            Add(SitePaths.ClaimsOfSection(section.Slug), null, section.Section.Title, section.Claims);
        var links = views.Select(v => v.View).ToList();
        var uncited = graph.Sections.Sum(s => s.PossiblyUncited.Count);
        return [.. views.Select(v => new ClaimsPage(graph.Site, _toc, v.View, links, [.. v.Claims.Select(Claim)],
            graph.Claims.Count, graph.Sections.Sum(s => s.CitedSentences), graph.CitationCount, uncited))];
    }

    public SourcesIndexPage SourcesIndex() => new(graph.Site, _toc, graph.Sources.Select(Source).ToList());

    public SearchPage Search() => new(graph.Site, _toc);

    // A source or claim shows up on several pages (its own, the index, every section and source page that cites or
    // contains it) and its model is the same on each: build it once. Pages are rendered in parallel.
    private readonly ConcurrentDictionary<SourceRecord, SourceModel> _sources = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<Claim, ClaimModel> _claims = new(ReferenceEqualityComparer.Instance);

    private SourceModel Source(SourceRecord record) => _sources.GetOrAdd(record, record =>
        new(record, graph.CitedBy(record.Id).Count,
            record.Language is { } language && !SameLanguage(language, graph.Site.Language))
        {
            Collection = graph.Parent(record) is { } parent ? new LinkModel(parent.Title, SitePaths.Source(parent.Id)) : null,
        });

    private ClaimModel Claim(Claim claim) => _claims.GetOrAdd(claim, claim =>
        new(claim.Id, claim.Anchor, claim.Text, claim.Url, _sectionTitles[claim.SectionSlug],
            claim.Citations.Select(c => new CitationModel(c, Source(graph.SourcesById[c.SourceId]))).ToList())
        {
            Support = YamlEnum<ClaimSupport>.Yaml(graph.Measures[claim].Support),
            Origins = graph.Measures[claim].Origins,
        });

    private static bool SameLanguage(string a, string b) =>
        string.Equals(a.Split('-')[0], b.Split('-')[0], StringComparison.OrdinalIgnoreCase);
}
