using ReportSite.Diagnostics;
using ReportSite.Engine;
using ReportSite.Graph;
using ReportSite.Markdown;
using ReportSite.Markdown.Citations;
using ReportSite.Sections;
using ReportSite.Templates;
using ReportSite.Text;
using ReportSite.Urls;

namespace ReportSite.Pipelines;

/// <summary>
/// Sections: reads input/sections/*.md (Input); orders them, checks slugs and orders, and renders their Markdown
/// with citations and claims resolved against the sources, corrected claims followed by their notes (Process, after
/// Site, Theme, Sources and Corrections); renders each
/// section's page (PostProcess).
/// </summary>
public static class SectionsPipeline
{
    public static Pipeline Create()
    {
        var pipeline = new Pipeline(PipelineNames.Sections);
        pipeline.Dependencies.AddRange([PipelineNames.Site, PipelineNames.Theme, PipelineNames.Sources, PipelineNames.Corrections]);
        pipeline.Input.Add(new FuncModule((_, context) => Read(context)));
        pipeline.Process.Add(new FuncModule(Order));
        pipeline.Process.Add(new FuncModule(RenderMarkdown));
        pipeline.PostProcess.Add(new FuncModule((_, context) => RenderPages(context)));
        pipeline.Output.Add(new WriteFiles());
        return pipeline;
    }

    private static IReadOnlyList<Document> Read(PipelineContext context)
    {
        var files = context.Files.Input.Under("sections", recursive: false)
            .Where(f => f.Relative.EndsWith(".md", StringComparison.Ordinal)).ToList();
        if (files.Count == 0)
        {
            // A sections folder refused when listed (a link outside the input …) is already reported.
            if (!context.Files.Input.IsRefused("sections"))
                context.Diagnostics.Error(SourceLocation.WholeFile(context.Files.Input.Display("sections")),
                    DiagnosticCodes.NoSections, "no sections: add Markdown files to the sections folder (e.g. sections/01-summary.md)");
            return [];
        }
        var sections = new Section?[files.Count];
        Parallel.For(0, files.Count, i =>
        {
            var text = InputFiles.ReadText(files[i], context.Diagnostics);
            sections[i] = text is null ? null : SectionLoader.Load(text, files[i].Relative, files[i].Display, context.Diagnostics);
        });
        return sections.OfType<Section>().Select(s => new Document(s.SourcePath, null, s)).ToList();
    }

    /// <summary>Reading order (order, then file name); slugs and explicit orders must be unique, slugs not look-alikes.</summary>
    private static IReadOnlyList<Document> Order(IReadOnlyList<Document> documents, PipelineContext context)
    {
        var ordered = documents
            .OrderBy(d => d.ModelAs<Section>().Order ?? double.MaxValue)
            .ThenBy(d => d.Source, StringComparer.Ordinal)
            .ToList();
        var slugs = new Dictionary<string, Section>(StringComparer.OrdinalIgnoreCase);
        var orders = new Dictionary<double, Section>();
        var unique = new List<Document>(ordered.Count);
        foreach (var document in ordered)
        {
            var section = document.ModelAs<Section>();
            if (slugs.TryGetValue(section.Slug, out var first))
            {
                // Reported, then left out: later steps assume one page per slug.
                context.Diagnostics.Error(section.SlugLocation, DiagnosticCodes.DuplicateSlug,
                    $"slug '{section.Slug}' is already used by {first.DisplayPath}; give one of them another 'slug:'");
                continue;
            }
            slugs[section.Slug] = section;
            unique.Add(document);
            if (section.Order is { } order)
            {
                if (orders.TryGetValue(order, out var same))
                    context.Diagnostics.Error(section.OrderLocation, DiagnosticCodes.DuplicateOrder,
                        $"order {order} is already used by {same.DisplayPath}");
                else orders[order] = section;
            }
        }
        LookAlikes.Warn(unique.Select(d => d.ModelAs<Section>()).Select(s => (s.Slug, s.SlugLocation)), "slug", context.Diagnostics);
        return unique;
    }

    private static IReadOnlyList<Document> RenderMarkdown(IReadOnlyList<Document> documents, PipelineContext context)
    {
        var site = SitePipeline.From(context);
        var style = CitationStyle.For(site.Language);
        // The build's one Markdown pipeline; citations are marked up by the theme's partial.
        var templates = ThemePipeline.From(context);
        // A corrected claim carries the note of its correction, from the theme's partial.
        var corrections = CorrectionsPipeline.From(context);
        if (corrections.Count > 0 && !templates.Has(ThemeClaimMarkup.CorrectionPartial))
            context.Diagnostics.Error(SourceLocation.WholeFile(context.Files.Theme.Display("layouts")), DiagnosticCodes.LayoutMissing,
                $"the theme has no layouts/{ThemeClaimMarkup.CorrectionPartial}.html (the note of a correction), and corrections.yml lists corrections");
        var renderer = new SectionRenderer(ThemeMarkdown.Create(templates, style, context.Diagnostics, corrections), SourcesPipeline.From(context), style);
        var rendered = new Document[documents.Count];
        Parallel.For(0, documents.Count, i =>
        {
            var section = documents[i].ModelAs<Section>();
            rendered[i] = documents[i] with { Model = renderer.Render(section, context.Diagnostics) };
        });
        return rendered;
    }

    private static IReadOnlyList<Document> RenderPages(PipelineContext context)
    {
        if (ReportPipeline.Model(context) is not { Graph: var graph, Templates: var templates, Pages: var models }) return [];
        // Pages are rendered when written (Output phase), not here.
        return graph.Sections.Select((section, i) =>
        {
            var position = i + 1;
            return new Document(section.Section.SourcePath, SitePaths.Section(section.Slug), section,
                new GeneratedContent(output => templates.Render("section", models.Section(section, position), output)))
            { Origin = section.Section.SlugLocation };
        }).ToList();
    }

    public static IReadOnlyList<RenderedSection> From(PipelineContext context) =>
        context.ProcessedBy(PipelineNames.Sections).Select(d => d.ModelAs<RenderedSection>()).ToList();
}
