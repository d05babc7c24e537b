using System.Diagnostics;
using System.Runtime.InteropServices;
using ReportSite.Build;
using ReportSite.Tests.Support;
using Xunit.Abstractions;

namespace ReportSite.Tests.Output;

/// <summary>
/// A real <c>dotnet reportsite.dll build</c> child process stopped by SIGINT, SIGTERM or SIGKILL at random moments,
/// many times: after SIGINT/SIGTERM the old site (exit 130/143) or the new one (exit 0, it had finished) is in
/// place and nothing is left beside it; after SIGKILL one of the two sites is in place and the next build removes
/// what was left. The input is never touched.
/// </summary>
public sealed class SignalTests(ITestOutputHelper log)
{
    private const int Tries = 6;
    private const int SIGINT = 2, SIGKILL = 9, SIGTERM = 15;

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);

    // Big enough that a build lasts a while (hundreds of pages), in two versions that differ in every section.
    private static void WriteReport(TempReport report, string version)
    {
        for (var i = 0; i < 150; i++)
        {
            report.Write($"sources/s{i}.yml", $"id: s{i}\ntype: report\ntitle: Source {i}\n");
            report.Write($"sections/{i:000}-s.md", $"---\ntitle: Section {i} {version}\nslug: s{i}\n---\n" +
                string.Concat(Enumerable.Range(0, 20).Select(j => $"Claim {j} of version {version} [@s{(i + j) % 150}]. ")) + "\n");
        }
    }

    [Theory]
    [InlineData(SIGINT, 130)]
    [InlineData(SIGTERM, 143)]
    [InlineData(SIGKILL, 137)]
    public void A_build_stopped_at_a_random_moment_leaves_one_whole_site_and_the_next_build_cleans_up(int signal, int interruptedExit)
    {
        using var report = new TempReport();
        var sites = new Dictionary<string, SortedDictionary<string, string>>();
        foreach (var version in new[] { "A", "B" })
        {
            WriteReport(report, version);
            Assert.True(ReportBuilder.Run(new BuildOptions("input", "reference-" + version, BuildOptions.DefaultTheme, report.Root)).Written);
            sites[version] = Trees.Snapshot(Path.Combine(report.Root, "reference-" + version));
        }
        // The output holds site B; each try builds the other version.
        Assert.True(ReportBuilder.Run(new BuildOptions("input", "_site", BuildOptions.DefaultTheme, report.Root)).Written);
        var current = "B";
        var watch = Stopwatch.StartNew();
        WriteReport(report, "A");
        Assert.Equal(0, Start(report).WaitForExitOrKill());
        var whole = watch.Elapsed;
        current = "A";

        var random = new Random(signal);
        var stopped = 0;
        for (var i = 0; i < Tries; i++)
        {
            var next = current == "A" ? "B" : "A";
            WriteReport(report, next);
            var input = Trees.Snapshot(report.Input);
            var delay = TimeSpan.FromTicks((long)(random.NextDouble() * whole.Ticks));
            using var child = Start(report);
            Thread.Sleep(delay);
            kill(child.Id, signal);
            var exit = child.WaitForExitOrKill();
            log.WriteLine($"try {i}: signal {signal} after {delay.TotalMilliseconds:0} ms of {whole.TotalMilliseconds:0}: exit {exit}");

            Assert.Contains(exit, new[] { 0, interruptedExit });
            var site = Trees.Snapshot(report.Output);
            var now = site.SequenceEqual(sites[next]) ? next : site.SequenceEqual(sites[current]) ? current : null;
            Assert.True(now is not null, $"try {i}: the output is neither the old nor the new site");
            if (signal != SIGKILL)
            {
                Assert.Equal(exit == 0 ? next : current, now);
                Assert.Equal([".reportsite-cache", "_site", "input", "reference-A", "reference-B"], Trees.Names(report.Root));
            }
            else
            {
                // What a SIGKILL leaves, the next build removes.
                Assert.True(ReportBuilder.Run(new BuildOptions("input", "_site", BuildOptions.DefaultTheme, report.Root)).Succeeded);
                Assert.Equal(sites[next], Trees.Snapshot(report.Output));
                Assert.Equal([".reportsite-cache", "_site", "input", "reference-A", "reference-B"], Trees.Names(report.Root));
            }
            Assert.Equal(input, Trees.Snapshot(report.Input));
            if (exit != 0) stopped++;
            current = signal == SIGKILL ? next : now!;
        }
        Assert.True(stopped > 0, "no try stopped the build before it ended: the test proved nothing");
    }

    private static Process Start(TempReport report)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = report.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "reportsite.dll"), "build", "input", "--output", "_site" })
            start.ArgumentList.Add(arg);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}

internal static class ProcessExtensions
{
    /// <summary>The exit code; a guard against a hang (a test failure, not a wait forever).</summary>
    public static int WaitForExitOrKill(this Process process)
    {
        if (process.WaitForExit(TimeSpan.FromMinutes(2))) return process.ExitCode;
        process.Kill();
        throw new TimeoutException("the build did not stop: it hangs");
    }
}
