using ReportSite.Tests.Support;
using Xunit.Abstractions;

namespace ReportSite.Tests.Output;

/// <summary>
/// A disk that fills up, or an output folder on a read-only file system (what stops root, unlike chmod): a located
/// RS0008 error and exit 1, the previous site and every other file byte-identical, no staging folder left. Run on a
/// small real tmpfs mounted by the test, with the real command.
/// </summary>
public sealed class WriteFailureTests(ITestOutputHelper log)
{
    private static (int ExitCode, string Stdout, string Stderr) Build(TempReport report) =>
        Processes.Run("dotnet", report.Root, [Path.Combine(AppContext.BaseDirectory, "reportsite.dll"), "build", "input", "--output", "disk/_site"]);

    private static void Grow(TempReport report, string what)
    {
        var text = string.Concat(Enumerable.Repeat("All work and no play makes a big site. ", 40_000)); // 1.6 MB
        if (what == "page") report.Write("sections/02-big.md", $"---\ntitle: Big\n---\nA big claim [@a].\n\n{text}\n");
        else report.Write("documents/big.txt", text)
            .Write("sources/big.yml", "id: big\ntype: document\ntitle: Big\nfile: documents/big.txt\n")
            .Write("sections/02-big.md", "---\ntitle: Big\n---\nA big claim [@big].\n");
    }

    private static void AssertFailed((int ExitCode, string Stdout, string Stderr) run, string reason)
    {
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("disk/_site: error RS0008: could not write the site: " + reason, run.Stderr);
        Assert.DoesNotContain("Unhandled", run.Stderr);
    }

    [Theory]
    [InlineData("page", true)]
    [InlineData("document", true)]
    [InlineData("page", false)]
    public void A_full_disk_is_a_located_error_and_leaves_the_previous_site_and_every_file_as_they_were(string what, bool previousSite)
    {
        using var report = OutputFolderTests.Report();
        using var disk = Tmpfs.TryMount(Path.Combine(report.Root, "disk"), "1m", log.WriteLine);
        if (disk is null) return;
        if (previousSite) Assert.Equal(0, Build(report).ExitCode);
        Grow(report, what);
        var before = Trees.Snapshot(report.Root);

        AssertFailed(Build(report), "No space left on device");

        var after = Trees.Snapshot(report.Root);
        // A first build leaves only its (empty) lock file.
        if (!previousSite) Assert.True(after.Remove("disk/.reportsite-cache") && after.Remove("disk/.reportsite-cache/_site.lock"));
        Assert.Equal(before, after);
        Assert.Equal(previousSite ? [".reportsite-cache", "_site"] : [".reportsite-cache"], Trees.Names(disk.Path));
    }

    [Fact]
    public void A_read_only_output_file_system_is_a_located_error_and_leaves_the_previous_site_as_it_was()
    {
        using var report = OutputFolderTests.Report();
        using var disk = Tmpfs.TryMount(Path.Combine(report.Root, "disk"), "1m", log.WriteLine);
        if (disk is null) return;
        Assert.Equal(0, Build(report).ExitCode);
        report.Write("sections/01-a.md", "---\ntitle: A\n---\nA changed claim [@a].\n");
        disk.RemountReadOnly();
        var before = Trees.Snapshot(report.Root);

        AssertFailed(Build(report), "Read-only file system");

        Assert.Equal(before, Trees.Snapshot(report.Root));
    }

    [Fact]
    public void A_first_build_onto_a_read_only_file_system_is_a_located_error()
    {
        using var report = OutputFolderTests.Report();
        using var disk = Tmpfs.TryMount(Path.Combine(report.Root, "disk"), "1m", log.WriteLine);
        if (disk is null) return;
        disk.RemountReadOnly();
        var before = Trees.Snapshot(report.Root);

        AssertFailed(Build(report), "Read-only file system");

        Assert.Equal(before, Trees.Snapshot(report.Root));
        Assert.Empty(Trees.Names(disk.Path));
    }
}
