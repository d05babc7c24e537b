using ReportSite.Tests.Support;

namespace ReportSite.Tests.Cli;

/// <summary>The `reportsite` command as authors and CI run it: exit codes and the compiler-style diagnostic lines.</summary>
public sealed class CliTests
{
    /// <summary>The smallest valid report: one section whose one claim cites the one record 'a'.</summary>
    private static TempReport OneClaim() => new TempReport()
        .Write("sources/a.yml", "id: a\ntype: report\ntitle: A\n")
        .Write("sections/01-one.md", "---\ntitle: One\n---\nA claim [@a].\n");

    private static (int ExitCode, string Stdout, string Stderr) Run(string workingDirectory, params string[] args) =>
        Processes.Run("dotnet", workingDirectory, [Path.Combine(AppContext.BaseDirectory, "reportsite.dll"), .. args]);

    [Fact]
    public void Build_with_defaults_writes_site_and_exits_0()
    {
        using var report = OneClaim();
        var (exit, stdout, _) = Run(report.Root, "build");
        Assert.Equal(0, exit);
        Assert.Contains("1 sections, 1 sources, 1 claims, 1 citations, 0 warning(s)", stdout);
        Assert.True(File.Exists(Path.Combine(report.Root, "_site", "sections", "one.html")));
    }

    [Fact]
    public void Content_errors_exit_1_with_one_compiler_style_line_each()
    {
        using var report = new TempReport()
            .Write("sources/a.yml", "id: a\ntype: report\ntitle: A\n")
            .Write("sections/01-one.md", "---\ntitle: One\n---\nA claim [@b]. Another [@c].\n");
        var (exit, _, stderr) = Run(report.Root, "build", "input", "--output", "out");
        Assert.Equal(1, exit);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.Contains(" RS")).ToList();
        Assert.Equal(
            [
                "input/sections/01-one.md(4,10): error RS0101: unknown source key 'b'; did you mean 'a'?",
                "input/sections/01-one.md(4,24): error RS0101: unknown source key 'c'; did you mean 'a'?",
            ], lines);
        Assert.False(Directory.Exists(Path.Combine(report.Root, "out")));
    }

    [Fact]
    public void Usage_errors_exit_2()
    {
        using var report = new TempReport();
        Assert.Equal(2, Run(report.Root, "build", "--no-such-option").ExitCode);
        Assert.Equal(2, Run(report.Root, "frobnicate").ExitCode);
    }

    [Fact]
    public void Check_reports_like_build_and_writes_nothing()
    {
        using var report = OneClaim();
        var (exit, stdout, _) = Run(report.Root, "check");
        Assert.Equal(0, exit);
        Assert.Contains("Checked", stdout);
        Assert.False(Directory.Exists(Path.Combine(report.Root, "_site")));
    }

    [Fact]
    public void Check_can_print_diagnostics_as_a_json_array()
    {
        using var report = new TempReport()
            .Write("sources/a.yml", "id: a\ntype: report\ntitle: A\nfoo: 1\n")
            .Write("sections/01-one.md", "---\ntitle: One\n---\nA claim [@b].\n");
        var (exit, stdout, _) = Run(report.Root, "check", "--format", "json");
        Assert.Equal(1, exit);
        using var json = System.Text.Json.JsonDocument.Parse(stdout);
        var items = json.RootElement.EnumerateArray().Select(e => (
            e.GetProperty("file").GetString(), e.GetProperty("line").GetInt32(), e.GetProperty("column").GetInt32(),
            e.GetProperty("severity").GetString(), e.GetProperty("code").GetString())).ToList();
        Assert.Equal(
            [
                ("input/sections/01-one.md", 4, 10, "error", "RS0101"),
                ("input/sources/a.yml", 1, 5, "warning", "RS0214"),
                ("input/sources/a.yml", 4, 1, "warning", "RS0213"),
            ], items);
        Assert.All(json.RootElement.EnumerateArray(), e => Assert.False(string.IsNullOrEmpty(e.GetProperty("message").GetString())));
    }

    [Fact]
    public void Strict_turns_warnings_into_errors()
    {
        using var report = new TempReport()
            .Write("sources/a.yml", "- id: a\n  type: report\n  title: A\n- id: unused\n  type: report\n  title: U\n")
            .Write("sections/01-one.md", "---\ntitle: One\n---\nA claim [@a].\n");
        Assert.Equal(0, Run(report.Root, "check").ExitCode);
        var (exit, _, stderr) = Run(report.Root, "build", "--strict");
        Assert.Equal(1, exit);
        Assert.Contains("input/sources/a.yml(4,7): error RS0214: source 'unused' is not cited by any claim", stderr);
        Assert.False(Directory.Exists(Path.Combine(report.Root, "_site")));
    }

    [Fact]
    public void An_output_path_that_is_a_file_is_a_usage_error_and_the_file_is_kept()
    {
        using var report = OneClaim();
        File.WriteAllText(Path.Combine(report.Root, "notes.txt"), "mine");
        var (exit, _, stderr) = Run(report.Root, "build", "--output", "notes.txt");
        Assert.Equal(2, exit);
        Assert.Contains("--output 'notes.txt' is a file", stderr);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(report.Root, "notes.txt")));
    }

    [Fact]
    public void An_output_folder_that_is_not_a_site_exits_1_naming_it_and_is_kept()
    {
        using var report = OneClaim();
        Directory.CreateDirectory(Path.Combine(report.Root, "Documents"));
        File.WriteAllText(Path.Combine(report.Root, "Documents", "thesis.docx"), "mine");
        var before = Trees.Snapshot(report.Root);
        var (exit, _, stderr) = Run(report.Root, "build", "--output", "Documents");
        Assert.Equal(1, exit);
        Assert.Contains("Documents: error RS0007: the output folder is not empty and is not a site written by reportsite", stderr);
        Assert.Equal(before, Trees.Snapshot(report.Root));
    }

    [Fact]
    public void Verify_exits_0_on_a_fresh_build_and_1_naming_the_file_after_one_byte_changed()
    {
        using var report = OneClaim();
        Assert.Equal(0, Run(report.Root, "build").ExitCode);
        var (exit, stdout, _) = Run(report.Root, "verify", "_site");
        Assert.Equal(0, exit);
        Assert.Contains("Verified _site:", stdout);

        var page = Path.Combine(report.Output, "sections", "one.html");
        var bytes = File.ReadAllBytes(page);
        bytes[100] ^= 1;
        File.WriteAllBytes(page, bytes);
        (exit, stdout, _) = Run(report.Root, "verify", "_site");
        Assert.Equal(1, exit);
        Assert.Contains("sections/one.html: changed: SHA-256 is ", stdout);
        Assert.Contains("Not verified: _site: 1 file(s) differ", stdout);
        Assert.Equal(2, Run(report.Root, "verify").ExitCode); // SITE is required
    }

    [Fact]
    public void Verify_prints_hostile_names_from_a_mirror_visibly_never_raw()
    {
        using var report = OneClaim();
        Assert.Equal(0, Run(report.Root, "build").ExitCode);
        File.WriteAllText(Path.Combine(report.Output, "evil\u001b[2J\u202e.html"), "x");
        var (exit, stdout, _) = Run(report.Root, "verify", "_site");
        Assert.Equal(1, exit);
        Assert.Contains("evil<U+001B>[2J<U+202E>.html: added", stdout);
        Assert.DoesNotContain("\u001b[2J", stdout, StringComparison.Ordinal); // a culture comparison ignores control characters
        Assert.DoesNotContain("\u202e", stdout, StringComparison.Ordinal);
    }
}
