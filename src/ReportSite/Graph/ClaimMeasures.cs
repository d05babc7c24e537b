using ReportSite.Markdown.Claims;
using ReportSite.Sources;

namespace ReportSite.Graph;

/// <summary>How well a claim's sources hold it up (<see cref="Sourcing.Support"/>); spelled in exports by <see cref="YamlEnum{T}"/>.</summary>
public enum ClaimSupport { Supported, Weak, Disputed }

/// <summary>A claim's support and its number of independent origins (distinct roots of its sources).</summary>
public readonly record struct ClaimMeasure(ClaimSupport Support, int Origins)
{
    /// <summary>Every source the claim cites goes back to one origin: however many it cites, it rests on one account.</summary>
    public bool SingleOrigin => Origins == 1;
}

/// <summary>
/// The measures of every claim, computed once per build. A source's roots are where it comes from: following part_of
/// and derived_from as far as they go; a source with neither is its own root, and one derived from two roots has
/// both. Roots are memoised per source, so the whole is linear in sources, links and citations.
/// </summary>
public sealed class ClaimMeasures
{
    private readonly Dictionary<Claim, ClaimMeasure> _measures = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, int[]> _roots = new(StringComparer.Ordinal);
    private readonly IReadOnlyDictionary<string, SourceRecord> _sources;
    private readonly string[] _ids;

    public ClaimMeasures(IEnumerable<Claim> claims, IReadOnlyDictionary<string, SourceRecord> sources)
    {
        _sources = sources;
        _ids = [.. sources.Keys.Order(StringComparer.Ordinal)];
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var id in _ids) index[id] = index.Count;
        var origins = new HashSet<int>();
        foreach (var claim in claims)
        {
            origins.Clear();
            var statuses = new List<SourceStatus>(claim.Citations.Count);
            foreach (var citation in claim.Citations)
            {
                if (!sources.TryGetValue(citation.SourceId, out var source)) continue; // an error already
                statuses.Add(source.Status);
                origins.UnionWith(RootsOf(source.Id, index));
            }
            _measures[claim] = new ClaimMeasure(Sourcing.Support(statuses), origins.Count);
        }
    }

    public ClaimMeasure this[Claim claim] => _measures[claim];

    /// <summary>The ids of a source's roots, in id order (itself when it has no parent and derives from nothing).</summary>
    public IReadOnlyList<string> Roots(string sourceId) =>
        _roots.TryGetValue(sourceId, out var roots) ? [.. roots.Select(i => _ids[i])] : [sourceId];

    /// <summary>
    /// A source's roots as indexes, memoised. Iterative (a chain of 20,000 part_of links must not overflow the stack);
    /// a link back into a source being resolved (a cycle, reported as RS0212 or RS0223) is ignored.
    /// </summary>
    private int[] RootsOf(string id, Dictionary<string, int> index)
    {
        if (_roots.TryGetValue(id, out var known)) return known;
        // Depth first, one unresolved parent at a time: a source is resolved once all its parents are.
        var onPath = new HashSet<string>(StringComparer.Ordinal) { id };
        var stack = new Stack<string>([id]);
        while (stack.Count > 0)
        {
            var current = stack.Peek();
            if (Parents(_sources[current]).FirstOrDefault(p => !_roots.ContainsKey(p) && !onPath.Contains(p)) is { } next)
            {
                onPath.Add(next);
                stack.Push(next);
                continue;
            }
            stack.Pop();
            onPath.Remove(current);
            var parents = Parents(_sources[current]).Where(_roots.ContainsKey).ToList();
            _roots[current] = parents.Count == 0
                ? [index[current]]
                : [.. parents.SelectMany(p => _roots[p]).Distinct().Order()];
        }
        return _roots[id];
    }

    /// <summary>The sources this one comes from: its part_of parent and its derived_from sources, when they exist.</summary>
    private IEnumerable<string> Parents(SourceRecord source)
    {
        if (source.PartOf is { } parent && parent != source.Id && _sources.ContainsKey(parent)) yield return parent;
        foreach (var origin in source.DerivedFrom)
            if (origin != source.Id && _sources.ContainsKey(origin)) yield return origin;
    }
}
