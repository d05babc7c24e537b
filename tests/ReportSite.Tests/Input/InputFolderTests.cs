using ReportSite.Build;
using ReportSite.Diagnostics;
using ReportSite.Engine;
using ReportSite.Output;
using ReportSite.Pipelines;
using ReportSite.Tests.Support;

namespace ReportSite.Tests.Input;

/// <summary>
/// Nothing outside the input (or theme) folder is read, and no file-system oddity — a link leading out, a dangling
/// link or a loop, a FIFO, a device, a name with control characters — hangs or crashes the build: each is a located
/// error, through check and build, and nothing of the outside file reaches the site.
/// </summary>
public sealed class InputFolderTests
{
    private const string Record = "id: a\ntype: report\ntitle: A\n";
    private const string Secret = "TOP-SECRET-7f3a";

    /// <summary>A valid report, and beside its input an "outside/" folder whose files would be published if read.</summary>
    private static TempReport Report()
    {
        var report = new TempReport().Write("sources/a.yml", Record).Write("sections/01-a.md", "---\ntitle: A\n---\nA claim [@a].\n");
        var outside = Path.Combine(report.Root, "outside");
        Directory.CreateDirectory(Path.Combine(outside, "sections"));
        Directory.CreateDirectory(Path.Combine(outside, "sources"));
        File.WriteAllText(Path.Combine(outside, "secret.md"), $"---\ntitle: {Secret}\n---\n{Secret} [@a].\n");
        File.WriteAllText(Path.Combine(outside, "secret.yml"), $"id: secret\ntype: report\ntitle: {Secret}\n");
        File.WriteAllText(Path.Combine(outside, "site.yml"), $"title: {Secret}\nlanguage: en\n");
        File.WriteAllText(Path.Combine(outside, "sections", "01-s.md"), $"---\ntitle: {Secret}\n---\n{Secret} [@a].\n");
        File.WriteAllText(Path.Combine(outside, "sources", "a.yml"), $"id: a\ntype: report\ntitle: {Secret}\n");
        return report;
    }

    private static void Replace(TempReport report, string relative)
    {
        var path = Path.Combine(report.Input, relative);
        if (Directory.Exists(path) && new DirectoryInfo(path).LinkTarget is null) Directory.Delete(path, recursive: true);
        else if (File.Exists(path)) File.Delete(path);
    }

    /// <summary>The build failed with exactly one <paramref name="code"/> at the whole file, and left no site or staging folder.</summary>
    private static void Refused(TempReport report, BuildResult result, string code, string file)
    {
        result.Single(code, file, 0, 0);
        Assert.False(result.Succeeded);
        Assert.False(result.Written);
        Assert.Empty(Directory.GetFileSystemEntries(report.Root, "_site*"));
        Assert.DoesNotContain(result.Diagnostics, d => d.Message.Contains(Secret) || d.ToString().Contains('\n'));
    }

    private static void CheckAndBuildRefuse(TempReport report, string code, string file)
    {
        Refused(report, Oddities.Finishes(report.Check), code, file);
        Refused(report, Oddities.Finishes(report.Build), code, file);
    }

    // ───────────── links leading outside the input ─────────────

    [Theory]
    [InlineData("sections/02-b.md", "outside/secret.md", false)]
    [InlineData("sections/02-b.md", "outside/secret.md", true)]
    [InlineData("sources/b.yml", "outside/secret.yml", true)]
    [InlineData("site.yml", "outside/site.yml", false)]
    [InlineData("sections", "outside/sections", true)]
    [InlineData("sources", "outside/sources", false)]
    [InlineData("sources/more", "outside/sources", true)]
    [InlineData("documents/letter.pdf", "outside/secret.md", true)] // not cited: still never read
    [InlineData("documents/folder", "outside", false)]
    public void A_link_to_a_file_or_folder_outside_the_input_is_a_located_error(string link, string target, bool relative)
    {
        using var report = Report();
        Replace(report, link);
        var linkPath = Path.Combine(report.Input, link);
        var targetPath = Path.Combine(report.Root, target);
        Oddities.Link(linkPath, relative ? Path.GetRelativePath(Path.GetDirectoryName(linkPath)!, targetPath) : targetPath);

        CheckAndBuildRefuse(report, DiagnosticCodes.LinkOutsideFolder, "input/" + link);
        var error = Oddities.Finishes(report.Check).Diagnostics.Single(d => d.Code == DiagnosticCodes.LinkOutsideFolder);
        Assert.Contains("is a link to", error.Message);
        Assert.Contains("outside the folder", error.Message);
    }

    [Fact]
    public void A_chain_of_links_that_ends_outside_is_refused_at_every_link()
    {
        using var report = Report();
        Oddities.Link(Path.Combine(report.Input, "drafts", "b.md"), Path.Combine(report.Root, "outside", "secret.md"));
        Oddities.Link(Path.Combine(report.Input, "sections", "02-b.md"), "../drafts/b.md");

        var result = Oddities.Finishes(report.Build);
        Assert.Equal(["input/drafts/b.md", "input/sections/02-b.md"],
            result.Diagnostics.Where(d => d.Code == DiagnosticCodes.LinkOutsideFolder).Select(d => d.File));
        Assert.False(result.Written);
        Assert.Empty(Directory.GetFileSystemEntries(report.Root, "_site*"));
    }

    [Fact]
    public void A_link_whose_dot_dot_follows_a_link_out_is_resolved_as_the_kernel_does()
    {
        // "away/../b.md" reads as "input/b.md", but "away" leads outside: the kernel opens outside/b.md.
        using var report = Report();
        Directory.CreateDirectory(Path.Combine(report.Root, "outside", "deep"));
        File.WriteAllText(Path.Combine(report.Root, "outside", "b.md"), $"---\ntitle: {Secret}\n---\n{Secret} [@a].\n");
        report.Write("b.md", "---\ntitle: B\n---\nB [@a].\n");
        Oddities.Link(Path.Combine(report.Input, "away"), Path.Combine(report.Root, "outside", "deep"));
        Oddities.Link(Path.Combine(report.Input, "sections", "02-b.md"), "../away/../b.md");

        var result = Oddities.Finishes(report.Build);
        Assert.Equal(["input/away", "input/sections/02-b.md"],
            result.Diagnostics.Where(d => d.Code == DiagnosticCodes.LinkOutsideFolder).Select(d => d.File));
        Assert.Contains(result.Diagnostics, d => d.File == "input/sections/02-b.md" && d.Message.Contains("outside/b.md"));
        Assert.False(result.Written);
    }

    [Fact]
    public void A_cited_document_reached_through_a_folder_link_outside_is_refused_at_the_record_too()
    {
        using var report = Report();
        File.WriteAllText(Path.Combine(report.Root, "outside", "a.pdf"), Secret);
        Oddities.Link(Path.Combine(report.Input, "documents"), Path.Combine(report.Root, "outside"));
        report.Write("sources/a.yml", Record + "file: documents/a.pdf\n");

        var result = Oddities.Finishes(report.Build);
        Refused(report, result, DiagnosticCodes.LinkOutsideFolder, "input/documents");
        result.Single(DiagnosticCodes.FileOutsideInput, "input/sources/a.yml", 4, 7);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCodes.FileNotFound);
    }

    [Fact]
    public void Links_that_stay_inside_the_input_are_followed()
    {
        using var report = Report();
        report.Write("drafts/b.md", "---\ntitle: B\n---\nInside claim [@b].\n")
            .Write("extra/b.yml", "id: b\ntype: report\ntitle: B\nfile: documents/link.txt\n")
            .Write("documents/real.txt", "the letter");
        Oddities.Link(Path.Combine(report.Input, "sections", "02-b.md"), "../drafts/b.md");
        Oddities.Link(Path.Combine(report.Input, "sources", "more"), Path.Combine(report.Input, "extra"));
        Oddities.Link(Path.Combine(report.Input, "documents", "link.txt"), "real.txt");

        var result = Oddities.Finishes(report.Build);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Contains("Inside claim", report.ReadOutput("sections/b.html"));
        Assert.Equal("the letter", report.ReadOutput("documents/link.txt"));
        Assert.Equal(2, result.Stats.Sources);
    }

    [Fact]
    public void A_theme_asset_linking_outside_the_theme_is_refused()
    {
        using var report = Report();
        var theme = CopyTheme(report);
        Oddities.Link(Path.Combine(theme, "assets", "extra.css"), Path.Combine(report.Root, "outside", "secret.md"));

        var result = Oddities.Finishes(() => ReportBuilder.Run(new BuildOptions(report.Input, report.Output, theme, report.Root)));
        Refused(report, result, DiagnosticCodes.LinkOutsideFolder, "theme/assets/extra.css");
    }

    // ───────────── dangling links and loops ─────────────

    [Theory]
    [InlineData("documents/gone.pdf", "missing.pdf", "to nothing")]
    [InlineData("sections/02-gone.md", "/no/such/file.md", "to nothing")]
    [InlineData("sections/02-self.md", "02-self.md", "back to itself")]
    [InlineData("sources/up", "..", "a folder it is itself in")]
    [InlineData("sources/here", ".", "a folder it is itself in")]
    [InlineData("documents/deep/root", "../..", "a folder it is itself in")]
    public void A_dangling_link_or_a_link_loop_is_a_located_error(string link, string target, string reason)
    {
        using var report = Report();
        Oddities.Link(Path.Combine(report.Input, link), target);

        CheckAndBuildRefuse(report, DiagnosticCodes.BrokenLink, "input/" + link);
        Assert.Contains(reason, Oddities.Finishes(report.Check).Diagnostics.Single(d => d.Code == DiagnosticCodes.BrokenLink).Message);
    }

    [Fact]
    public void Folder_links_do_not_nest_so_links_to_links_cannot_multiply_the_listing()
    {
        // Each level links twice to the next: followed, 30 levels would list 2^30 copies of the last folder.
        using var report = Report();
        for (var level = 0; level < 30; level++)
        {
            var folder = Path.Combine(report.Input, "maze", $"d{level}");
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "f.txt"), "x");
            Oddities.Link(Path.Combine(folder, "a"), $"../d{level + 1}");
            Oddities.Link(Path.Combine(folder, "b"), $"../d{level + 1}");
        }
        Directory.CreateDirectory(Path.Combine(report.Input, "maze", "d30"));

        var result = Oddities.Finishes(report.Check);
        var nested = result.Diagnostics.Where(d => d.Code == DiagnosticCodes.BrokenLink).ToList();
        Assert.Contains(nested, d => d.File == "input/maze/d0/a/a" && d.Message.Contains("links to folders do not nest"));
        Assert.DoesNotContain(nested, d => d.File.Split('/').Length > 5); // never deeper than one link
    }

    [Fact]
    public void Two_links_to_each_other_are_each_reported()
    {
        using var report = Report();
        Oddities.Link(Path.Combine(report.Input, "sections", "02-x.md"), "03-y.md");
        Oddities.Link(Path.Combine(report.Input, "sections", "03-y.md"), "02-x.md");

        var result = Oddities.Finishes(report.Check);
        Assert.Equal(["input/sections/02-x.md", "input/sections/03-y.md"],
            result.Diagnostics.Where(d => d.Code == DiagnosticCodes.BrokenLink).Select(d => d.File));
    }

    // ───────────── FIFOs, devices ─────────────

    [Theory]
    [InlineData("documents/pipe.pdf")] // not cited
    [InlineData("sections/02-pipe.md")]
    [InlineData("sources/pipe.yml")]
    [InlineData("sources/deeper/pipe.yaml")]
    [InlineData("site.yml")]
    [InlineData(".hidden-pipe")]
    public void A_fifo_anywhere_in_the_input_is_a_located_error_and_never_opened(string fifo)
    {
        using var report = Report();
        Replace(report, fifo);
        Oddities.Fifo(Path.Combine(report.Input, fifo));

        CheckAndBuildRefuse(report, DiagnosticCodes.NotARegularFile, "input/" + fifo);
    }

    [Fact]
    public void A_cited_fifo_is_reported_at_the_fifo_not_as_a_missing_file()
    {
        using var report = Report();
        report.Write("sources/a.yml", Record + "file: documents/pipe.pdf\n");
        Oddities.Fifo(Path.Combine(report.Input, "documents", "pipe.pdf"));

        var result = Oddities.Finishes(report.Build);
        Refused(report, result, DiagnosticCodes.NotARegularFile, "input/documents/pipe.pdf");
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCodes.FileNotFound);
    }

    [Theory]
    [InlineData("assets/pipe.css")]
    [InlineData("notes")]
    public void A_fifo_in_the_theme_is_a_located_error(string fifo)
    {
        using var report = Report();
        var theme = CopyTheme(report);
        Oddities.Fifo(Path.Combine(theme, fifo));

        var result = Oddities.Finishes(() => ReportBuilder.Run(new BuildOptions(report.Input, report.Output, theme, report.Root)));
        Refused(report, result, DiagnosticCodes.NotARegularFile, "theme/" + fifo);
    }

    [Theory]
    [InlineData("documents/zero.pdf")]
    [InlineData("sections/02-zero.md")]
    public void A_link_to_dev_zero_is_refused_as_outside(string link)
    {
        using var report = Report();
        report.Write("sources/a.yml", Record + "file: documents/zero.pdf\n");
        Oddities.Link(Path.Combine(report.Input, link), "/dev/zero");

        CheckAndBuildRefuse(report, DiagnosticCodes.LinkOutsideFolder, "input/" + link);
    }

    [Fact]
    public void A_device_node_in_the_input_is_a_located_error()
    {
        using var report = Report();
        var device = Path.Combine(report.Input, "documents", "zero");
        Directory.CreateDirectory(Path.GetDirectoryName(device)!);
        var (exit, _, stderr) = Processes.Run("mknod", null, [device, "c", "1", "5"]);
        if (exit != 0)
        {
            Console.WriteLine($"skipped: this machine cannot make a device node (mknod: {stderr.Trim()})");
            return;
        }
        CheckAndBuildRefuse(report, DiagnosticCodes.NotARegularFile, "input/documents/zero");
    }

    [Fact]
    public void A_fifo_added_after_a_good_build_fails_the_next_build_instead_of_being_up_to_date()
    {
        using var report = Report();
        Assert.True(report.Build().Succeeded);
        var before = report.ReadOutput("index.html");
        Oddities.Fifo(Path.Combine(report.Input, "documents", "pipe"));

        var result = Oddities.Finishes(report.Build);
        result.Single(DiagnosticCodes.NotARegularFile, "input/documents/pipe", 0, 0);
        Assert.False(result.UpToDate);
        Assert.False(result.Written);
        Assert.Equal(before, report.ReadOutput("index.html")); // the previous site stays
    }

    [Fact]
    public void The_cli_exits_1_with_a_located_line_for_a_fifo_and_a_link_outside()
    {
        using var report = Report();
        Oddities.Fifo(Path.Combine(report.Input, "sections", "02-pipe.md"));
        Oddities.Link(Path.Combine(report.Input, "sources", "b.yml"), "../../outside/secret.yml");

        foreach (var command in new[] { "check", "build" })
        {
            var (exit, stdout, stderr) = Oddities.Finishes(
                () => Processes.Run("dotnet", report.Root, [Path.Combine(AppContext.BaseDirectory, "reportsite.dll"), command]), seconds: 120);
            Assert.Equal(1, exit);
            Assert.Contains("input/sections/02-pipe.md: error RS0012: ", stderr);
            Assert.Contains("input/sources/b.yml: error RS0010: ", stderr);
            Assert.DoesNotContain(Secret, stdout + stderr);
        }
        Assert.Empty(Directory.GetFileSystemEntries(report.Root, "_site*"));
    }

    // ───────────── names with control characters ─────────────

    [Theory]
    [InlineData("sections/02-a\nb.md", "input/sections/02-a\nb.md", "input/sections/02-a<U+000A>b.md")]
    [InlineData("sources/x\u001b[31m.yml", "input/sources/x\u001b[31m.yml", "input/sources/x<U+001B>[31m.yml")]
    [InlineData("documents/bad\tfolder/a.pdf", "input/documents/bad\tfolder", "input/documents/bad<U+0009>folder")]
    [InlineData("sections/02-\r.md", "input/sections/02-\r.md", "input/sections/02-<U+000D>.md")]
    public void A_name_with_a_control_character_is_refused_with_the_character_shown(string file, string refused, string shown)
    {
        using var report = Report();
        report.Write(file, "---\ntitle: B\n---\nB [@a].\n");

        CheckAndBuildRefuse(report, DiagnosticCodes.ControlCharacterInName, refused);
        var line = Oddities.Finishes(report.Check).Diagnostics.Single(d => d.Code == DiagnosticCodes.ControlCharacterInName).ToString();
        Assert.StartsWith(shown + ": error RS0013: ", line);
        Assert.DoesNotContain(line, c => char.IsControl(c));
    }

    // ───────────── a document swapped between verification and copy ─────────────

    public static TheoryData<string> Swaps => ["rewritten", "link", "fifo"];

    [Theory]
    [MemberData(nameof(Swaps))]
    public void A_document_swapped_after_verification_fails_the_copy_and_is_not_published(string swap)
    {
        using var report = Report();
        report.Write("sources/a.yml", Record + "file: documents/a.txt\n").Write("documents/a.txt", "verified content");
        var secret = Path.Combine(report.Root, "outside", "a.txt");
        File.WriteAllText(secret, "verified content"); // the same bytes: only what it is differs

        var (error, staging) = BuildSwapping(report, "documents/a.txt", path =>
        {
            if (swap == "rewritten") { File.WriteAllText(path, Secret); return; }
            File.Delete(path);
            if (swap == "link") File.CreateSymbolicLink(path, secret);
            else Oddities.Fifo(path);
        });

        Assert.Equal((DiagnosticCodes.InputFileUnreadable, "input/documents/a.txt", 0), (error.Code, error.File, error.Line));
        Assert.Contains("changed while the build was reading it", error.Message);
        Assert.False(File.Exists(Path.Combine(staging, "documents", "a.txt")));
    }

    /// <summary>
    /// Runs the real pipelines into a staging folder, with a module that calls <paramref name="swap"/> on
    /// <paramref name="document"/> after its record was verified and before the Output phase copies it; returns the
    /// located error the Output phase throws (as <see cref="ReportBuilder"/> receives it).
    /// </summary>
    public static (Diagnostic Error, string Staging) BuildSwapping(TempReport report, string document, Action<string> swap)
    {
        var diagnostics = new DiagnosticBag();
        var staging = Path.Combine(report.Root, "staging");
        Directory.CreateDirectory(staging);
        var pipelines = ReportBuilder.Pipelines();
        pipelines.Single(p => p.Name == PipelineNames.Sources).PostProcess.Add(new FuncModule((documents, _) =>
        {
            swap(Path.Combine(report.Input, document));
            return documents;
        }));
        var context = new PipelineContext(new BuildSettings(report.Input, Repo.Theme, report.Root), diagnostics, new OutputWriter(staging, null, null));

        var thrown = Assert.ThrowsAny<Exception>(() => new PipelineEngine(pipelines).Run(context, writeOutput: true));
        Assert.False(diagnostics.HasErrors, string.Join("\n", diagnostics.Sorted())); // verified fine before the swap
        var located = thrown is AggregateException all ? all.Flatten().InnerExceptions.OfType<DiagnosticException>().Single() : (DiagnosticException)thrown;
        return (located.Diagnostic, staging);
    }

    private static string CopyTheme(TempReport report) => Themes.CopyDefault(Path.Combine(report.Root, "theme"));
}
