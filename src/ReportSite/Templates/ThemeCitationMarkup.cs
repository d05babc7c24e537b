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
/// <see cref="CitationGroupModel"/>, so a theme restyles or re-marks citations without code. A theme without that
/// partial keeps the built-in markup. A template error is reported once, where it stands in the template.
/// </summary>
public sealed class ThemeCitationMarkup(TemplateRenderer templates, CitationStyle style, DiagnosticBag diagnostics) : ICitationMarkup, IHeadingLinkMarkup
{
    private const string HeadingPartial = "partials/heading-link";

    private const string Partial = "partials/citation";
    private readonly BuiltInCitationMarkup _builtIn = new(style);

    public string Html(CitationGroupInline group, PageUrls urls)
    {
        if (!templates.Has(Partial)) return _builtIn.Html(group, urls);
        var model = new CitationGroupModel(group.InText, group.AuthorName,
            group.Resolved.Select(r => new CitationItemModel(r.Number, r.Citation.Key, r.Source, Html(r.Citation.Prefix),
                Html(r.Citation.Locator), r.Citation.LocatorLabel, Html(r.Citation.Suffix), r.Citation.Mode.Name())
            {
                LocatorText = r.Citation.Locator is null ? null : CitationAffix.PlainText(r.Citation.Locator),
            }).ToList(),
            style.Separator, style.LocatorSeparator, group.ClaimId);
        try
        {
            return templates.RenderPartial(Partial, new Dictionary<string, object?> { ["group"] = model }, urls);
        }
        catch (DiagnosticException error)
        {
            diagnostics.Add(error.Diagnostic); // every page meets it: the bag lists it once
            return "";
        }
    }

    /// <summary>A heading's self-link from <c>partials/heading-link.html</c> (which reads <c>heading.level</c> and
    /// <c>heading.id</c>); none when the theme has no such partial.</summary>
    public string HeadingLink(int level, string id)
    {
        if (!templates.Has(HeadingPartial)) return "";
        try
        {
            return templates.RenderPartial(HeadingPartial, new Dictionary<string, object?> { ["heading"] = new HeadingLinkModel(level, id) },
                new PageUrls(SitePaths.Cover)); // the link is a fragment of the page itself: no path to resolve
        }
        catch (DiagnosticException error)
        {
            diagnostics.Add(error.Diagnostic); // every page meets it: the bag lists it once
            return "";
        }
    }

    private static RawHtml? Html(string? markdown) => markdown is null ? null : new RawHtml(CitationAffix.Html(markdown));
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
/// content itself (raw HTML positions are recorded as it writes). A theme without the partial, or whose partial does
/// not write the content exactly once, keeps the built-in markup.
/// </summary>
public sealed class ThemeClaimMarkup(TemplateRenderer templates, DiagnosticBag diagnostics) : IClaimMarkup
{
    private const string Partial = "partials/claim";
    private const string Placeholder = "\u0001claim-content\u0001";
    private static readonly PageUrls SectionUrls = new(SitePaths.Section("_"));
    private readonly BuiltInClaimMarkup _builtIn = new();

    public (string Open, string Close) Html(ClaimInline claim)
    {
        if (!templates.Has(Partial)) return _builtIn.Html(claim);
        var model = new ClaimMarkupModel(claim.ClaimId, claim.WeaklySourced, new RawHtml(Placeholder));
        string html;
        try
        {
            html = templates.RenderPartial(Partial, new Dictionary<string, object?> { ["claim"] = model }, SectionUrls);
        }
        catch (DiagnosticException error)
        {
            diagnostics.Add(error.Diagnostic); // every page meets it: the bag lists it once
            return ("", "");
        }
        var at = html.IndexOf(Placeholder, StringComparison.Ordinal);
        if (at < 0 || html.IndexOf(Placeholder, at + 1, StringComparison.Ordinal) >= 0) return _builtIn.Html(claim);
        return (html[..at], html[(at + Placeholder.Length)..]);
    }
}
