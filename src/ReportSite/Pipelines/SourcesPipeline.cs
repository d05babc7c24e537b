using ReportSite.Engine;
using ReportSite.Graph;
using ReportSite.Sources;
using ReportSite.Templates;
using ReportSite.Text;
using ReportSite.Urls;

namespace ReportSite.Pipelines;

/// <summary>
/// Sources: reads input/sources/*.yml (Input), verifies local files and hashes and checks ids and part_of across
/// records (Process), then renders a page per source, the sources index, and copies cited local files (PostProcess).
/// </summary>
public static class SourcesPipeline
{
    public static Pipeline Create()
    {
        var pipeline = new Pipeline(PipelineNames.Sources);
        pipeline.Input.Add(new FuncModule((_, context) => Read(context)));
        pipeline.Process.Add(new FuncModule(Verify));
        pipeline.PostProcess.Add(new FuncModule((_, context) => Render(context)));
        pipeline.Output.Add(new WriteFiles());
        return pipeline;
    }

    private static IReadOnlyList<Document> Read(PipelineContext context)
    {
        var files = context.Files.Input.Under("sources", recursive: true)
            .Where(f => f.Relative.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || f.Relative.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase))
            .ToList();
        var perFile = new IReadOnlyList<SourceRecord>[files.Count];
        Parallel.For(0, files.Count, i =>
        {
            var text = InputFiles.ReadText(files[i], context.Diagnostics);
            perFile[i] = text is null ? [] : SourceRecordLoader.Load(text, files[i].Display, context.Diagnostics);
        });
        return perFile.SelectMany((records, i) => records.Select(r => new Document(files[i].Relative, null, r))).ToList();
    }

    private static IReadOnlyList<Document> Verify(IReadOnlyList<Document> documents, PipelineContext context)
    {
        var verified = new SourceRecord[documents.Count];
        Parallel.For(0, documents.Count, i =>
            verified[i] = SourceFileVerifier.Verify(documents[i].ModelAs<SourceRecord>(), context.Files.Input, context.Diagnostics));
        var unique = SourceGraphValidator.Validate(verified, context.Diagnostics);
        return unique.Values.OrderBy(r => r.Id, StringComparer.Ordinal).Select(r => new Document(null, null, r)).ToList();
    }

    /// <summary>The records by id, as the Process phase left them.</summary>
    public static IReadOnlyDictionary<string, SourceRecord> From(PipelineContext context) =>
        context.ProcessedBy(PipelineNames.Sources).Select(d => d.ModelAs<SourceRecord>()).ToDictionary(r => r.Id, StringComparer.Ordinal);

    private static IReadOnlyList<Document> Render(PipelineContext context)
    {
        if (ReportPipeline.Model(context) is not { Graph: var graph, Templates: var templates, Pages: var models }) return [];
        // Pages are rendered when written (Output phase), not here.
        var pages = graph.Sources.Select(source => new Document(null, SitePaths.Source(source.Id), source,
            new GeneratedContent(output => templates.Render("source", models.SourcePage(source), output)))
        {
            Origin = source.LocationOf("id"),
        });

        // A big collection's further pages of documents (the first is on its own page).
        var parts = graph.Sources.SelectMany(source => Enumerable.Range(2, Math.Max(0, models.PartsPageCount(source) - 1)).Select(page =>
            new Document(null, SitePaths.SourceParts(source.Id, page), source,
                new GeneratedContent(output => templates.Render("source-parts", models.SourceParts(source, page), output)))
            {
                Origin = source.LocationOf("id"),
            }));

        var index = new Document(null, SitePaths.SourcesIndex, null, new GeneratedContent(output => templates.Render("sources-index", models.SourcesIndex(), output)));
        // Publish the local copies that records point to (and only those: documents/ may hold unpublished material),
        // except a withheld source's. Their SHA-256 was computed when the records were verified: the writer need not
        // read them again.
        var files = graph.Sources
            .Where(s => !s.IsWithheld)
            .SelectMany(s => new[] { (Copy: s.LocalFile, Key: "file", Record: s), (Copy: s.LocalCapture, Key: "capture", Record: s) })
            .Where(f => f.Copy is not null)
            .DistinctBy(f => f.Copy!.Path, StringComparer.Ordinal)
            .Select(f => new Document(f.Copy!.Path, f.Copy.Path, null,
                new FileCopyContent(context.Files.Input.Find(f.Copy.Path)!, f.Copy.Sha256))
            {
                Origin = f.Record.LocationOf(f.Key),
            });
        // The index (one row per source: the biggest page) first, so it is not the last page a core waits for.
        return [index, .. pages, .. parts, .. files];
    }
}
