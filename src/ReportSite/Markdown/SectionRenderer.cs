using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using ReportSite.Diagnostics;
using ReportSite.Graph;
using ReportSite.Markdown.Citations;
using ReportSite.Markdown.Claims;
using ReportSite.Safety;
using ReportSite.Sections;
using ReportSite.Sources;
using ReportSite.Text;
using ReportSite.Urls;

namespace ReportSite.Markdown;

/// <summary>
/// Parses a section, builds its claims, resolves every citation against the source records (reporting unknown
/// keys with a suggestion) and renders the body HTML.
/// </summary>
public sealed class SectionRenderer(MarkdownPipeline pipeline, IReadOnlyDictionary<string, SourceRecord> sources, CitationStyle style)
{
    private readonly IReadOnlySet<string> keys = sources.Keys.ToHashSet(StringComparer.Ordinal);
    private readonly RecordNames names = new(sources.Values);

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
        var context = new CitationContext(keys);
        try
        {
            document = Markdig.Markdown.Parse(section.Markdown, pipeline, context);
        }
        catch (ArgumentException error) when (ReportMarkdown.IsTooDeep(error))
        {
            return TooDeep();
        }
        CitationsInLinks.Unwrap(document, context);
        ReportUnread(context, document, diagnostics, At); // before groups are located exactly: it compares Markdig's offsets
        CitationLocator.Locate(document, section.Markdown);
        var rawHtml = MarkdownSafety.Check(document, section.Markdown, diagnostics, At);

        // Sources are numbered in the order they are first cited in the section; every group is resolved before
        // claims are built, because an in-text citation reads as its author's name in the claim's text.
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var group in document.Descendants<CitationGroupInline>().OrderBy(g => g.Offset))
            Resolve(group, numbers, diagnostics, At);
        var claimInlines = ClaimBuilder.Build(document, section.Slug);
        var uncited = UncitedSentences.Find(document, section.Markdown, names).Select(u => (At: At(u.Offset), u.Reason)).ToList();
        foreach (var (at, reason) in uncited)
            diagnostics.Warning(at, DiagnosticCodes.PossibleUncitedClaim,
                $"possible uncited claim: this sentence cites no source, and {reason}; cite it, or put {UncitedSentences.Silencer} before the paragraph");

        var claims = new List<Claim>(claimInlines.Count);
        var citedSentences = 0;
        foreach (var claimInline in claimInlines)
        {
            var claimAt = At(claimInline.Group.Offset);
            if (claimInline.ExplicitClaimId is { } explicitId && !RecordFields.IsValidId(explicitId) /* claim ids follow the id rule of sources */)
                diagnostics.Error(claimAt, DiagnosticCodes.InvalidClaimId,
                    $"claim id '{explicitId}' may only hold letters, digits and - _ . : (after '{{#')");
            if (claimInline.Text.Length == 0)
                diagnostics.Warning(claimAt, DiagnosticCodes.CitationWithoutClaim,
                    "this citation closes no text: put it at the end of the sentence it supports");
            var citations = claimInline.Groups
                .SelectMany(g => g.Resolved)
                .Where(r => r.Source is not null)
                .Select(r => new ClaimCitation(r.Source!.Id, Plain(r.Citation.Locator), r.Citation.LocatorLabel,
                    Plain(r.Citation.Prefix), Plain(r.Citation.Suffix), r.Citation.Mode))
                .ToList();
            if (citations.Count == 0) continue;
            claims.Add(new Claim(claimInline.ClaimId, section.Slug, claimInline.Text, citations, claimAt));
            if (!claimInline.ContinuesSentence) citedSentences++;
        }

        var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        pipeline.Setup(renderer);
        if (renderer.ObjectRenderers.FindExact<CitationGroupRenderer>() is { } groups)
            groups.Urls = new PageUrls(SitePaths.Section(section.Slug));
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
        return new RenderedSection(section, html, claims, numbered)
        {
            Headings = Headings(document),
            PossiblyUncited = [.. uncited.Select(u => u.At)],
            CitedSentences = citedSentences,
            Text = SectionTextBuilder.Build(document, claims.Select(c => c.Id).ToHashSet(StringComparer.Ordinal)),
        };
    }

    private static List<SectionHeading> Headings(MarkdownDocument document) =>
        [.. document.Descendants<HeadingBlock>()
            .Where(h => h.Level is 2 or 3 && h.GetAttributes().Id is { Length: > 0 })
            .Select(h => new SectionHeading(h.Level, h.GetAttributes().Id!, ClaimBuilder.PlainText(h.Inline is null ? [] : [h.Inline]).Trim()))];


    private static string? Plain(string? markdown) => markdown is null ? null : CitationAffix.PlainText(markdown) is { Length: > 0 } text ? text : null;

    private void Resolve(CitationGroupInline group, Dictionary<string, int> numbers, DiagnosticBag diagnostics, Func<int, SourceLocation> at)
    {
        if (group.Group is null)
        {
            diagnostics.Error(at(group.Offset), DiagnosticCodes.EmptyCitation, "empty citation '[@]': put a source id after '@'");
            return;
        }
        var resolved = new List<ResolvedCitation>();
        for (var i = 0; i < group.Group.Citations.Count; i++)
        {
            var citation = group.Group.Citations[i];
            var keyAt = at(group.KeyOffsets[i]);
            foreach (var affix in new[] { citation.Prefix, citation.Locator, citation.Suffix })
                foreach (var url in affix is null ? [] : CitationAffix.RefusedUrls(affix))
                    diagnostics.Error(keyAt, DiagnosticCodes.UnsafeMarkdownUrl,
                        $"link URL scheme '{UrlPolicy.SchemeOf(url)}:' is not allowed (use http, https or a relative path)");
            if (!sources.TryGetValue(citation.Key, out var source))
            {
                if (citation.Braced && !RecordFields.IsValidId(citation.Key))
                    diagnostics.Error(keyAt, DiagnosticCodes.InvalidBracedKey,
                        $"'@{{{VisibleText.Of(citation.Key)}}}' cannot name a source: a source id holds only letters, digits and - _ . : " +
                        $"(braces let a key hold other characters in Pandoc, but no record id does){Suggestions.Hint(citation.Key, sources.Keys)}");
                else
                    diagnostics.Error(keyAt, DiagnosticCodes.UnknownSourceKey,
                        $"unknown source key '{citation.Key}'{Suggestions.Hint(citation.Key, sources.Keys)}");
                resolved.Add(new ResolvedCitation(citation, null, 0));
                continue;
            }
            if (!numbers.TryGetValue(source.Id, out var number))
                numbers[source.Id] = number = numbers.Count + 1;
            resolved.Add(new ResolvedCitation(citation, source, number));
        }
        group.Resolved = resolved;
        if (group.Group.Citations[0].Mode == CitationMode.AuthorInText && resolved[0].Source is { } named)
            group.AuthorName = style.InTextName(named);
    }

    // What was meant as a citation and is not read as one: a warning each, at its '@'. A key in a bracket that is no
    // citation group may still have been read in the text (a record id): then it is not lost.
    private void ReportUnread(CitationContext context, MarkdownDocument document, DiagnosticBag diagnostics, Func<int, SourceLocation> at)
    {
        if (context.Unread.Count == 0) return;
        var read = document.Descendants<CitationGroupInline>().SelectMany(g => g.KeyOffsets).ToHashSet();
        foreach (var unread in context.Unread.GroupBy(u => u.Offset).Select(g => g.FirstOrDefault(u => u.Reason is not null) ?? g.First()))
        {
            if (read.Contains(unread.Offset)) continue;
            var shown = VisibleText.Of(unread.Key);
            if (unread.Reason is not null)
                diagnostics.Warning(at(unread.Offset), DiagnosticCodes.CitationNotRead,
                    $"'@{shown}' is not read as a citation here: {unread.Reason}");
            // A word of three letters or fewer ("@me", "@zz") is within two edits of too many ids to be a typo of one.
            else if (unread.Key.Length >= 4 && Suggestions.Closest(unread.Key, sources.Keys) is { } near)
                diagnostics.Warning(at(unread.Offset), DiagnosticCodes.InTextKeyNearMiss,
                    $"'@{shown}' is not a source id, so it stays text; did you mean '@{near}'?");
        }
    }

}
