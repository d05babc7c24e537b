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

    /// <param name="markup">How citation groups are marked up: in a build, the theme's (Templates/ThemeMarkdown).</param>
    /// <param name="claimMarkup">How claims are marked up, likewise.</param>
    /// <param name="headingLinks">The self-link written into h2 and h3 headings; none when null.</param>
    public static MarkdownPipeline Create(ICitationMarkup markup, IClaimMarkup claimMarkup, IHeadingLinkMarkup? headingLinks = null)
    {
        var builder = BaseExtensions(new MarkdownPipelineBuilder());
        builder.Extensions.Add(new CitationExtension(markup));
        builder.Extensions.Add(new ClaimExtension(claimMarkup));
        if (headingLinks is not null) builder.Extensions.Add(new HeadingLinkExtension(headingLinks));
        return builder.Build();
    }

    /// <summary>Markdig's refusal of input nested past its depth limit (block quotes, lists, emphasis, links, images), when parsing or rendering.</summary>
    public static bool IsTooDeep(ArgumentException error) => error.Message.Contains("too deeply nested", StringComparison.Ordinal);

    /// <summary>
    /// The offset of the character that takes <paramref name="text"/> past Markdig's depth limit: the end of the
    /// shortest prefix Markdig refuses, found by halving (a few parses, on this rare path only).
    /// </summary>
    public static int TooDeepAt(string text, MarkdownPipeline pipeline)
    {
        int accepted = 0, refused = text.Length;
        while (refused - accepted > 1)
        {
            var middle = accepted + (refused - accepted) / 2;
            if (Fits(text[..middle], pipeline)) accepted = middle;
            else refused = middle;
        }
        return refused - 1;
    }

    private static bool Fits(string text, MarkdownPipeline pipeline)
    {
        try
        {
            Markdig.Markdown.ToHtml(text, pipeline);
            return true;
        }
        catch (ArgumentException error) when (IsTooDeep(error))
        {
            return false;
        }
    }
}
