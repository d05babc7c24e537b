using Markdig.Syntax.Inlines;
using ReportSite.Markdown.Citations;

namespace ReportSite.Markdown.Claims;

/// <summary>
/// A claim in the Markdown tree: the sentence (or the part of it after an earlier group) that a citation group
/// closes. Its children are the claim's inlines, ending with the group (or groups: "text [@a] [@b]").
/// </summary>
public sealed class ClaimInline : ContainerInline
{
    public required string ClaimId { get; set; }
    public required string Text { get; init; }
    public required List<CitationGroupInline> Groups { get; init; }

    /// <summary>The group that closes the claim; its position is the claim's position in diagnostics.</summary>
    public CitationGroupInline Group => Groups[0];

    public bool IsExplicit => Group.ExplicitClaimId is not null;
}
