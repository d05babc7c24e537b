using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using ReportSite.Diagnostics;
using ReportSite.Graph;
using ReportSite.Markdown.Citations;
using ReportSite.Markdown.Claims;
using ReportSite.Sections;
using ReportSite.Sources;

namespace ReportSite.Markdown;

/// <summary>
/// Parses a section, builds its claims, resolves every citation against the source records (reporting unknown
/// keys with a suggestion) and renders the body HTML.
/// </summary>
public sealed class SectionRenderer(MarkdownPipeline pipeline, IReadOnlyDictionary<string, SourceRecord> sources)
{
    public RenderedSection Render(Section section, DiagnosticBag diagnostics)
    {
        var document = Markdig.Markdown.Parse(section.Markdown, pipeline);
        var claimInlines = ClaimBuilder.Build(document, section.Slug);

        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var claims = new List<Claim>(claimInlines.Count);
        foreach (var claimInline in claimInlines)
        {
            var group = claimInline.Group;
            var at = new SourceLocation(section.DisplayPath, group.Position.Line, group.Position.Column);
            if (group.Group is null)
            {
                diagnostics.Error(at, DiagnosticCodes.EmptyCitation, "empty citation '[@]': put a source id after '@'");
                continue;
            }
            if (group.ExplicitClaimId is { } explicitId && !CitationInlineParser.IsValidClaimId(explicitId))
                diagnostics.Error(at, DiagnosticCodes.InvalidClaimId,
                    $"claim id '{explicitId}' may only hold letters, digits and - _ . : (after '{{#')");

            var resolved = new List<ResolvedCitation>();
            var citations = group.Group.Citations;
            for (var i = 0; i < citations.Count; i++)
            {
                var citation = citations[i];
                if (!sources.TryGetValue(citation.Key, out var source))
                {
                    var (line, column) = group.KeyPositions[i];
                    diagnostics.Error(new SourceLocation(section.DisplayPath, line, column), DiagnosticCodes.UnknownSourceKey,
                        $"unknown source key '{citation.Key}'{Suggestions.Hint(citation.Key, sources.Keys)}");
                    resolved.Add(new ResolvedCitation(citation, null, 0));
                    continue;
                }
                if (!numbers.TryGetValue(source.Id, out var number))
                    numbers[source.Id] = number = numbers.Count + 1;
                resolved.Add(new ResolvedCitation(citation, source, number));
            }
            group.Resolved = resolved;

            claims.Add(new Claim(
                claimInline.ClaimId,
                section.Slug,
                claimInline.Text,
                resolved.Where(r => r.Source is not null)
                    .Select(r => new ClaimCitation(r.Source!.Id, r.Citation.Locator, r.Citation.LocatorLabel,
                        r.Citation.Prefix, r.Citation.Suffix, r.Citation.SuppressAuthor))
                    .ToList(),
                at));
        }

        var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        pipeline.Setup(renderer);
        renderer.Render(document);

        var numbered = numbers
            .OrderBy(n => n.Value)
            .Select(n => new NumberedSource(n.Value, sources[n.Key],
                claims.Where(c => c.Citations.Any(cc => cc.SourceId == n.Key)).ToList()))
            .ToList();
        return new RenderedSection(section, writer.ToString(), claims, numbered);
    }
}
