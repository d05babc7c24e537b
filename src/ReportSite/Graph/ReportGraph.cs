using ReportSite.Corrections;
using ReportSite.Diagnostics;
using ReportSite.Site;
using ReportSite.Sources;
using ReportSite.Text;

namespace ReportSite.Graph;

/// <summary>
/// The whole report as one typed model: sections in reading order, sources by id, claims, and the two indexes
/// every page and export reads — which claims cite a source, and which sources are part of a collection.
/// Built once per build; nothing downstream re-queries the input.
/// </summary>
public sealed class ReportGraph
{
    public SiteConfig Site { get; }
    public IReadOnlyList<RenderedSection> Sections { get; }
    /// <summary>Sources ordered by id (stable output order).</summary>
    public IReadOnlyList<SourceRecord> Sources { get; }
    public IReadOnlyDictionary<string, SourceRecord> SourcesById { get; }
    public IReadOnlyList<Claim> Claims { get; }

    private readonly Dictionary<string, List<Claim>> _citedBy = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<SourceRecord>> _children = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _sectionIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<SourceRecord>> _derivatives = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _soleSourceOf = new(StringComparer.Ordinal);

    /// <summary>Each claim's support and independent origins.</summary>
    public ClaimMeasures Measures { get; }

    /// <summary>The corrections that name a claim or section of the report, in the file's order.</summary>
    public IReadOnlyList<Correction> Corrections { get; }

    /// <param name="corrections">Checked against the claims and sections (<see cref="CorrectionTargets"/>). The site's
    /// <c>updated</c> follows the newest of them.</param>
    public ReportGraph(SiteConfig site, IReadOnlyList<RenderedSection> sections, IReadOnlyDictionary<string, SourceRecord> sources,
        IReadOnlyList<Correction>? corrections = null)
    {
        Corrections = corrections ?? [];
        Site = CorrectionDates.Updating(site, Corrections);
        Sections = sections;
        SourcesById = sources;
        Sources = sources.Values.OrderBy(s => s.Id, StringComparer.Ordinal).ToList();
        Claims = sections.SelectMany(s => s.Claims).ToList();

        for (var i = 0; i < sections.Count; i++) _sectionIndex[sections[i].Slug] = i;
        foreach (var claim in Claims)
            foreach (var sourceId in claim.Citations.Select(c => c.SourceId).Distinct())
                (_citedBy.TryGetValue(sourceId, out var list) ? list : _citedBy[sourceId] = []).Add(claim);
        foreach (var source in Sources)
            if (source.PartOf is { } parent && sources.ContainsKey(parent))
                (_children.TryGetValue(parent, out var list) ? list : _children[parent] = []).Add(source);
        foreach (var source in Sources)
            foreach (var origin in source.DerivedFrom.Distinct(StringComparer.Ordinal))
                if (origin != source.Id && sources.ContainsKey(origin))
                    (_derivatives.TryGetValue(origin, out var list) ? list : _derivatives[origin] = []).Add(source);
        foreach (var claim in Claims)
            if (claim.Citations.Count > 0 && claim.Citations.All(c => c.SourceId == claim.Citations[0].SourceId))
                _soleSourceOf[claim.Citations[0].SourceId] = _soleSourceOf.GetValueOrDefault(claim.Citations[0].SourceId) + 1;
        Measures = new ClaimMeasures(Claims, sources);
    }

    /// <summary>Every claim that cites the source, in reading order.</summary>
    public IReadOnlyList<Claim> CitedBy(string sourceId) => _citedBy.TryGetValue(sourceId, out var claims) ? claims : [];

    /// <summary>The sources whose part_of is this source, by id.</summary>
    public IReadOnlyList<SourceRecord> Children(string sourceId) => _children.TryGetValue(sourceId, out var children) ? children : [];

    /// <summary>The sources that name this one in derived_from ("reported by"), by id.</summary>
    public IReadOnlyList<SourceRecord> ReportedBy(string sourceId) => _derivatives.TryGetValue(sourceId, out var list) ? list : [];

    /// <summary>The sources this one names in derived_from that exist, in the record's order.</summary>
    public IReadOnlyList<SourceRecord> DerivedFrom(SourceRecord source) =>
        [.. source.DerivedFrom.Distinct(StringComparer.Ordinal).Where(id => id != source.Id && SourcesById.ContainsKey(id)).Select(id => SourcesById[id])];

    /// <summary>How many claims cite this source and no other: they rest on it alone.</summary>
    public int SoleSourceClaims(string sourceId) => _soleSourceOf.GetValueOrDefault(sourceId);

    public SourceRecord? Parent(SourceRecord source) =>
        source.PartOf is { } parent && SourcesById.TryGetValue(parent, out var record) ? record : null;

    public RenderedSection? Previous(RenderedSection section) =>
        _sectionIndex[section.Slug] is var i and > 0 ? Sections[i - 1] : null;

    public RenderedSection? Next(RenderedSection section) =>
        _sectionIndex[section.Slug] is var i && i < Sections.Count - 1 ? Sections[i + 1] : null;

    public int CitationCount => Claims.Sum(c => c.Citations.Count);

    /// <summary>Checks that need the whole graph: claim ids unique and not look-alikes across the site; sources nobody cites.</summary>
    public void Validate(DiagnosticBag diagnostics)
    {
        var seen = new Dictionary<string, Claim>(StringComparer.Ordinal);
        foreach (var claim in Claims)
        {
            if (seen.TryGetValue(claim.Id, out var first))
                diagnostics.Error(claim.Location, DiagnosticCodes.DuplicateClaimId,
                    $"claim id '{claim.Id}' is already used at {first.Location.File}({first.Location.Line},{first.Location.Column})");
            else seen[claim.Id] = claim;
        }
        LookAlikes.Warn(seen.Values.Select(c => (c.Id, c.Location)), "claim id", diagnostics);

        foreach (var source in Sources)
        {
            // A collection is "cited" through its parts.
            if (CitedBy(source.Id).Count == 0 && !Children(source.Id).Any(c => CitedBy(c.Id).Count > 0))
                diagnostics.Warning(source.LocationOf("id"), DiagnosticCodes.SourceNotCited, $"source '{source.Id}' is not cited by any claim");
        }
    }
}
