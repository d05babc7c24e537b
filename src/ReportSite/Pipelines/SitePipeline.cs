using ReportSite.Diagnostics;
using ReportSite.Engine;
using ReportSite.Site;
using ReportSite.Text;

namespace ReportSite.Pipelines;

/// <summary>Site: reads input/site.yml into a <see cref="SiteConfig"/> document.</summary>
public static class SitePipeline
{
    public static Pipeline Create()
    {
        var pipeline = new Pipeline(PipelineNames.Site);
        pipeline.Input.Add(new FuncModule((_, context) => Read(context)));
        return pipeline;
    }

    private static IReadOnlyList<Document> Read(PipelineContext context)
    {
        var file = context.Files.Input.Find("site.yml");
        if (file is null)
        {
            // A site.yml refused when listed (a link outside the input, a FIFO …) is already reported.
            if (!context.Files.Input.IsRefused("site.yml"))
                context.Diagnostics.Error(SourceLocation.WholeFile(context.Files.Input.Display("site.yml")),
                    DiagnosticCodes.SiteConfigInvalid, "site.yml not found: every report needs one (title, language, …)");
            return [];
        }
        var text = InputFiles.ReadText(file, context.Diagnostics);
        var config = text is null ? null : SiteConfigLoader.Load(text, file.Display, context.Diagnostics);
        return config is null ? [] : [new Document("site.yml", null, config)];
    }

    /// <summary>The site's configuration, or a neutral one when site.yml failed (the build fails anyway; later steps still report their own problems).</summary>
    public static SiteConfig From(PipelineContext context) =>
        context.ProcessedBy(PipelineNames.Site).FirstOrDefault()?.ModelAs<SiteConfig>() ?? new SiteConfig { Title = "" };
}
