using ReportSite.Engine;
using ReportSite.Exports;
using ReportSite.Urls;

namespace ReportSite.Pipelines;

/// <summary>Exports: the claim/source graph as claims.json and sources.json and as claims.csv and sources.csv for spreadsheets; the sources as sources.csl.json and sources.bib (PostProcess).</summary>
public static class ExportsPipeline
{
    public static Pipeline Create()
    {
        var pipeline = new Pipeline(PipelineNames.Exports);
        pipeline.Dependencies.Add(PipelineNames.Report);
        pipeline.PostProcess.Add(new FuncModule((_, context) => Export(context)));
        pipeline.Output.Add(new WriteFiles());
        return pipeline;
    }

    private static IReadOnlyList<Document> Export(PipelineContext context)
    {
        if (ReportPipeline.Graph(context) is not { } graph) return [];
        return
        [
            new Document(null, SitePaths.ClaimsJson, null, new GeneratedContent(output => GraphExports.WriteClaims(graph, output))),
            new Document(null, SitePaths.SourcesJson, null, new GeneratedContent(output => GraphExports.WriteSources(graph, output))),
            new Document(null, SitePaths.ClaimsCsv, null, new GeneratedContent(output => CsvExport.WriteClaims(graph, output))),
            new Document(null, SitePaths.SourcesCsv, null, new GeneratedContent(output => CsvExport.WriteSources(graph, output))),
            new Document(null, SitePaths.SourcesCslJson, null, new GeneratedContent(output => CslJsonExport.Write(graph, output))),
            new Document(null, SitePaths.SourcesBib, null, new GeneratedContent(output => BibLatexExport.Write(graph, output))),
        ];
    }
}
