using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using ReportSite.Diagnostics;
using ReportSite.Graph;
using ReportSite.Markdown.Citations;
using ReportSite.Markdown.Claims;
using ReportSite.Sections;
using ReportSite.Sources;
using ReportSite.Text;

namespace ReportSite.Markdown;

/// <summary>
/// Parses a section, builds its claims, resolves every citation against the source records (reporting unknown
/// keys with a suggestion) and renders the body HTML.
/// </summary>
public sealed class SectionRenderer(MarkdownPipeline pipeline, IReadOnlyDictionary<string, SourceRecord> sources)
{
    public RenderedSection Render(Section section, DiagnosticBag diagnostics)
    {
        var lines = new LineMap(section.Markdown);
        SourceLocation At(int offset)
        {
            var (line, column) = lines.At(offset);
            return new SourceLocation(section.DisplayPath, line, column);
        }
        RenderedSection TooDeep()
        {
            diagnostics.Error(At(ReportMarkdown.TooDeepAt(section.Markdown, pipeline)), DiagnosticCodes.MarkdownTooDeep,
                "Markdown nested too deeply here (block quotes, lists, emphasis, links or images): flatten it");
            return new RenderedSection(section, "", [], []);
        }
        MarkdownDocument document;
        try
        {
            document = Markdig.Markdown.Parse(section.Markdown, pipeline);
        }
        catch (ArgumentException error) when (ReportMarkdown.IsTooDeep(error))
        {
            return TooDeep();
        }
        CitationLocator.Locate(document, section.Markdown);
        var rawHtml = MarkdownSafety.Check(document, section.Markdown, diagnostics, At);
        var claimInlines = ClaimBuilder.Build(document, section.Slug);

        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var claims = new List<Claim>(claimInlines.Count);
        foreach (var claimInline in claimInlines)
        {
            var claimAt = At(claimInline.Group.Offset);
            if (claimInline.Group.ExplicitClaimId is { } explicitId && !RecordFields.IsValidId(explicitId) /* claim ids follow the id rule of sources */)
                diagnostics.Error(claimAt, DiagnosticCodes.InvalidClaimId,
                    $"claim id '{explicitId}' may only hold letters, digits and - _ . : (after '{{#')");
            if (claimInline.Text.Length == 0)
                diagnostics.Warning(claimAt, DiagnosticCodes.CitationWithoutClaim,
                    "this citation closes no text: put it at the end of the sentence it supports");

            var citations = new List<ClaimCitation>();
            foreach (var group in claimInline.Groups)
            {
                if (group.Group is null)
                {
                    diagnostics.Error(At(group.Offset), DiagnosticCodes.EmptyCitation, "empty citation '[@]': put a source id after '@'");
                    continue;
                }
                var resolved = new List<ResolvedCitation>();
                for (var i = 0; i < group.Group.Citations.Count; i++)
                {
                    var citation = group.Group.Citations[i];
                    if (!sources.TryGetValue(citation.Key, out var source))
                    {
                        diagnostics.Error(At(group.KeyOffsets[i]), DiagnosticCodes.UnknownSourceKey,
                            $"unknown source key '{citation.Key}'{Suggestions.Hint(citation.Key, sources.Keys)}");
                        resolved.Add(new ResolvedCitation(citation, null, 0));
                        continue;
                    }
                    if (!numbers.TryGetValue(source.Id, out var number))
                        numbers[source.Id] = number = numbers.Count + 1;
                    resolved.Add(new ResolvedCitation(citation, source, number));
                    citations.Add(new ClaimCitation(source.Id, citation.Locator, citation.LocatorLabel,
                        citation.Prefix, citation.Suffix, citation.SuppressAuthor));
                }
                group.Resolved = resolved;
            }
            if (citations.Count > 0)
                claims.Add(new Claim(claimInline.ClaimId, section.Slug, claimInline.Text, citations, claimAt));
        }

        var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        pipeline.Setup(renderer);
        rawHtml.Record(renderer, writer);
        try
        {
            renderer.Render(document);
        }
        catch (ArgumentException error) when (ReportMarkdown.IsTooDeep(error)) // images count deeper when rendered
        {
            return TooDeep();
        }
        var html = writer.ToString();
        RawHtmlSafety.Check(html, rawHtml, diagnostics, At);

        // Each source's claims in one pass over the claims (a lookup per source would be sources × claims).
        var claimsBySource = numbers.Keys.ToDictionary(id => id, _ => new List<Claim>(), StringComparer.Ordinal);
        foreach (var claim in claims)
            foreach (var id in claim.Citations.Select(c => c.SourceId).Distinct())
                claimsBySource[id].Add(claim);
        var numbered = numbers
            .OrderBy(n => n.Value)
            .Select(n => new NumberedSource(n.Value, sources[n.Key], claimsBySource[n.Key]))
            .ToList();
        return new RenderedSection(section, html, claims, numbered);
    }

}
