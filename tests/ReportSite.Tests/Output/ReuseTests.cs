using ReportSite.Build;
using ReportSite.Tests.Support;

namespace ReportSite.Tests.Output;

/// <summary>
/// A rebuild reuses the previous site's files (hard links) and skips an unchanged build ("Up to date"); neither may
/// carry over a file someone altered in place, even one that kept its size and modification time, or replaced by a
/// link. Checked for every file of a site, against a fresh build of the same input.
/// </summary>
public sealed class ReuseTests
{
    private static TempReport Report() => OutputFolderTests.Report()
        .Write("documents/letter.txt", "the letter")
        .Write("sources/letter.yml", "id: letter\ntype: letter\ntitle: Letter\nfile: documents/letter.txt\n")
        .Write("sections/02-b.md", "---\ntitle: B\n---\nB claim [@letter].\n");

    private static SortedDictionary<string, string> Fresh(TempReport report)
    {
        var fresh = Path.Combine(report.Root, "fresh");
        if (Directory.Exists(fresh)) Directory.Delete(fresh, recursive: true);
        Assert.True(ReportBuilder.Run(new BuildOptions("input", "fresh", Repo.Theme, report.Root)).Written);
        return Trees.Snapshot(fresh);
    }

    // One byte changed; the size and the modification time put back as they were.
    private static void AlterInPlace(string path)
    {
        var time = File.GetLastWriteTimeUtc(path);
        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0x20;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Write)) stream.Write(bytes);
        File.SetLastWriteTimeUtc(path, time);
    }

    private static List<string> SiteFiles(TempReport report) =>
        [.. Directory.EnumerateFiles(report.Output, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(report.Output, f)).Order()];

    [Fact]
    public void A_file_altered_in_place_with_the_same_size_and_time_is_not_up_to_date_and_is_rebuilt()
    {
        using var report = Report();
        Assert.True(report.Build().Written);
        var expected = Fresh(report);
        var files = SiteFiles(report);
        Assert.True(files.Count > 8, $"only {files.Count} files");

        foreach (var file in files)
        {
            AlterInPlace(Path.Combine(report.Output, file));
            var result = report.Build();
            Assert.False(result.UpToDate, $"{file} altered in place: the build was skipped");
            Assert.Equal(expected, Trees.Snapshot(report.Output));
        }
    }

    [Fact]
    public void A_file_altered_in_place_is_not_hard_linked_into_the_next_build()
    {
        using var report = Report();
        Assert.True(report.Build().Written);
        var files = SiteFiles(report);

        for (var i = 0; i < files.Count; i++)
        {
            // An input change, so the build runs (not "Up to date") and reuses every unchanged file.
            report.Write("sections/03-c.md", $"---\ntitle: C\n---\nClaim number {i} [@a].\n");
            var expected = Fresh(report);
            if (!File.Exists(Path.Combine(report.Output, files[i]))) continue;
            AlterInPlace(Path.Combine(report.Output, files[i]));

            var result = report.Build();
            Assert.True(result.Written);
            Assert.True(result.Stats.FilesUnchanged > 0, "nothing was reused: the test would prove nothing");
            Assert.Equal(expected, Trees.Snapshot(report.Output));
        }
    }

    [Fact]
    public void A_file_replaced_by_a_link_to_the_same_bytes_is_rebuilt_as_a_plain_file()
    {
        using var report = Report();
        Assert.True(report.Build().Written);
        var expected = Fresh(report);
        var page = Path.Combine(report.Output, "sections", "a.html");
        File.Copy(page, Path.Combine(report.Root, "copy.html"));
        File.Delete(page);
        File.CreateSymbolicLink(page, Path.Combine(report.Root, "copy.html"));

        Assert.False(report.Build().UpToDate);
        Assert.Equal(expected, Trees.Snapshot(report.Output));
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData("{\"Fingerprint\":\"x\",\"Files\":null,\"Diagnostics\":[]}")]
    [InlineData("{\"Fingerprint\":\"x\",\"Files\":{\"index.html\":null},\"Diagnostics\":[]}")]
    [InlineData("{\"Fingerprint\":\"x\",\"Files\":{\"index.html\":{}},\"Diagnostics\":[null]}")]
    public void A_damaged_build_record_only_costs_a_full_build(string json)
    {
        using var report = Report();
        Assert.True(report.Build().Written);
        var expected = Fresh(report);
        File.WriteAllText(Path.Combine(report.Root, ".reportsite-cache", "_site.json"), json);

        var result = report.Build();

        Assert.True(result.Written);
        Assert.False(result.UpToDate);
        Assert.Equal(0, result.Stats.FilesUnchanged);
        Assert.Equal(expected, Trees.Snapshot(report.Output));
    }
}
