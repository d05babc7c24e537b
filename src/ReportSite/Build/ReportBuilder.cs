using System.Diagnostics;
using ReportSite.Diagnostics;
using ReportSite.Engine;
using ReportSite.Output;
using ReportSite.Safety;
using ReportSite.Pipelines;

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
/// only when the build succeeds, so a failed or interrupted build never touches the previous good site.
/// </summary>
public static class ReportBuilder
{
    public static IReadOnlyList<Pipeline> Pipelines() =>
    [
        SitePipeline.Create(),
        SourcesPipeline.Create(),
        SectionsPipeline.Create(),
        ReportPipeline.Create(),
        ExportsPipeline.Create(),
        AssetsPipeline.Create(),
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
        if (output is not null && OutputProblem(input, output) is { } problem)
        {
            diagnostics.Error(SourceLocation.WholeFile(display.Display(output)), DiagnosticCodes.OutputInsideInput, problem);
            return Finish(diagnostics, null, [], watch, written: false);
        }

        // Nothing changed since the last build of this output (same inputs, theme, options and program, and the site
        // untouched): its result stands, and the work is skipped — as make or ninja would.
        var previous = output is null ? null : BuildManifest.Load(output);
        var fingerprint = output is null ? null : InputFingerprint.Compute(input, display.ThemeRoot, $"strict={options.Strict}");
        if (previous is not null && previous.Fingerprint == fingerprint && previous.MatchesFolder(output!))
        {
            var stats = new BuildStats(previous.Sections, previous.Sources, previous.Claims, previous.Citations, 0, previous.Files.Count);
            return new BuildResult(previous.Diagnostics, stats, [], watch.Elapsed, Written: true, UpToDate: true);
        }

        var staging = output is null ? null : $"{Path.TrimEndingDirectorySeparator(output)}.building-{Environment.ProcessId}-{Guid.NewGuid():N}";
        var writer = staging is null ? null : new OutputWriter(staging, output, previous);
        var context = new PipelineContext(display, diagnostics, writer);
        try
        {
            if (staging is not null) Directory.CreateDirectory(staging);
            var timings = new PipelineEngine(Pipelines()).Run(context, writeOutput: staging is not null);
            cancellation.ThrowIfCancellationRequested();

            var graph = diagnostics.HasErrors ? null : ReportPipeline.Graph(context);
            var written = false;
            if (staging is not null && !diagnostics.HasErrors)
            {
                Swap(staging, output!);
                written = true;
            }
            var result = Finish(diagnostics, graph, timings, watch, written, writer);
            if (written)
                new BuildManifest(fingerprint!, writer!.Files, result.Stats.Sections, result.Stats.Sources, result.Stats.Claims,
                    result.Stats.Citations, [.. result.Diagnostics]).Save(output!);
            return result;
        }
        finally
        {
            if (staging is not null && Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
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

    // Two renames on the same volume: the target is either the old site or the new one, never half of each.
    private static void Swap(string staging, string output)
    {
        var old = $"{Path.TrimEndingDirectorySeparator(output)}.old-{Guid.NewGuid():N}";
        if (Directory.Exists(output)) Directory.Move(output, old);
        Directory.Move(staging, output);
        if (Directory.Exists(old)) Directory.Delete(old, recursive: true);
    }

    // The build replaces the whole output folder, so it must be neither the input, nor inside it, nor around it —
    // also through symlinks.
    private static string? OutputProblem(string input, string output)
    {
        var realInput = Paths.RealPath(input);
        var realOutput = Paths.RealPath(output);
        if (Paths.IsSameOrInside(realOutput, realInput))
            return "the output folder must not be the input folder or inside it (the build would read its own output)";
        if (Paths.IsSameOrInside(realInput, realOutput))
            return "the output folder must not contain the input folder (a build replaces the whole output folder)";
        return null;
    }
}
