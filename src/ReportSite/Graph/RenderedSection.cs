using ReportSite.Sections;
using ReportSite.Sources;

namespace ReportSite.Graph;

/// <summary>A section after Markdown rendering: its body HTML, its claims and its numbered sources.</summary>
public sealed record RenderedSection(Section Section, string BodyHtml, IReadOnlyList<Claim> Claims, IReadOnlyList<NumberedSource> Sources)
{
    public string Slug => Section.Slug;
}

/// <summary>A source as numbered in one section (Wikipedia-style: in order of first citation).</summary>
public sealed record NumberedSource(int Number, SourceRecord Source, IReadOnlyList<Claim> Claims);
