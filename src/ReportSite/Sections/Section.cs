using ReportSite.Diagnostics;

namespace ReportSite.Sections;

/// <summary>One input/sections/*.md file: its front matter and its Markdown, before rendering.</summary>
public sealed record Section
{
    public required string Slug { get; init; }
    public required string Title { get; init; }
    /// <summary>Reading order; null when neither front matter nor file name gives one (such sections come last, by file name).</summary>
    public double? Order { get; init; }
    public string? Summary { get; init; }
    /// <summary>Path relative to the input folder, with '/'.</summary>
    public required string SourcePath { get; init; }
    /// <summary>The path diagnostics show.</summary>
    public required string DisplayPath { get; init; }
    /// <summary>The Markdown body; front matter lines are blanked (not removed) so line numbers stay those of the file.</summary>
    public required string Markdown { get; init; }
    public SourceLocation TitleLocation { get; init; }
    public SourceLocation OrderLocation { get; init; }
    public SourceLocation SlugLocation { get; init; }

    public string PageName => Slug + ".html";
}
