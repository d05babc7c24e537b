using ReportSite.Engine;
using ReportSite.Graph;
using ReportSite.Templates;

namespace ReportSite.Pipelines;

/// <summary>What the Report pipeline hands to every page and export: the graph, and the theme parsed once.</summary>
public sealed record ReportModel(ReportGraph Graph, TemplateRenderer Templates);

/// <summary>
/// Report: joins site, sources and rendered sections into the <see cref="ReportGraph"/> and checks what needs all
/// of it (Process); renders the cover page (PostProcess).
/// </summary>
public static class ReportPipeline
{
    public static Pipeline Create()
    {
        var pipeline = new Pipeline(PipelineNames.Report);
        pipeline.Dependencies.AddRange([PipelineNames.Site, PipelineNames.Sources, PipelineNames.Sections]);
        pipeline.Process.Add(new FuncModule((_, context) => BuildGraph(context)));
        pipeline.PostProcess.Add(new FuncModule(RenderIndex));
        pipeline.Output.Add(new WriteFiles());
        return pipeline;
    }

    private static IReadOnlyList<Document> BuildGraph(PipelineContext context)
    {
        var site = SitePipeline.From(context);
        var graph = new ReportGraph(site, SectionsPipeline.From(context), SourcesPipeline.From(context));
        graph.Validate(context.Diagnostics);
        var templates = new TemplateRenderer(context.Settings.ThemeRoot, site.Language);
        return [new Document(null, null, new ReportModel(graph, templates))];
    }

    public static ReportGraph? Graph(PipelineContext context) =>
        context.ProcessedBy(PipelineNames.Report).FirstOrDefault()?.ModelAs<ReportModel>().Graph;

    public static TemplateRenderer Templates(PipelineContext context) =>
        context.Single<ReportModel>(PipelineNames.Report).Templates;

    private static IReadOnlyList<Document> RenderIndex(IReadOnlyList<Document> documents, PipelineContext context)
    {
        var (graph, templates) = context.Single<ReportModel>(PipelineNames.Report);
        return [new Document(null, "index.html", null, new TextContent(() => templates.Render("index", new PageModelFactory(graph).Index())))];
    }
}
