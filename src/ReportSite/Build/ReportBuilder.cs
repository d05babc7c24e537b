using System.Diagnostics;
using ReportSite.Diagnostics;
using ReportSite.Engine;
using ReportSite.Exports;
using ReportSite.Input;
using ReportSite.Output;
using ReportSite.Pipelines;
using ReportSite.Safety;

namespace ReportSite.Build;

/// <summary>What a build was asked to do. Paths may be relative to <see cref="WorkingDirectory"/>.</summary>
/// <param name="Output">Where to write the site; null to only check.</param>
/// <param name="Strict">Treat warnings as errors.</param>
public sealed record BuildOptions(string Input, string? Output, string Theme, string WorkingDirectory, bool Strict = false)
{
    /// <summary>The theme shipped next to the program (copied there by the CLI project).</summary>
    public static string DefaultTheme => Path.Combine(AppContext.BaseDirectory, "theme");
}

public sealed record BuildStats(int Sections, int Sources, int Claims, int Citations, int FilesWritten = 0, int FilesUnchanged = 0);

/// <param name="Written">The output folder now holds this build's site.</param>
/// <param name="UpToDate">Nothing the site depends on changed since the last build: no work was done.</param>
public sealed record BuildResult(
    IReadOnlyList<Diagnostic> Diagnostics, BuildStats Stats, IReadOnlyList<PipelineTiming> Timings, TimeSpan Elapsed, bool Written,
    bool UpToDate = false)
{
    public bool Succeeded => Diagnostics.All(d => d.Severity != Severity.Error);
    public int ErrorCount => Diagnostics.Count(d => d.Severity == Severity.Error);
    public int WarningCount => Diagnostics.Count(d => d.Severity == Severity.Warning);
}

/// <summary>
/// Runs the pipelines on an input folder. The site is written to a staging folder beside the target and swapped in
/// only when the build succeeds, so a failed or interrupted build never touches the previous good site. Only an
/// absent or empty folder, or a site ReportSite wrote, is ever replaced (see <see cref="OutputFolder"/>).
/// </summary>
public static class ReportBuilder
{
    public static IReadOnlyList<Pipeline> Pipelines() =>
    [
        SitePipeline.Create(),
        ThemePipeline.Create(),
        SourcesPipeline.Create(),
        CorrectionsPipeline.Create(),
        SectionsPipeline.Create(),
        ReportPipeline.Create(),
        ExportsPipeline.Create(),
        SearchPipeline.Create(),
        AssetsPipeline.Create(),
        SitemapPipeline.Create(),
    ];

    /// <summary>Builds (or, with no output, only checks) the report.</summary>
    public static BuildResult Run(BuildOptions options, CancellationToken cancellation = default)
    {
        var watch = Stopwatch.StartNew();
        var diagnostics = new DiagnosticBag(options.Strict);
        var input = Path.GetFullPath(options.Input, options.WorkingDirectory);
        var output = options.Output is null ? null : Path.GetFullPath(options.Output, options.WorkingDirectory);
        var display = new BuildSettings(input, Path.GetFullPath(options.Theme, options.WorkingDirectory), options.WorkingDirectory);

        if (!Directory.Exists(input))
        {
            diagnostics.Error(SourceLocation.WholeFile(display.Display(input)), DiagnosticCodes.InputFolderMissing,
                "input folder not found");
            return Finish(diagnostics, null, [], watch, written: false);
        }
        if (!Directory.Exists(display.ThemeRoot))
        {
            diagnostics.Error(SourceLocation.WholeFile(display.Display(display.ThemeRoot)), DiagnosticCodes.ThemeFolderMissing,
                "theme folder not found (--theme)");
            return Finish(diagnostics, null, [], watch, written: false);
        }
        if (output is null)
        {
            var context = new PipelineContext(display, diagnostics, cancellation: cancellation);
            var timings = new PipelineEngine(Pipelines()).Run(context, writeOutput: false);
            return Finish(diagnostics, diagnostics.HasErrors ? null : ReportPipeline.Graph(context), timings, watch, written: false);
        }

        var at = SourceLocation.WholeFile(display.Display(output));
        try
        {
            if (OutputProblem(input, display.ThemeRoot, output) is { } problem)
                diagnostics.Error(at, DiagnosticCodes.OutputInsideInput, problem);
            else if (NotReplaceable(output) is { } refusal)
                diagnostics.Error(at, DiagnosticCodes.OutputNotASite, refusal);
            // Only now is anything written, beginning with the lock. An output that is a link is built where it
            // points, so the link stays and nothing is deleted through it.
            else if (Paths.RealPath(output) is var real && OutputFolder.Lock(real) is { } locked)
                using (locked)
                {
                    OutputFolder.Recover(real);
                    return Build(options, input, real, display, diagnostics, watch, cancellation);
                }
            else
                diagnostics.Error(at, DiagnosticCodes.OutputLocked, "another build is writing this output folder; wait for it to finish");
        }
        catch (Exception error) when (WriteErrors(error, at.File) is { } errors)
        {
            foreach (var diagnostic in errors) diagnostics.Add(diagnostic);
        }
        return Finish(diagnostics, null, [], watch, written: false);
    }

    // Under the output's lock: skip an up-to-date build, or build into a staging folder and swap it in.
    private static BuildResult Build(BuildOptions options, string input, string output, BuildSettings display, DiagnosticBag diagnostics,
        Stopwatch watch, CancellationToken cancellation)
    {
        // Listed once: every reader reads through it (and what it refuses, a link outside the input, a FIFO …, is reported).
        var files = InputFolders.Read(display, diagnostics);
        // Nothing changed since the last build of this output (same inputs, theme, options and program,
        // and the site untouched, its marker included): its result stands, and the work is skipped — as make or ninja would.
        var previous = BuildManifest.Load(output);
        var fingerprint = InputFingerprint.Compute(files, $"strict={options.Strict}");
        if (!diagnostics.HasErrors && previous is not null && previous.Fingerprint == fingerprint && OutputFolder.IsMarked(output) && previous.MatchesFolder(output))
        {
            var stats = new BuildStats(previous.Sections, previous.Sources, previous.Claims, previous.Citations, 0, previous.Files.Count);
            return new BuildResult(previous.Diagnostics, stats, [], watch.Elapsed, Written: true, UpToDate: true);
        }

        var staging = OutputFolder.StagingPath(output);
        var writer = new OutputWriter(staging, output, previous);
        var context = new PipelineContext(display, diagnostics, writer, cancellation, files);
        try
        {
            Directory.CreateDirectory(staging);
            OutputFolder.Mark(staging);
            var timings = new PipelineEngine(Pipelines()).Run(context);
            cancellation.ThrowIfCancellationRequested();
            if (diagnostics.HasErrors) return Finish(diagnostics, null, timings, watch, written: false);
            // Last, when every other file is written: it lists them all with their hashes.
            writer.Write(Urls.SitePaths.Manifest, buffer => SiteManifest.Write(buffer, writer.Files));

            // The old record goes first: a site swapped in without its record is rebuilt in full, never trusted.
            BuildManifest.Delete(output);
            OutputFolder.Swap(staging, output);
            var result = Finish(diagnostics, ReportPipeline.Graph(context), timings, watch, written: true, writer);
            var manifest = new BuildManifest(fingerprint, writer.Files, result.Stats.Sections, result.Stats.Sources, result.Stats.Claims,
                result.Stats.Citations, [.. result.Diagnostics]);
            try
            {
                manifest.Save(output);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                // The site is in place and marked; without its record the next build is only a full one.
            }
            return result;
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
    }

    // What writing the site can meet (a full disk, a read-only or unwritable folder, a page that cannot be rendered),
    // as diagnostics, also from parallel writers (an AggregateException); null when any of it is something else, a
    // bug that must surface as it is. A cancellation met along the way adds nothing: the build failed anyway.
    internal static List<Diagnostic>? WriteErrors(Exception error, string output)
    {
        var errors = new List<Diagnostic>();
        foreach (var inner in error is AggregateException aggregate ? aggregate.Flatten().InnerExceptions : [error])
        {
            if (inner is DiagnosticException located) errors.Add(located.Diagnostic);
            else if (inner is OperationCanceledException) continue;
            else if (inner is not (IOException or UnauthorizedAccessException)) return null;
            // One line for an I/O failure, not one per writing thread that met it.
            else if (!errors.Any(d => d.Code == DiagnosticCodes.OutputWriteFailed))
                errors.Add(new Diagnostic(output, 0, 0, Severity.Error, DiagnosticCodes.OutputWriteFailed,
                    $"could not write the site: {inner.Message}; the previous site was left as it was"));
        }
        return errors.Count > 0 ? errors : null;
    }

    private static BuildResult Finish(DiagnosticBag diagnostics, Graph.ReportGraph? graph, IReadOnlyList<PipelineTiming> timings,
        Stopwatch watch, bool written, OutputWriter? writer = null)
    {
        var stats = graph is null
            ? new BuildStats(0, 0, 0, 0)
            : new BuildStats(graph.Sections.Count, graph.Sources.Count, graph.Claims.Count, graph.CitationCount,
                writer?.Written ?? 0, writer?.Unchanged ?? 0);
        return new BuildResult(diagnostics.Sorted(), stats, timings, watch.Elapsed, written);
    }

    // The build replaces the whole output folder, so it must be neither the input nor the theme, nor inside either,
    // nor around either — also through symlinks.
    private static string? OutputProblem(string input, string theme, string output)
    {
        var realOutput = Paths.RealPath(output);
        foreach (var (folder, name) in new[] { (input, "input"), (theme, "theme") })
        {
            var real = Paths.RealPath(folder);
            if (Paths.IsSameOrInside(realOutput, real))
                return $"the output folder must not be the {name} folder or inside it (the build would read its own output)";
            if (Paths.IsSameOrInside(real, realOutput))
                return $"the output folder must not contain the {name} folder (a build replaces the whole output folder)";
        }
        return null;
    }

    // Only what a build may replace is replaced: nothing, an empty folder, or a site ReportSite wrote.
    private static string? NotReplaceable(string output)
    {
        if (File.Exists(output)) return "the output path is a file, not a folder";
        if (Directory.Exists(output) && !OutputFolder.IsReplaceable(output))
            return $"the output folder is not empty and is not a site written by reportsite (it has no {OutputFolder.MarkerName} " +
                "file): a build replaces the whole folder, so choose a new or empty folder";
        return null;
    }
}
