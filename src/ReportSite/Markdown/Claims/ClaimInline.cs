using Markdig.Syntax.Inlines;
using ReportSite.Graph;
using ReportSite.Markdown.Citations;
using ReportSite.Sources;

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
    /// <summary>The claim stands in the sentence of the claim before it ("First [@a], second [@b]."): not a new cited sentence.</summary>
    public bool ContinuesSentence { get; init; }

    /// <summary>The claim's first group; its position is the claim's position in diagnostics.</summary>
    public CitationGroupInline Group => Groups[0];

    /// <summary>The id the author gave with <c>{#id}</c> after one of the claim's groups, if any.</summary>
    public string? ExplicitClaimId => Groups.Select(g => g.ExplicitClaimId).FirstOrDefault(id => id is not null);

    public bool IsExplicit => ExplicitClaimId is not null;

    /// <summary>Whether every known source the claim cites is weak (see <see cref="Sourcing.IsWeak"/>); needs resolved groups.</summary>
    public bool WeaklySourced =>
        Sourcing.IsWeak(Groups.SelectMany(g => g.Resolved).Where(r => r.Source is not null).Select(r => r.Source!.Status));
}

/// <summary>How well a claim is sourced, from the verification statuses of the sources it cites: the one definition.</summary>
public static class Sourcing
{
    /// <summary>A weak status: unverified, disputed or retracted (not verified, not even in part).</summary>
    public static bool IsWeakStatus(SourceStatus status) => status is not (SourceStatus.Verified or SourceStatus.PartiallyVerified);

    /// <summary>
    /// A claim is weakly sourced when it cites at least one source and every one has a weak status.
    /// A claim with no known source is an error elsewhere, not "weak".
    /// </summary>
    public static bool IsWeak(IEnumerable<SourceStatus> statuses)
    {
        var any = false;
        foreach (var status in statuses)
        {
            if (!IsWeakStatus(status)) return false;
            any = true;
        }
        return any;
    }

    /// <summary>
    /// A claim's support, in this precedence: disputed when any source is disputed or retracted (even beside a
    /// verified one: readers must know someone contests it); else weak when <see cref="IsWeak"/>; else supported.
    /// </summary>
    public static ClaimSupport Support(IReadOnlyCollection<SourceStatus> statuses) =>
        statuses.Any(s => s is SourceStatus.Disputed or SourceStatus.Retracted) ? ClaimSupport.Disputed
        : IsWeak(statuses) ? ClaimSupport.Weak
        : ClaimSupport.Supported;
}
