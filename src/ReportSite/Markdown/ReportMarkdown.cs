using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Syntax;
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

    /// <summary>
    /// Parses a section; null when Markdig refuses it as nested too deeply (block quotes, lists, emphasis, links or
    /// images past its depth limit), with <paramref name="tooDeepAt"/> the offset of the character that went too deep.
    /// </summary>
    public static MarkdownDocument? Parse(string text, MarkdownPipeline pipeline, out int tooDeepAt)
    {
        tooDeepAt = -1;
        if (TryParse(text, pipeline) is { } document) return document;
        // The shortest prefix Markdig refuses ends at that character: found by halving, a few parses on this rare path.
        int accepted = 0, refused = text.Length;
        while (refused - accepted > 1)
        {
            var middle = accepted + (refused - accepted) / 2;
            if (TryParse(text[..middle], pipeline) is null) refused = middle;
            else accepted = middle;
        }
        tooDeepAt = refused - 1;
        return null;
    }

    private static MarkdownDocument? TryParse(string text, MarkdownPipeline pipeline)
    {
        try
        {
            return Markdig.Markdown.Parse(text, pipeline);
        }
        catch (ArgumentException error) when (error.Message.Contains("too deeply nested", StringComparison.Ordinal))
        {
            return null;
        }
    }
}
