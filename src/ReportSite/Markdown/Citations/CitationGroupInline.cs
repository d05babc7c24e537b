using Markdig.Syntax.Inlines;
using ReportSite.Sources;

namespace ReportSite.Markdown.Citations;

/// <summary>A bracketed citation group in the Markdown tree, e.g. <c>[see @a; @b, p. 4]{#claim-id}</c>.</summary>
public sealed class CitationGroupInline : LeafInline
{
    /// <summary>The parsed citations; null for an empty group <c>[@]</c>, which is reported as an error.</summary>
    public CitationGroup? Group { get; init; }

    /// <summary>The claim id the author gave with <c>{#id}</c> after the group, without any "claim-" prefix.</summary>
    public string? ExplicitClaimId { get; init; }

    /// <summary>
    /// Offsets in the parsed text of the '[' and of each key's '@', for diagnostics through a
    /// <see cref="ReportSite.Text.LineMap"/>. Set from Markdig's mapping, then made exact by <see cref="CitationLocator"/>.
    /// </summary>
    public int Offset { get; set; }
    public IReadOnlyList<int> KeyOffsets { get; set; } = [];

    /// <summary>The group as written, from '[' to its end, and the span of the block it is in.</summary>
    public string RawText { get; init; } = "";
    public int BlockStart { get; init; }
    public int BlockEnd { get; init; }

    /// <summary>Filled by <see cref="ReportSite.Markdown.SectionRenderer"/> before HTML rendering.</summary>
    public IReadOnlyList<ResolvedCitation> Resolved { get; set; } = [];
}

/// <summary>A citation whose key was looked up: its record (null if unknown) and its number in the section.</summary>
public sealed record ResolvedCitation(Citation Citation, SourceRecord? Source, int Number);
