using ReportSite.Graph;
using ReportSite.Sources;
using ReportSite.Urls;

namespace ReportSite.Search;

/// <summary>What a search result is: a section's header or body block, a claim, or a source (its number in the index
/// files, docs/search.md).</summary>
public enum SearchKind { Section = 0, Claim = 1, Source = 2 }

/// <summary>One searchable thing and what its result shows.</summary>
/// <param name="Section">The section it is in (an index into <see cref="SearchDocuments.Sections"/>); −1 for a source.</param>
/// <param name="Url">Relative to the site root, with the fragment of the exact place.</param>
/// <param name="Title">A section's title, a heading's text, a source's title; empty for a body block or a claim (which
/// show their section's title).</param>
/// <param name="Text">The plain text the snippet is cut from.</param>
/// <param name="Status">A source's verification status or a claim's support; empty otherwise.</param>
public sealed record SearchDocument(SearchKind Kind, int Section, string Url, string Title, string Text, string Status);

/// <summary>
/// Every searchable thing of a report, numbered as the index files number them: sections' documents first (in
/// reading order), then claims (reading order), then sources (by id). Read from the report graph and each section's
/// text model; never from HTML.
/// </summary>
public sealed class SearchDocuments
{
    /// <summary>The sections, for results to show a claim's or block's section title, with the number of each one's
    /// first document: a query finds the section of any section document without loading its chunk.</summary>
    public IReadOnlyList<(string Title, string Url, int FirstDocument)> Sections { get; }
    public IReadOnlyList<SearchDocument> All { get; }
    public int FirstClaim { get; }
    public int FirstSource { get; }

    private SearchDocuments(IReadOnlyList<(string, string, int)> sections, IReadOnlyList<SearchDocument> all, int firstClaim, int firstSource) =>
        (Sections, All, FirstClaim, FirstSource) = (sections, all, firstClaim, firstSource);

    /// <summary>Separates a source's fields in its text, so a phrase never runs from one field into the next.</summary>
    public const string FieldSeparator = " · ";

    public static SearchDocuments From(ReportGraph graph)
    {
        var sections = new List<(string, string, int)>();
        var all = new List<SearchDocument>();
        var sectionOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var rendered in graph.Sections)
        {
            var index = sections.Count;
            var page = SitePaths.Section(rendered.Slug);
            sectionOf[rendered.Slug] = index;
            sections.Add((rendered.Section.Title, page, all.Count));
            all.Add(new(SearchKind.Section, index, page, rendered.Section.Title, rendered.Section.Summary ?? "", ""));
            foreach (var block in rendered.Text)
            {
                if (block.Text.Length == 0) continue;
                var url = block.Anchor is null ? page : page + "#" + block.Anchor;
                all.Add(block.Kind == Graph.TextBlockKind.Heading
                    ? new(SearchKind.Section, index, url, block.Text, "", "")
                    : new(SearchKind.Section, index, url, "", block.Text, ""));
            }
        }
        var firstClaim = all.Count;
        foreach (var claim in graph.Claims)
            all.Add(new(SearchKind.Claim, sectionOf[claim.SectionSlug], claim.Url, "", claim.Text,
                YamlEnum<ClaimSupport>.Yaml(graph.Measures[claim].Support)));
        var firstSource = all.Count;
        foreach (var source in graph.Sources)
            all.Add(new(SearchKind.Source, -1, SitePaths.Source(source.Id), source.Title, SourceText(source), source.Verification));
        return new(sections, all, firstClaim, firstSource);
    }

    // What a source's page shows about it, besides its title: what a reader would search it by.
    private static string SourceText(SourceRecord source) => string.Join(FieldSeparator,
        new[] { source.TitleTranslated, string.Join(", ", source.Authors), source.Publisher, source.Description, source.Quote, source.Id }
            .Where(field => !string.IsNullOrWhiteSpace(field)));
}
