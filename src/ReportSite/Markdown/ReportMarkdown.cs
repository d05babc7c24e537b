using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using ReportSite.Markdown.Citations;
using ReportSite.Markdown.Claims;

namespace ReportSite.Markdown;

/// <summary>The one Markdown pipeline of a build: built once, shared by every section (Markdig pipelines are thread-safe).</summary>
public static class ReportMarkdown
{
    /// <summary>
    /// CommonMark plus the extensions reports use: pipe tables, footnotes, strikethrough and friends, task lists,
    /// and heading ids that keep any script (Markdig's default reduces an Arabic heading to "section").
    /// </summary>
    public static MarkdownPipelineBuilder BaseExtensions(MarkdownPipelineBuilder builder) => builder
        .UsePreciseSourceLocation()
        .UsePipeTables()
        .UseFootnotes()
        .UseEmphasisExtras()
        .UseTaskLists()
        .UseAutoIdentifiers(AutoIdentifierOptions.AutoLink);

    public static MarkdownPipeline Create(CitationPunctuation punctuation)
    {
        var builder = BaseExtensions(new MarkdownPipelineBuilder());
        builder.Extensions.Add(new CitationExtension(punctuation));
        builder.Extensions.Add(new ClaimExtension());
        return builder.Build();
    }
}
