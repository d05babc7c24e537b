using Markdig.Syntax.Inlines;
using ReportSite.Sources;

namespace ReportSite.Markdown.Citations;

/// <summary>
/// A citation group in the Markdown tree: bracketed, e.g. <c>[see @a; @b, p. 4]{#claim-id}</c>, or in the text,
/// e.g. <c>@a [p. 4]</c> (<see cref="CitationGroup.InText"/>).
/// </summary>
public sealed class CitationGroupInline : LeafInline
{
    /// <summary>The parsed citations; null for an empty group <c>[@]</c>, which is reported as an error.</summary>
    public CitationGroup? Group { get; init; }

    /// <summary>The claim id the author gave with <c>{#id}</c> after the group, without any "claim-" prefix.</summary>
    public string? ExplicitClaimId { get; init; }

    public bool InText => Group?.InText == true;

    /// <summary>
    /// Offsets in the parsed text of the group's start ('[', '@' or '-') and of each key's '@', for diagnostics through a
    /// <see cref="ReportSite.Text.LineMap"/>. Set from Markdig's mapping, then made exact by <see cref="CitationLocator"/>.
    /// </summary>
    public int Offset { get; set; }
    public IReadOnlyList<int> KeyOffsets { get; set; } = [];

    /// <summary>Where each key's '@' is in <see cref="RawText"/>.</summary>
    public IReadOnlyList<int> KeyStarts { get; init; } = [];

    /// <summary>The group as written, from its start to its end, and the span of the block it is in.</summary>
    public string RawText { get; init; } = "";
    public int BlockStart { get; init; }
    public int BlockEnd { get; init; }

    /// <summary>Filled by <see cref="ReportSite.Markdown.SectionRenderer"/> before claims are built and HTML rendered.</summary>
    public IReadOnlyList<ResolvedCitation> Resolved { get; set; } = [];

    /// <summary>For an in-text citation naming its author: the name it shows ("Ashraf"), set with <see cref="Resolved"/>.</summary>
    public string? AuthorName { get; set; }

    /// <summary>The id of the claim the group belongs to (without "claim-"), set when claims are built.</summary>
    public string? ClaimId { get; set; }

    /// <summary>The group read from <paramref name="start"/> to <paramref name="end"/> (exclusive) of the processor's text.</summary>
    internal static CitationGroupInline Create(Markdig.Parsers.InlineProcessor processor, string text, CitationGroup? group,
        string? explicitClaimId, int start, int end, IReadOnlyList<int> keyStarts)
    {
        processor.GetSourcePosition(start, out var line, out var column);
        return new CitationGroupInline
        {
            Group = group,
            ExplicitClaimId = explicitClaimId,
            Offset = processor.GetSourcePosition(start),
            KeyStarts = keyStarts,
            KeyOffsets = keyStarts.Select(k => processor.GetSourcePosition(start + k)).ToList(),
            RawText = text[start..end],
            BlockStart = processor.Block?.Span.Start ?? 0,
            BlockEnd = processor.Block?.Span.End ?? 0,
            Span = new Markdig.Syntax.SourceSpan(processor.GetSourcePosition(start), processor.GetSourcePosition(end - 1)),
            Line = line,
            Column = column,
        };
    }
}

/// <summary>A citation whose key was looked up: its record (null if unknown) and its number in the section.</summary>
public sealed record ResolvedCitation(Citation Citation, SourceRecord? Source, int Number);
