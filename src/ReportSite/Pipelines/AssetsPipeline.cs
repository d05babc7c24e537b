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
        var folder = Path.Combine(context.Settings.ThemeRoot, "assets");
        if (!Directory.Exists(folder)) return [];
        return Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path =>
            {
                var relative = "assets/" + Path.GetRelativePath(folder, path).Replace('\\', '/');
                return new Document(null, relative, null, new FileCopyContent(path));
            })
            .ToList();
    }
}
