using ReportSite.Build;
using ReportSite.Diagnostics;
using ReportSite.Output;
using ReportSite.Tests.Support;

namespace ReportSite.Tests.Output;

/// <summary>
/// Which folders a build may replace: only an absent or empty folder, or a site ReportSite wrote. Anything else is
/// refused, naming the folder, and nothing anywhere is touched.
/// </summary>
public sealed class OutputFolderTests
{
    internal static TempReport Report() => new TempReport()
        .Write("sources/a.yml", "id: a\ntype: report\ntitle: A\n")
        .Write("sections/01-a.md", "---\ntitle: A\n---\nA claim [@a].\n");

    private static BuildResult BuildInto(TempReport report, string output, string? theme = null) =>
        ReportBuilder.Run(new BuildOptions("input", output, theme ?? Repo.Theme, report.Root));

    /// <summary>Folders that are not a site ReportSite wrote, each made by the test under "out".</summary>
    public static TheoryData<string> NotSites => ["a file", "a hidden file", "an empty subfolder", "a foreign .reportsite file",
        "a .reportsite folder", "a .reportsite link to a real marker", "a site's files but no marker"];

    private static void Make(string kind, string folder, TempReport report)
    {
        Directory.CreateDirectory(folder);
        switch (kind)
        {
            case "a file": File.WriteAllText(Path.Combine(folder, "thesis.docx"), "years of work"); break;
            case "a hidden file": File.WriteAllText(Path.Combine(folder, ".bashrc"), "alias ll='ls -l'"); break;
            case "an empty subfolder": Directory.CreateDirectory(Path.Combine(folder, "Photos")); break;
            case "a foreign .reportsite file": File.WriteAllText(Path.Combine(folder, ".reportsite"), "theme: dark\n"); break;
            case "a .reportsite folder": Directory.CreateDirectory(Path.Combine(folder, ".reportsite")); break;
            case "a .reportsite link to a real marker":
                Assert.True(BuildInto(report, "real").Written);
                File.CreateSymbolicLink(Path.Combine(folder, ".reportsite"), Path.Combine(report.Root, "real", ".reportsite"));
                break;
            case "a site's files but no marker":
                Assert.True(BuildInto(report, "real").Written);
                File.Copy(Path.Combine(report.Root, "real", "index.html"), Path.Combine(folder, "index.html"));
                break;
        }
    }

    [Theory]
    [MemberData(nameof(NotSites))]
    public void A_folder_that_is_not_a_site_is_refused_and_nothing_is_touched(string kind)
    {
        using var report = Report();
        Make(kind, Path.Combine(report.Root, "out"), report);
        var before = Trees.Snapshot(report.Root);

        var result = BuildInto(report, "out");

        var error = result.Single(DiagnosticCodes.OutputNotASite, "out", 0, 0);
        Assert.Contains("not a site written by reportsite", error.Message);
        Assert.False(result.Written);
        Assert.Equal(before, Trees.Snapshot(report.Root));
    }

    [Fact]
    public void An_output_path_that_is_a_file_is_refused_and_the_file_is_kept()
    {
        using var report = Report();
        File.WriteAllText(Path.Combine(report.Root, "notes.txt"), "mine");
        var before = Trees.Snapshot(report.Root);

        var error = BuildInto(report, "notes.txt").Single(DiagnosticCodes.OutputNotASite, "notes.txt", 0, 0);

        Assert.Contains("is a file", error.Message);
        Assert.Equal(before, Trees.Snapshot(report.Root));
    }

    [Theory]
    [InlineData("theme", "must not be the theme folder")]
    [InlineData("theme/layouts", "must not be the theme folder or inside it")]
    [InlineData("themes", "must not contain the theme folder")]
    [InlineData(".", "must not contain")]
    public void The_theme_folder_or_a_folder_around_it_is_refused(string output, string message)
    {
        using var report = Report();
        CopyTree(Repo.Theme, Path.Combine(report.Root, "themes", "theme"));
        // The theme being read is themes/theme, and "theme" a link to it: the check sees through links.
        Directory.CreateSymbolicLink(Path.Combine(report.Root, "theme"), Path.Combine(report.Root, "themes", "theme"));
        var before = Trees.Snapshot(report.Root);

        var result = BuildInto(report, output, theme: Path.Combine(report.Root, "themes", "theme"));

        Assert.Contains(message, result.Single(DiagnosticCodes.OutputInsideInput, output, 0, 0).Message);
        Assert.Equal(before, Trees.Snapshot(report.Root));
    }

    [Fact]
    public void An_absent_or_empty_folder_is_built_into_and_marked()
    {
        using var report = Report();
        Directory.CreateDirectory(Path.Combine(report.Root, "empty"));
        foreach (var output in new[] { "absent/deeper", "empty" })
        {
            Assert.True(BuildInto(report, output).Written);
            Assert.True(OutputFolder.IsMarked(Path.Combine(report.Root, output)));
        }
    }

    [Fact]
    public void A_site_stays_replaceable_when_its_cache_is_deleted_and_the_marker_does_not_break_up_to_date()
    {
        using var report = Report();
        Assert.True(report.Build().Written);
        Assert.True(report.Build().UpToDate);

        Directory.Delete(Path.Combine(report.Root, ".reportsite-cache"), recursive: true);
        var rebuilt = report.Build();
        Assert.True(rebuilt.Written);
        Assert.False(rebuilt.UpToDate);
        Assert.True(report.Build().UpToDate);
    }

    [Fact]
    public void A_site_built_before_the_marker_existed_is_recognised_by_its_record_and_gets_the_marker()
    {
        using var report = Report();
        Assert.True(report.Build().Written);
        File.Delete(Path.Combine(report.Output, OutputFolder.MarkerName));
        report.Write("sections/01-a.md", "---\ntitle: A\n---\nAnother claim [@a].\n");

        Assert.True(report.Build().Written);
        Assert.Contains("Another claim", report.ReadOutput("sections/a.html"));
        Assert.True(OutputFolder.IsMarked(report.Output));
    }

    [Fact]
    public void An_output_that_is_a_link_to_a_site_is_built_where_it_points_and_stays_a_link()
    {
        using var report = Report();
        Assert.True(BuildInto(report, "www/report").Written);
        Directory.CreateSymbolicLink(Path.Combine(report.Root, "_site"), Path.Combine(report.Root, "www", "report"));
        report.Write("sections/01-a.md", "---\ntitle: A\n---\nAnother claim [@a].\n");

        Assert.True(report.Build().Written);

        Assert.NotNull(new DirectoryInfo(report.Output).LinkTarget);
        Assert.Contains("Another claim", File.ReadAllText(Path.Combine(report.Root, "www", "report", "sections", "a.html")));
        Assert.Equal([".reportsite-cache", "report"], Trees.Names(Path.Combine(report.Root, "www")));
    }

    internal static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
