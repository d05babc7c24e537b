using System.Diagnostics;
using System.Globalization;
using ReportSite.Corpus;

namespace ReportSite.Bench;

/// <summary>The bench commands: corpus generation and whole-process timing of the Release CLI.</summary>
public static class Commands
{
    public static string RepoRoot { get; } = FindRepoRoot();

    private static string DefaultCorpora => Path.Combine(RepoRoot, "bench", "corpora");

    public static int Generate(string[] args)
    {
        var name = args.Length > 0 ? args[0] : "all";
        var root = args.Length > 1 ? args[1] : DefaultCorpora;
        var shapes = name == "all" ? CorpusShape.All : [CorpusShape.Named(name)];
        foreach (var shape in shapes)
        {
            var watch = Stopwatch.StartNew();
            var folder = Path.Combine(root, shape.Name);
            CorpusGenerator.Write(shape, folder);
            Console.WriteLine($"{shape.Name}: {shape.Sections} sections, {shape.Sources} sources, {shape.Citations} citations -> {folder} ({watch.Elapsed.TotalSeconds:0.0} s)");
        }
        return 0;
    }

    /// <summary>
    /// Builds a corpus with the Release CLI: one warm-up, then N timed builds from scratch, then N builds with nothing
    /// changed. Prints median wall, CPU (user+sys) and peak RSS, and the build's own per-pipeline times.
    /// </summary>
    /// <remarks>
    /// Each build from scratch writes into a folder that never existed, and the folders are removed only after the
    /// last run: on ext4 without a journal (this VM's disk), creating files right after a mass delete makes the kernel
    /// scan the recently freed inodes, which added 5–10 s of system time to a build and measured the file system's
    /// state instead of ReportSite. <c>--output-root DIR</c> puts the outputs elsewhere (a tmpfs, say).
    /// </remarks>
    public static int WholeBuild(string[] args)
    {
        var name = args.Length > 0 && !args[0].StartsWith("--") ? args[0] : throw new ArgumentException("corpus name required");
        string? Option(string option) => args.SkipWhile(a => a != option).Skip(1).FirstOrDefault();
        var runs = int.Parse(Option("--runs") ?? "5", CultureInfo.InvariantCulture);
        var positional = args.Where((a, i) => !a.StartsWith("--") && (i == 0 || !args[i - 1].StartsWith("--"))).ToList();
        var root = positional.Skip(1).FirstOrDefault() ?? DefaultCorpora;
        var input = Path.Combine(root, name);
        if (!Directory.Exists(input)) Generate([name, root]);
        var cli = Option("--cli") ?? PublishedCli();
        var outputs = Path.Combine(Option("--output-root") ?? Path.GetTempPath(), $"reportsite-bench-{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(outputs);
        try
        {
            Console.WriteLine($"{name}: warm-up");
            Run(cli, input, Path.Combine(outputs, "warm-up"), out _);

            var cold = new List<Measurement>();
            var output = "";
            for (var i = 0; i < runs; i++)
            {
                output = Path.Combine(outputs, $"run-{i}");
                cold.Add(Run(cli, input, output, out var log));
                if (i == runs - 1) Console.Write(PipelineLines(log));
            }
            var warm = new List<Measurement>();
            for (var i = 0; i < runs; i++) warm.Add(Run(cli, input, output, out _));

            Report($"{name} full build", cold);
            Report($"{name} unchanged rebuild", warm);
        }
        finally
        {
            Directory.Delete(outputs, recursive: true);
        }
        return 0;
    }

    /// <summary>Runs the pipelines in-process without writing, then times the hot paths one by one (single thread).</summary>
    public static int Profile(string[] args)
    {
        var input = Path.GetFullPath(args.Length > 0 ? args[0] : Path.Combine(DefaultCorpora, "report-22k"));
        var context = new ReportSite.Engine.PipelineContext(
            new ReportSite.Engine.BuildSettings(input, Path.Combine(RepoRoot, "theme"), Environment.CurrentDirectory), new ReportSite.Diagnostics.DiagnosticBag());
        var watch = Stopwatch.StartNew();
        var timings = new ReportSite.Engine.PipelineEngine(ReportSite.Build.ReportBuilder.Pipelines()).Run(context, writeOutput: false);
        Console.WriteLine($"pipelines without output: {watch.ElapsedMilliseconds} ms, {GC.GetTotalAllocatedBytes() >> 20} MiB allocated");
        foreach (var t in timings) Console.WriteLine($"  {t.Pipeline,-10} " + string.Join(", ", t.Phases.Select(p => $"{p.Key} {p.Value.TotalMilliseconds:0}")));

        var (graph, templates, models) = ReportSite.Pipelines.ReportPipeline.Model(context)!;
        var style = ReportSite.Markdown.Citations.CitationStyle.Arabic;
        var renderer = new ReportSite.Markdown.SectionRenderer(
            ReportSite.Templates.ThemeMarkdown.Create(templates, style, new ReportSite.Diagnostics.DiagnosticBag()),
            graph.SourcesById, style);
        void Time(string what, Action action)
        {
            action(); // warm-up
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            watch.Restart();
            action();
            Console.WriteLine($"{what}: {watch.ElapsedMilliseconds} ms, {(GC.GetAllocatedBytesForCurrentThread() - allocated) >> 20} MiB allocated (1 thread)");
        }
        Time("render Markdown of every section", () => { foreach (var s in graph.Sections) renderer.Render(s.Section, new ReportSite.Diagnostics.DiagnosticBag()); });
        var page = new System.Buffers.ArrayBufferWriter<byte>();
        Time("render every section page", () => { var i = 0; foreach (var s in graph.Sections) { page.ResetWrittenCount(); templates.Render("section", models.Section(s, ++i), page); } });
        // report.html and its parts: each section's source list rendered again, and each section's HTML relocated.
        Time("render every section's source list", () => { var i = 0; foreach (var s in graph.Sections) templates.RenderPartial("partials/section-sources", models.Section(s, ++i)); });
        Time("relocate every section body", () => { foreach (var s in graph.Sections) ReportSite.Urls.RelocatedHtml.Move(s.BodyHtml, ReportSite.Urls.SitePaths.Section(s.Slug), ReportSite.Urls.SitePaths.Report, s.Slug, headingShift: 1); });
        Time("render report.html", () => { page.ResetWrittenCount(); templates.Render("report", ReportSite.Templates.ReportPages.Build(models, templates, graph.Sections, graph.Site), page); });
        Time("render every source page", () => { foreach (var s in graph.Sources) { page.ResetWrittenCount(); templates.Render("source", models.SourcePage(s), page); } });
        Time("claims.json + sources.json", () => { page.ResetWrittenCount(); ReportSite.Exports.GraphExports.WriteClaims(graph, page); page.ResetWrittenCount(); ReportSite.Exports.GraphExports.WriteSources(graph, page); });
        Time("search index: documents, postings, shards, and every file written", () =>
        {
            foreach (var file in ReportSite.Search.SearchIndexFiles.All(graph)) { page.ResetWrittenCount(); file.Write(page); }
        });
        Time("load every record file", () =>
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(input, "sources"), "*.yml", SearchOption.AllDirectories))
                ReportSite.Sources.SourceRecordLoader.Load(File.ReadAllText(file), file, new ReportSite.Diagnostics.DiagnosticBag());
        });
        return 0;
    }

    /// <summary>
    /// The Release CLI as users install it: published with Native AOT (compiled ahead of time: no JIT at start-up
    /// or while building). Any other build can be measured with <c>--cli PATH</c> (a native binary or a .dll).
    /// </summary>
    private static string PublishedCli()
    {
        var folder = Path.Combine(RepoRoot, "bench", ".publish");
        Console.WriteLine($"publishing the Release CLI (Native AOT) to {folder}");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true };
        foreach (var arg in new[] { "publish", Path.Combine(RepoRoot, "src", "ReportSite.Cli"), "-c", "Release", "-r", "linux-x64",
                     "-p:PublishAot=true", "-o", folder, "--nologo", "-v", "q" })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException("dotnet publish failed");
        return Path.Combine(folder, "reportsite");
    }

    public sealed record Measurement(double WallSeconds, double CpuSeconds, long PeakRssKb);

    // GNU time reports wall, user, system and peak RSS of the child exactly (Debian package "time").
    private const string GnuTime = "/usr/bin/time";

    private static Measurement Run(string cli, string input, string output, out string log)
    {
        if (!File.Exists(GnuTime)) throw new FileNotFoundException("bench build needs GNU time: apt-get install time", GnuTime);
        var report = Path.GetTempFileName();
        var start = new ProcessStartInfo(GnuTime) { RedirectStandardOutput = true, RedirectStandardError = true };
        string[] program = cli.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? ["dotnet", cli] : [cli];
        foreach (var arg in (string[])["-o", report, "-f", "%e %U %S %M", .. program, "build", input, "--output", output])
            start.ArgumentList.Add(arg);
        start.Environment["REPORTSITE_TIMINGS"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        log = stdout.Result + stderr.Result;
        if (process.ExitCode != 0) throw new InvalidOperationException($"build failed:\n{log}");
        var fields = File.ReadAllText(report).Trim().Split('\n')[^1].Split(' ')
            .Select(f => double.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        File.Delete(report);
        return new Measurement(fields[0], fields[1] + fields[2], (long)fields[3]);
    }

    private static void Report(string title, List<Measurement> runs)
    {
        static double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{title}: median wall {Median(runs.Select(r => r.WallSeconds)):0.00} s, CPU {Median(runs.Select(r => r.CpuSeconds)):0.00} s, " +
            $"peak RSS {runs.Max(r => r.PeakRssKb) / 1024.0:0} MiB ({runs.Count} runs; walls: {string.Join(" ", runs.Select(r => r.WallSeconds.ToString("0.00", CultureInfo.InvariantCulture)))})"));
    }

    private static string PipelineLines(string log) =>
        string.Concat(log.Split('\n').Where(l => l.StartsWith("  ", StringComparison.Ordinal)).Select(l => "  " + l.Trim() + "\n"));

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ReportSite.sln"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    }
}
