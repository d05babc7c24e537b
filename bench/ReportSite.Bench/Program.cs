using BenchmarkDotNet.Running;
using ReportSite.Bench;

// bench: generate corpora, time whole builds, run micro-benchmarks. See bench/README.md.
return args switch
{
    ["generate", .. var rest] => Commands.Generate(rest),
    ["build", .. var rest] => Commands.WholeBuild(rest),
    ["micro", .. var rest] => RunMicro(rest),
    ["profile", .. var rest] => Commands.Profile(rest),
    ["search", .. var rest] => await SearchBench.Run(rest),
    _ => Usage(),
};

static int RunMicro(string[] rest)
{
    BenchmarkSwitcher.FromAssembly(typeof(Commands).Assembly).Run(rest.Length == 0 ? ["--filter", "*"] : rest);
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("""
        usage: bench generate [NAME|all] [DIR]        write a corpus (pages-5k, report-22k, report-5500, tiny) under DIR (default bench/corpora)
               bench build NAME [DIR] [--runs N] [--cli PATH]  time the Release reportsite (published ReadyToRun) on a corpus
               bench micro [BenchmarkDotNet args]     micro-benchmarks of the hot paths
               bench profile [INPUT]                  in-process: pipeline phases, then each hot path over the whole corpus
               bench search SITE [--queries N]        a built site's search in Chromium over file://: first-query bytes, query time
        """);
    return 2;
}
