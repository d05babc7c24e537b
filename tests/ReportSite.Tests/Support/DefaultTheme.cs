using Markdig;
using ReportSite.Diagnostics;
using ReportSite.Markdown.Citations;
using ReportSite.Templates;

namespace ReportSite.Tests.Support;

/// <summary>
/// The repository's theme/, read once for every test that renders Markdown: the theme owns citation and claim markup,
/// so sections are rendered with its partials, as a build renders them.
/// </summary>
public static class DefaultTheme
{
    /// <summary>Where a template error would go; the default theme has none, so a test that meets one sees it here.</summary>
    public static DiagnosticBag Diagnostics { get; } = new();

    public static TemplateRenderer Templates { get; } = Themes.Renderer(Repo.Theme, Repo.Root, Diagnostics);

    private static readonly Dictionary<CitationStyle, MarkdownPipeline> Pipelines = [];

    /// <summary>The build's Markdown pipeline for <paramref name="style"/> with the default theme's markup (one per style).</summary>
    public static MarkdownPipeline Pipeline(CitationStyle style)
    {
        lock (Pipelines)
        {
            if (!Pipelines.TryGetValue(style, out var pipeline))
                Pipelines[style] = pipeline = ThemeMarkdown.Create(Templates, style, Diagnostics);
            return pipeline;
        }
    }
}
