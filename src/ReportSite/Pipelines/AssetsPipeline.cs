using ReportSite.Engine;

namespace ReportSite.Pipelines;

/// <summary>Assets: copies theme/assets/ (stylesheet, scripts, icons) to assets/ in the site.</summary>
public static class AssetsPipeline
{
    public static Pipeline Create()
    {
        var pipeline = new Pipeline(PipelineNames.Assets);
        pipeline.Input.Add(new FuncModule((_, context) => Read(context)));
        pipeline.Output.Add(new WriteFiles());
        return pipeline;
    }

    private static IReadOnlyList<Document> Read(PipelineContext context)
    {
        // Theme paths are "assets/…", as in the site.
        return context.Files.Theme.Under("assets", recursive: true)
            .Select(file => new Document(null, file.Relative, null, new FileCopyContent(file)))
            .ToList();
    }
}
