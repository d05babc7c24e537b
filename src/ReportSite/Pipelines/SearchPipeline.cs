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
        var documents = SearchDocuments.From(graph);
        var index = SearchIndex.Build(documents.All);
        var keys = index.KeysByShard();
        var files = new List<Document>
        {
            new(null, SitePaths.SearchIndex, null, new GeneratedContent(output => SearchIndexFiles.WriteIndex(documents, index, graph.Site.Language, output))),
        };
        for (var shard = 0; shard < keys.Count; shard++)
        {
            var n = shard;
            files.Add(new(null, SearchIndexFiles.ShardPath(n), null, new GeneratedContent(output => SearchIndexFiles.WriteShard(index, keys[n], n, output))));
        }
        for (var chunk = 0; chunk < SearchIndexFiles.ChunkCount(documents); chunk++)
        {
            var n = chunk;
            files.Add(new(null, SearchIndexFiles.ChunkPath(n), null, new GeneratedContent(output => SearchIndexFiles.WriteChunk(documents, n, output))));
        }
        return files;
    }

    // search.html, when the theme has its layout.
    private static IReadOnlyList<Document> SearchPage(PipelineContext context)
    {
        if (ReportPipeline.Model(context) is null) return [];
        return [];
    }
}
