using System.Diagnostics;
using ReportSite.Build;
using ReportSite.Corpus;
using ReportSite.Diagnostics;
using ReportSite.Engine;
using ReportSite.Pipelines;
using ReportSite.Templates;

if (args is ["generate", var name, var dir])
{
    var watch = Stopwatch.StartNew();
    CorpusGenerator.Write(CorpusShape.Named(name), dir);
    Console.WriteLine($"Generated {name} in {dir} ({watch.Elapsed.TotalSeconds:0.0} s)");
    return 0;
}
if (args is ["profile", var input, var theme])
{
    var context = new ReportSite.Engine.ExecutionContext(new BuildSettings(Path.GetFullPath(input), Path.GetFullPath(theme), Environment.CurrentDirectory), new DiagnosticBag());
    var engine = new PipelineEngine(ReportBuilder.Pipelines());
    var w = Stopwatch.StartNew();
    var timings = engine.Run(context, writeOutput: false);
    Console.WriteLine($"run without output: {w.ElapsedMilliseconds} ms");
    foreach (var t in timings) Console.WriteLine($"  {t.Pipeline,-10} " + string.Join(", ", t.Phases.Select(p => $"{p.Key} {p.Value.TotalMilliseconds:0}")));
    var graph = ReportPipeline.Graph(context)!;
    var templates = ReportPipeline.Templates(context);
    var models = new PageModelFactory(graph);
    w.Restart();
    var total = 0L;
    Parallel.ForEach(graph.Sources, s => Interlocked.Add(ref total, templates.Render("source", models.SourcePage(s)).Length));
    Console.WriteLine($"all {graph.Sources.Count} source pages, parallel: {w.ElapsedMilliseconds} ms, {total / 1024 / 1024} M chars");
    w.Restart();
    total = 0;
    foreach (var s in graph.Sources) total += templates.Render("source", models.SourcePage(s)).Length;
    Console.WriteLine($"all {graph.Sources.Count} source pages, 1 thread: {w.ElapsedMilliseconds} ms");
    w.Restart();
    total = 0;
    foreach (var s in graph.Sources.Where(s => graph.Children(s.Id).Count == 0)) total += templates.Render("source", models.SourcePage(s)).Length;
    Console.WriteLine($"non-collection source pages, 1 thread: {w.ElapsedMilliseconds} ms");
    foreach (var big in graph.Sources.Where(s => graph.Children(s.Id).Count > 0 || graph.CitedBy(s.Id).Count > 20).Take(3))
    {
        w.Restart();
        var len = templates.Render("source", models.SourcePage(big)).Length;
        Console.WriteLine($"  {big.Id}: {graph.Children(big.Id).Count} children, {graph.CitedBy(big.Id).Count} cited-by, {len} chars, {w.ElapsedMilliseconds} ms");
    }
    for (var round = 0; round < 3; round++)
    {
        w.Restart();
        var n = 0;
        foreach (var s in graph.Sources.Take(2000)) n += templates.Render("source", models.SourcePage(s)).Length;
        Console.WriteLine($"2000 source pages, 1 thread: {w.ElapsedMilliseconds} ms");
        w.Restart();
        foreach (var s in graph.Sources.Take(2000)) _ = models.SourcePage(s);
        Console.WriteLine($"2000 source page models: {w.ElapsedMilliseconds} ms");
    }
    return 0;
}
Console.Error.WriteLine("usage: generate NAME DIR | profile INPUT THEME");
return 2;
