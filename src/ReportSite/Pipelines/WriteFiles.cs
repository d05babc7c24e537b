using ReportSite.Engine;

namespace ReportSite.Pipelines;

/// <summary>
/// The Output phase of every pipeline: renders and writes each document that has a destination, in parallel,
/// one at a time per thread (content is produced here, so pages are never all in memory). An interrupted build
/// stops between files.
/// </summary>
public sealed class WriteFiles : IModule
{
    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> inputs, PipelineContext context)
    {
        if (context.Output is not { } output) return inputs;
        Parallel.ForEach(inputs.Where(d => d.Destination is not null && d.Content is not null), context.LoopOptions, document =>
        {
            switch (document.Content)
            {
                case GeneratedContent generated: output.Write(document.Destination!, generated.Write); break;
                case FileCopyContent copy: output.Copy(document.Destination!, copy.File, copy.Sha256); break;
            }
        });
        return inputs;
    }
}
