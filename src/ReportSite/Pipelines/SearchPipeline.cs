using ReportSite.Engine;
using ReportSite.Search;
using ReportSite.Urls;

namespace ReportSite.Pipelines;

/// <summary>
/// Search: the search index as script files under search/ (docs/search.md), built from the report graph's text
/// models, claims and sources; and the search page (PostProcess).
/// </summary>
public static class SearchPipeline
{
    public static Pipeline Create()
    {
        var pipeline = new Pipeline(PipelineNames.Search);
        pipeline.Dependencies.Add(PipelineNames.Report);
        pipeline.PostProcess.Add(new FuncModule((_, context) => IndexFiles(context)));
        pipeline.PostProcess.Add(new FuncModule((documents, context) => [.. documents, .. SearchPage(context)]));
        pipeline.Output.Add(new WriteFiles());
        return pipeline;
    }

    // The index: search/index.js, its shards and document chunks.
    private static IReadOnlyList<Document> IndexFiles(PipelineContext context)
    {
        if (ReportPipeline.Graph(context) is not { } graph) return [];
        // Built here, in PostProcess, so a build's timings show its cost; written lazily by WriteFiles.
        return [.. SearchIndexFiles.All(graph).Select(file => new Document(null, file.Path, null, new GeneratedContent(file.Write)))];
    }

    // search.html, when the theme has its layout.
    private static IReadOnlyList<Document> SearchPage(PipelineContext context)
    {
        if (ReportPipeline.Model(context) is not { } report || !report.Templates.Has("search")) return [];
        return [new Document(null, SitePaths.Search, null, new GeneratedContent(output => report.Templates.Render("search", report.Pages.Search(), output)))];
    }
}
