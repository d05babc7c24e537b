using System.Collections.Concurrent;
using ReportSite.Diagnostics;
using ReportSite.Input;

namespace ReportSite.Engine;

/// <summary>
/// What a module may see besides its own input documents: the build's settings, the diagnostics sink and the
/// processed documents of other pipelines. Passed explicitly to every module; there is no ambient state.
/// </summary>
/// <param name="files">The input and theme folders as listed; listed here when not given.</param>
public sealed class PipelineContext(
    BuildSettings settings, DiagnosticBag diagnostics, Output.OutputWriter? output = null, CancellationToken cancellation = default,
    InputFolders? files = null)
{
    private readonly ConcurrentDictionary<string, IReadOnlyList<Document>> _processed = new(StringComparer.Ordinal);

    public BuildSettings Settings { get; } = settings;
    public DiagnosticBag Diagnostics { get; } = diagnostics;

    /// <summary>The input and theme folders: every reader reads through them, never the file system directly.</summary>
    public InputFolders Files { get; } = files ?? InputFolders.Read(settings, diagnostics);

    /// <summary>Where the Output phase writes; null when the build only checks.</summary>
    public Output.OutputWriter? Output { get; } = output;

    /// <summary>Set when the build is interrupted (Ctrl-C, SIGTERM): checked between phases and between written files.</summary>
    public CancellationToken Cancellation { get; } = cancellation;

    /// <summary>Options for a module's parallel loop, so that an interrupted build stops within it.</summary>
    public ParallelOptions LoopOptions => new() { CancellationToken = Cancellation };

    /// <summary>
    /// The documents a pipeline produced in its Process phase. In Process, only dependencies are guaranteed to be
    /// ready (the engine enforces it); in PostProcess and Output, every pipeline is.
    /// </summary>
    public IReadOnlyList<Document> ProcessedBy(string pipeline) =>
        _processed.TryGetValue(pipeline, out var documents)
            ? documents
            : throw new InvalidOperationException($"Pipeline '{pipeline}' has not finished its Process phase (is it a declared dependency?).");

    /// <summary>The single model a pipeline produced (for pipelines that produce one document, such as the report graph).</summary>
    public T Single<T>(string pipeline) where T : class => ProcessedBy(pipeline).Single().ModelAs<T>();

    /// <summary>
    /// Every document with a destination, once all PostProcess phases have run (empty before): for what lists the
    /// whole site when written, such as sitemap.xml.
    /// </summary>
    public IReadOnlyList<Document> Outputs { get; private set; } = [];

    internal void RecordOutputs(IReadOnlyList<Document> documents) => Outputs = documents;

    internal void RecordProcessed(string pipeline, IReadOnlyList<Document> documents) => _processed[pipeline] = documents;
}
