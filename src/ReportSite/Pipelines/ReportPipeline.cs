using ReportSite.Corrections;
using ReportSite.Engine;
using ReportSite.Graph;
using ReportSite.Templates;
using ReportSite.Urls;

namespace ReportSite.Pipelines;

/// <summary>What the Report pipeline hands to every page and export: the graph, the theme parsed once, and the page models.</summary>
public sealed record ReportModel(ReportGraph Graph, TemplateRenderer Templates, PageModelFactory Pages);

/// <summary>
/// Report: joins site, sources and rendered sections into the <see cref="ReportGraph"/> and checks what needs all
/// of it, corrections included (Process); renders the cover page and the one-page report.html (PostProcess).
/// </summary>
public static class ReportPipeline
{
    public static Pipeline Create()
    {
        var pipeline = new Pipeline(PipelineNames.Report);
        pipeline.Dependencies.AddRange([PipelineNames.Site, PipelineNames.Theme, PipelineNames.Sources, PipelineNames.Sections, PipelineNames.Corrections]);
        pipeline.Process.Add(new FuncModule((_, context) => BuildGraph(context)));
        pipeline.PostProcess.Add(new FuncModule(RenderIndex));
        pipeline.Output.Add(new WriteFiles());
        return pipeline;
    }

    private static IReadOnlyList<Document> BuildGraph(PipelineContext context)
    {
        var site = SitePipeline.From(context);
        var sections = SectionsPipeline.From(context);
        // Each correction must name a claim or section of the report; only those that do are shown.
        var corrections = CorrectionTargets.Resolve(CorrectionsPipeline.From(context),
            [.. sections.SelectMany(s => s.Claims).Select(c => c.Id)], [.. sections.Select(s => s.Slug)], context.Diagnostics);
        var graph = new ReportGraph(site, sections, SourcesPipeline.From(context), corrections);
        graph.Validate(context.Diagnostics);
        return [new Document(null, null, new ReportModel(graph, ThemePipeline.From(context), new PageModelFactory(graph)))];
    }

    /// <summary>The report's model, once the Report pipeline has processed.</summary>
    public static ReportModel? Model(PipelineContext context) =>
        context.ProcessedBy(PipelineNames.Report).FirstOrDefault()?.ModelAs<ReportModel>();

    public static ReportGraph? Graph(PipelineContext context) => Model(context)?.Graph;

    private static IReadOnlyList<Document> RenderIndex(IReadOnlyList<Document> documents, PipelineContext context)
    {
        var report = context.Single<ReportModel>(PipelineNames.Report);
        var pages = new List<Document>
        {
            new(null, SitePaths.Cover, null, new GeneratedContent(output => report.Templates.Render("index", report.Pages.Index(), output))),
        };
        // The one-page report, when the theme has its layout (a theme written before it had none).
        if (report.Templates.Has("report"))
            pages.Add(new Document(null, SitePaths.Report, null, new GeneratedContent(output =>
                report.Templates.Render("report", ReportPages.Build(report.Pages, report.Templates, report.Graph.Sections, report.Graph.Site), output))));
        // The claims ledger and its filtered views, when the theme has their layout.
        if (report.Templates.Has("claims"))
        {
            // A section's view is named by its slug: a slug too long for a file name is reported at the slug.
            var slugs = report.Graph.Sections.ToDictionary(s => SitePaths.ClaimsOfSection(s.Slug), s => s.Section.SlugLocation, StringComparer.Ordinal);
            foreach (var claims in report.Pages.ClaimsPages())
                pages.Add(new Document(null, claims.PagePath, null, new GeneratedContent(output => report.Templates.Render("claims", claims, output)))
                {
                    Origin = slugs.TryGetValue(claims.PagePath, out var slug) ? slug : null,
                });
        }
        return pages;
    }
}
