using ReportSite.Sections;
using ReportSite.Sources;

namespace ReportSite.Graph;

/// <summary>A section after Markdown rendering: its body HTML, its claims and its numbered sources.</summary>
public sealed record RenderedSection(Section Section, string BodyHtml, IReadOnlyList<Claim> Claims, IReadOnlyList<NumberedSource> Sources)
{
    public string Slug => Section.Slug;
    /// <summary>The body's h2 and h3 headings in order, with the ids Markdig gave them: for a table of contents and self-links.</summary>
    public IReadOnlyList<SectionHeading> Headings { get; init; } = [];
    /// <summary>Where each sentence that reads as factual but cites nothing starts (warned as RS0306), for the claims ledger.</summary>
    public IReadOnlyList<Diagnostics.SourceLocation> PossiblyUncited { get; init; } = [];
    /// <summary>How many sentences hold a claim: fewer than the claims when one sentence holds several ("A [@a], B [@b].").</summary>
    public int CitedSentences { get; init; }
    /// <summary>The body's text model, block by block, with the claims inside each block.</summary>
    public IReadOnlyList<TextBlock> Text { get; init; } = [];
}

/// <summary>A heading of a section body: its level (2 or 3), its element id and its plain text.</summary>
public sealed record SectionHeading(int Level, string Id, string Text);

/// <summary>A source as numbered in one section (Wikipedia-style: in order of first citation).</summary>
public sealed record NumberedSource(int Number, SourceRecord Source, IReadOnlyList<Claim> Claims);
