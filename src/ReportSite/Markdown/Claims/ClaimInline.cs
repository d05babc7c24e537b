using Markdig.Syntax.Inlines;
using ReportSite.Markdown.Citations;

namespace ReportSite.Markdown.Claims;

/// <summary>
/// A claim in the Markdown tree: the sentence (or the part of it after an earlier group) that a citation group
/// closes, or that an in-text citation stands in. Its children are the claim's inlines, holding its groups
/// ("text [@a] [@b]", "@a says so [@b].").
/// </summary>
public sealed class ClaimInline : ContainerInline
{
    public required string ClaimId { get; set; }
    public required string Text { get; init; }
    public required List<CitationGroupInline> Groups { get; init; }

    /// <summary>The claim's first group; its position is the claim's position in diagnostics.</summary>
    public CitationGroupInline Group => Groups[0];

    /// <summary>The id the author gave with <c>{#id}</c> after one of the claim's groups, if any.</summary>
    public string? ExplicitClaimId => Groups.Select(g => g.ExplicitClaimId).FirstOrDefault(id => id is not null);

    public bool IsExplicit => ExplicitClaimId is not null;
}
