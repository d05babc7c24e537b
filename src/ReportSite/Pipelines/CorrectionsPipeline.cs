using ReportSite.Corrections;
using ReportSite.Engine;
using ReportSite.Exports;
using ReportSite.Text;
using ReportSite.Urls;

namespace ReportSite.Pipelines;

/// <summary>
/// Corrections: reads input/corrections.yml, when there is one (Input). The Report pipeline checks each against the
/// report's claims and sections (Process). Writes them as the Atom feed corrections.xml (PostProcess), when there are any.
/// </summary>
public static class CorrectionsPipeline
{
    public const string File = "corrections.yml";

    public static Pipeline Create()
    {
        var pipeline = new Pipeline(PipelineNames.Corrections);
        pipeline.Input.Add(new FuncModule((_, context) => Read(context)));
        pipeline.PostProcess.Add(new FuncModule((_, context) => Feed(context)));
        pipeline.Output.Add(new WriteFiles());
        return pipeline;
    }

    private static IReadOnlyList<Document> Feed(PipelineContext context)
    {
        if (ReportPipeline.Model(context) is not { Graph: { Corrections.Count: > 0 } graph, Templates: var templates }) return [];
        return [new Document(null, SitePaths.CorrectionsFeed, null, new GeneratedContent(output => CorrectionsFeed.Write(graph, templates.UiString, output)))];
    }

    private static IReadOnlyList<Document> Read(PipelineContext context)
    {
        // Optional: a report with nothing to correct has no file (one refused when listed is already reported).
        if (context.Files.Input.Find(File) is not { } file) return [];
        var text = InputFiles.ReadText(file, context.Diagnostics);
        return text is null ? [] : [.. CorrectionsLoader.Load(text, file.Display, context.Diagnostics).Select(c => new Document(File, null, c))];
    }

    /// <summary>The corrections as read, in the file's order (not yet checked against the report).</summary>
    public static IReadOnlyList<Correction> From(PipelineContext context) =>
        [.. context.ProcessedBy(PipelineNames.Corrections).Select(d => d.ModelAs<Correction>())];
}
