using ReportSite.Diagnostics;
using ReportSite.Output;
using ReportSite.Tests.Support;

namespace ReportSite.Tests.Output;

/// <summary>
/// The swap that puts a new site in place: at every instant the old or the new site is at the output path; what an
/// interrupted build leaves beside it (staging, old folders) is finished or undone by the next build, which touches
/// only folders it made itself; two builds of one output never meet.
/// </summary>
public sealed class SwapTests
{
    private static string Guid32() => Guid.NewGuid().ToString("N");

    [Fact]
    public void At_every_instant_of_many_swaps_a_whole_site_is_at_the_output_path()
    {
        using var report = OutputFolderTests.Report();
        var output = report.Output;
        var sites = new[] { "one", "two" };
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "index.html"), sites[0]);

        using var stop = new CancellationTokenSource();
        var seen = new List<string>();
        var watcher = new Thread(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                try { seen.Add(File.ReadAllText(Path.Combine(output, "index.html"))); }
                catch (IOException error) { seen.Add("missing: " + error.GetType().Name); }
            }
        });
        watcher.Start();
        for (var i = 1; i <= 300; i++)
        {
            var staging = OutputFolder.StagingPath(output);
            Directory.CreateDirectory(staging);
            File.WriteAllText(Path.Combine(staging, "index.html"), sites[i % 2]);
            OutputFolder.Swap(staging, output);
        }
        stop.Cancel();
        watcher.Join();

        Assert.Equal(sites[0], File.ReadAllText(Path.Combine(output, "index.html")));
        Assert.All(seen, text => Assert.Contains(text, sites));
        Assert.Equal(["_site", "input"], Trees.Names(report.Root));
    }

    [Fact]
    public void A_swap_cut_short_between_its_two_renames_is_undone_by_the_next_build()
    {
        using var report = OutputFolderTests.Report();
        Assert.True(report.Build().Written);
        var site = Trees.Snapshot(report.Output);
        // The old site was moved aside, the new one not yet moved in.
        Directory.Move(report.Output, report.Output + ".old-" + Guid32());
        var staging = report.Output + $".building-{Environment.ProcessId}-{Guid32()}";
        Directory.CreateDirectory(Path.Combine(staging, "sections"));
        OutputFolder.Mark(staging);
        File.WriteAllText(Path.Combine(staging, "sections", "half.html"), "<p>half a site</p>");

        var result = report.Build();

        Assert.True(result.UpToDate, "the old site was not put back as it was");
        Assert.Equal(site, Trees.Snapshot(report.Output));
        Assert.Equal([".reportsite-cache", "_site", "input"], Trees.Names(report.Root));
    }

    [Fact]
    public void Leftovers_of_killed_builds_are_removed_and_look_alikes_are_kept()
    {
        using var report = OutputFolderTests.Report();
        Assert.True(report.Build().Written);
        report.Write("sections/01-a.md", "---\ntitle: A\n---\nA changed claim [@a].\n");
        string Beside(string suffix) => report.Output + suffix;

        // Ours: marked (killed while writing, or after the exchange), or empty (killed before marking).
        var ours = new[] { $".building-1-{Guid32()}", $".building-{Environment.ProcessId}-{Guid32()}", $".old-{Guid32()}", $".building-7-{Guid32()}" };
        foreach (var suffix in ours[..3])
        {
            Directory.CreateDirectory(Path.Combine(Beside(suffix), "sections"));
            OutputFolder.Mark(Beside(suffix));
            File.WriteAllText(Path.Combine(Beside(suffix), "sections", "a.html"), "stale");
        }
        Directory.CreateDirectory(Beside(ours[3]));

        // Not ours: a name a build does not make, an unmarked folder with a build's name, a link with a build's name.
        foreach (var suffix in new[] { ".backup", $".old-{Guid32()}x", ".building-1-2" })
        {
            Directory.CreateDirectory(Beside(suffix));
            OutputFolder.Mark(Beside(suffix));
        }
        var unmarked = Beside($".old-{Guid32()}");
        Directory.CreateDirectory(unmarked);
        File.WriteAllText(Path.Combine(unmarked, "mine.txt"), "mine");
        var target = Path.Combine(report.Root, "elsewhere");
        Directory.CreateDirectory(target);
        OutputFolder.Mark(target);
        Directory.CreateSymbolicLink(Beside($".building-3-{Guid32()}"), target);
        var kept = Trees.Names(report.Root).Where(n => n.StartsWith("_site.") && !ours.Any(o => n == "_site" + o)).ToList();
        var keptTrees = kept.Select(n => Trees.Snapshot(Path.Combine(report.Root, n))).ToList();

        Assert.True(report.Build().Written);

        Assert.Contains("A changed claim", report.ReadOutput("sections/a.html"));
        Assert.Equal([".reportsite-cache", "_site", .. kept, "elsewhere", "input"], Trees.Names(report.Root).OrderBy(n => n == "elsewhere" || n == "input" ? 1 : 0).ThenBy(n => n, StringComparer.Ordinal));
        Assert.Equal(keptTrees, kept.Select(n => Trees.Snapshot(Path.Combine(report.Root, n))));
        Assert.True(OutputFolder.IsMarked(target));
    }

    [Fact]
    public void A_build_of_an_output_another_build_is_writing_is_refused_and_touches_nothing()
    {
        using var report = OutputFolderTests.Report();
        Assert.True(report.Build().Written);
        report.Write("sections/01-a.md", "---\ntitle: A\n---\nA changed claim [@a].\n");
        // The other build's staging folder, while it holds the lock.
        var staging = OutputFolder.StagingPath(report.Output);
        Directory.CreateDirectory(staging);
        OutputFolder.Mark(staging);
        var before = Trees.Snapshot(report.Root);

        using (OutputFolder.Lock(report.Output))
        {
            var result = report.Build();
            Assert.Contains("another build", result.Single(DiagnosticCodes.OutputLocked, "_site", 0, 0).Message);
            Assert.False(result.Written);
            Assert.Equal(before, Trees.Snapshot(report.Root));
        }

        Assert.True(report.Build().Written);
        Assert.False(Directory.Exists(staging));
    }
}
