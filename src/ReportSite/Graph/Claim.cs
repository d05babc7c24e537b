using ReportSite.Diagnostics;
using ReportSite.Markdown.Citations;

namespace ReportSite.Graph;

/// <summary>A sentence of the report and the sources it rests on.</summary>
/// <param name="Id">Stable id; the page anchor is <c>claim-{Id}</c>.</param>
/// <param name="SectionSlug">The section the claim is in.</param>
/// <param name="Text">The claim's plain text, without its citations.</param>
public sealed record Claim(string Id, string SectionSlug, string Text, IReadOnlyList<ClaimCitation> Citations, SourceLocation Location)
{
    public string Anchor => "claim-" + Id;

    /// <summary>The claim's address relative to the site root.</summary>
    public string Url => Urls.SitePaths.Claim(SectionSlug, Id);
}

/// <summary>One source a claim cites, with the citation's locator and wording as plain text, and how it names the source.</summary>
public sealed record ClaimCitation(string SourceId, string? Locator, string? LocatorLabel, string? Prefix, string? Suffix, CitationMode Mode)
{
    public bool SuppressAuthor => Mode == CitationMode.SuppressAuthor;
}
