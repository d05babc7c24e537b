using ReportSite.Diagnostics;
using ReportSite.Markdown;
using ReportSite.Markdown.Citations;
using ReportSite.Markdown.Claims;
using ReportSite.Sources;
using ReportSite.Urls;

namespace ReportSite.Templates;

/// <summary>
/// A citation group as the theme's <c>partials/citation.html</c> receives it (as <c>group</c>), with the id of the
/// claim it belongs to (without "claim-"; null outside a claim): links to a source page carry it as <c>?from=</c>.
/// </summary>
public sealed record CitationGroupModel(bool InText, string? AuthorName, IReadOnlyList<CitationItemModel> Citations,
    string Separator, string LocatorSeparator, string? ClaimId = null);

/// <summary>A heading as <c>partials/heading-link.html</c> receives it (as <c>heading</c>): its level and element id.</summary>
public sealed record HeadingLinkModel(int Level, string Id);

/// <summary>
/// One citation of a group: its number in the section, its key, its source (null when the key is unknown: the build
/// fails, but the page still renders for the error report), and its prefix, locator and suffix as HTML.
/// </summary>
public sealed record CitationItemModel(int Number, string Key, SourceRecord? Source, RawHtml? Prefix, RawHtml? Locator,
    string? LocatorLabel, RawHtml? Suffix, string Mode)
{
    /// <summary>The source page's <see cref="SitePaths"/> path.</summary>
    public string? SourcePath => Source is null ? null : SitePaths.Source(Source.Id);

    /// <summary>The locator as plain text (for an attribute: the preview card shows it).</summary>
    public string? LocatorText { get; init; }
}

/// <summary>
/// Citation markup from the theme: each group is rendered by <c>layouts/partials/citation.html</c> with a typed
/// <see cref="CitationGroupModel"/>, so a theme restyles or re-marks citations without code. The partial is required
/// (RS0404 when missing); a template error is reported once, where it stands in the template.
/// </summary>
public sealed class ThemeCitationMarkup(TemplateRenderer templates, CitationStyle style, DiagnosticBag diagnostics) : ICitationMarkup
{
    private const string Partial = "partials/citation";

    public string Html(CitationGroupInline group, PageUrls urls)
    {
        var model = new CitationGroupModel(group.InText, group.AuthorName,
            group.Resolved.Select(r => new CitationItemModel(r.Number, r.Citation.Key, r.Source, Html(r.Citation.Prefix),
                Html(r.Citation.Locator), r.Citation.LocatorLabel, Html(r.Citation.Suffix), r.Citation.Mode.Name())
            {
                LocatorText = r.Citation.Locator is null ? null : CitationAffix.PlainText(r.Citation.Locator),
            }).ToList(),
            style.Separator, style.LocatorSeparator, group.ClaimId);
        return templates.TryRenderPartial(Partial, new Dictionary<string, object?> { ["group"] = model }, urls, diagnostics) ?? "";
    }

    private static RawHtml? Html(string? markdown) => markdown is null ? null : new RawHtml(CitationAffix.Html(markdown));
}

/// <summary>
/// A heading's self-link from the theme's <c>layouts/partials/heading-link.html</c> (which reads <c>heading.level</c>
/// and <c>heading.id</c>); none when the theme has no such partial (it is optional).
/// </summary>
public sealed class ThemeHeadingMarkup(TemplateRenderer templates, DiagnosticBag diagnostics) : IHeadingLinkMarkup
{
    private const string Partial = "partials/heading-link";
    private static readonly PageUrls AnyPage = new(SitePaths.Cover); // the link is a fragment of the page itself: no path to resolve

    public string HeadingLink(int level, string id) =>
        templates.TryRenderPartial(Partial, new Dictionary<string, object?> { ["heading"] = new HeadingLinkModel(level, id) }, AnyPage, diagnostics) ?? "";
}

/// <summary>A claim as the theme's <c>partials/claim.html</c> receives it (as <c>claim</c>).</summary>
/// <param name="Id">The claim's id (as in claims.json); its element's id is <see cref="Anchor"/>.</param>
/// <param name="WeaklySourced">Whether all the sources it cites are unverified, disputed or retracted.</param>
/// <param name="Content">The claim's text and citation groups, rendered: write it once, where it stands.</param>
public sealed record ClaimMarkupModel(string Id, bool WeaklySourced, RawHtml Content)
{
    public string Anchor => "claim-" + Id;
}

/// <summary>
/// Claim markup from the theme's <c>layouts/partials/claim.html</c>, mirroring <see cref="ThemeCitationMarkup"/>.
/// The partial is rendered with a placeholder for the content, and split there: the Markdown renderer writes the
/// content itself (raw HTML positions are recorded as it writes). The partial is required (RS0404 when missing) and
/// must write <c>claim.content</c> exactly once (RS0407 otherwise: the claim's text would be lost or doubled).
/// </summary>
/// <param name="corrections">The corrections of corrections.yml: a corrected claim is followed by the note of each
/// (<c>partials/correction</c>), oldest first.</param>
public sealed class ThemeClaimMarkup(TemplateRenderer templates, DiagnosticBag diagnostics, IReadOnlyList<Corrections.Correction>? corrections = null) : IClaimMarkup
{
    private const string Partial = "partials/claim";
    public const string CorrectionPartial = "partials/correction";
    // By claim id; "claim-x" (the anchor) names claim x too, as CorrectionTargets reads it.
    private readonly ILookup<string, CorrectionModel> _notes = CorrectionModel.OldestFirst(
            (corrections ?? []).Where(c => c.Target == Corrections.CorrectionTarget.Claim))
        .SelectMany(c => c.TargetId.StartsWith("claim-", StringComparison.Ordinal)
            ? new[] { (Id: c.TargetId, Correction: c), (Id: c.TargetId["claim-".Length..], Correction: c) }
            : [(Id: c.TargetId, Correction: c)])
        .ToLookup(c => c.Id, c => CorrectionModel.Of(c.Correction), StringComparer.Ordinal);
    private const string Placeholder = "\u0001claim-content\u0001";
    private static readonly PageUrls SectionUrls = new(SitePaths.Section("_"));

    public (string Open, string Close) Html(ClaimInline claim)
    {
        var model = new ClaimMarkupModel(claim.ClaimId, claim.WeaklySourced, new RawHtml(Placeholder));
        var html = templates.TryRenderPartial(Partial, new Dictionary<string, object?> { ["claim"] = model }, SectionUrls, diagnostics);
        if (html is null) return ("", ""); // reported: the build fails
        var at = html.IndexOf(Placeholder, StringComparison.Ordinal);
        if (at < 0 || html.IndexOf(Placeholder, at + 1, StringComparison.Ordinal) >= 0)
        {
            diagnostics.Error(templates.LayoutFile(Partial), DiagnosticCodes.ClaimContentNotOnce,
                $"layouts/{Partial}.html writes claim.content {(at < 0 ? "nowhere" : "more than once")} (for a claim{(claim.WeaklySourced ? " that is weakly sourced" : "")}): it must write it exactly once");
            return ("", "");
        }
        return (html[..at], html[(at + Placeholder.Length)..] + Notes(claim.ClaimId));
    }

    // Right after the claim, inside its sentence's paragraph: the dated note of each correction of it.
    private string Notes(string claimId) => !_notes.Contains(claimId) ? "" : string.Concat(_notes[claimId].Select(note =>
        templates.TryRenderPartial(CorrectionPartial, new Dictionary<string, object?> { ["correction"] = note }, SectionUrls, diagnostics)));
}

/// <summary>The build's one Markdown pipeline with the theme's markup for citations, claims and heading links.</summary>
public static class ThemeMarkdown
{
    /// <param name="corrections">corrections.yml's: notes after the claims they correct.</param>
    public static Markdig.MarkdownPipeline Create(TemplateRenderer templates, CitationStyle style, DiagnosticBag diagnostics,
        IReadOnlyList<Corrections.Correction>? corrections = null) =>
        ReportMarkdown.Create(new ThemeCitationMarkup(templates, style, diagnostics), new ThemeClaimMarkup(templates, diagnostics, corrections),
            new ThemeHeadingMarkup(templates, diagnostics));
}
