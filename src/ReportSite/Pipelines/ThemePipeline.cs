using ReportSite.Engine;
using ReportSite.Templates;

namespace ReportSite.Pipelines;

/// <summary>
/// Theme: parses the theme's layouts, partials and interface strings once (Process, after Site, for its language), so
/// that sections render their citations with the theme's partials and every page with its layouts.
/// </summary>
public static class ThemePipeline
{
    public static Pipeline Create()
    {
        var pipeline = new Pipeline(PipelineNames.Theme);
        pipeline.Dependencies.Add(PipelineNames.Site);
        pipeline.Process.Add(new FuncModule((_, context) =>
            [new Document(null, null, new TemplateRenderer(context.Files.Theme, SitePipeline.From(context).Language, context.Diagnostics, SitePipeline.From(context).Digits))]));
        return pipeline;
    }

    public static TemplateRenderer From(PipelineContext context) => context.Single<TemplateRenderer>(PipelineNames.Theme);
}
