using ReportSite.Build;
using ReportSite.Diagnostics;
using ReportSite.Tests.Support;

namespace ReportSite.Tests.Engine;

/// <summary>
/// Every destination is checked against the file system's limits and against every other destination before
/// anything is written: a name over 255 bytes (RS0017), or two documents on one file — also ignoring case, and
/// whatever the spelling (RS0018) — is an error at the input that chose it, never an IOException.
/// </summary>
public sealed class OutputPathTests
{
    private const string Section = "---\ntitle: A\n---\nA claim [@a].\n";

    private static TempReport Report() =>
        new TempReport().Write("sources/a.yml", "id: a\ntype: report\ntitle: A\n").Write("sections/01-a.md", Section);

    private static void ExpectNothingWritten(TempReport report, BuildResult result)
    {
        Assert.False(result.Succeeded);
        Assert.False(result.Written);
        Assert.False(Directory.Exists(report.Output));
    }

    // ".html" takes 5 bytes of the 255.
    public static TheoryData<string, bool> Names => new()
    {
        { new string('a', 250), true },
        { new string('a', 251), false },
        { new string('ب', 125), true }, // 250 bytes
        { new string('ب', 125) + "c", false }, // 251
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void A_source_id_must_fit_in_a_file_name(string id, bool fits)
    {
        using var report = Report()
            .Write("sources/b.yml", $"id: {id}\ntype: report\ntitle: B\n")
            .Write("sections/02-b.md", $"---\ntitle: B\n---\nB [@{id}].\n");
        var result = report.Build();
        if (fits)
        {
            Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
            Assert.True(File.Exists(Path.Combine(report.Output, "sources", id + ".html")));
            return;
        }
        var error = result.Single(DiagnosticCodes.OutputNameTooLong, "input/sources/b.yml", 1, 5);
        Assert.Contains("256 bytes", error.Message);
        ExpectNothingWritten(report, result);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void A_section_slug_must_fit_in_a_file_name(string slug, bool fits)
    {
        using var report = Report().Write("sections/02-b.md", $"---\ntitle: B\nslug: {slug}\n---\nB [@a].\n");
        var result = report.Build();
        if (fits)
        {
            Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
            return;
        }
        result.Single(DiagnosticCodes.OutputNameTooLong, "input/sections/02-b.md", 3, 7);
        ExpectNothingWritten(report, result);
    }

    [Theory]
    [InlineData("index")] // sources/index.html, the sources index
    [InlineData("Index")] // the same file on a case-insensitive file system
    [InlineData("INDEX")]
    public void A_source_id_may_not_take_the_sources_index(string id)
    {
        using var report = Report().Write("sources/b.yml", $"id: {id}\ntype: report\ntitle: B\n")
            .Write("sections/02-b.md", $"---\ntitle: B\n---\nB [@{id}].\n");
        var result = report.Build();
        var error = result.Single(DiagnosticCodes.OutputCollision, "input/sources/b.yml", 1, 5);
        Assert.Contains("a page the build generates", error.Message);
        ExpectNothingWritten(report, result);
    }

    [Fact]
    public void Two_source_ids_that_differ_only_in_case_are_one_duplicate()
    {
        using var report = Report().Write("sources/b.yml", "id: A\ntype: report\ntitle: B\n")
            .Write("sections/02-b.md", "---\ntitle: B\n---\nB [@A].\n");
        var result = report.Build();
        // Already a duplicate id (ids are compared ignoring case), reported once, not again as a collision.
        result.Single(DiagnosticCodes.DuplicateSourceId, "input/sources/b.yml", 1, 5);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCodes.OutputCollision);
        ExpectNothingWritten(report, result);
    }

    [Theory]
    [InlineData("index.html")]
    [InlineData("claims.json")]
    [InlineData("sources.json")]
    [InlineData("sources.csl.json")]
    [InlineData("Sources.BIB")]
    [InlineData("sources/index.html")]
    [InlineData("sources/a.html")] // the page of source 'a'
    [InlineData("Sources/A.HTML")]
    [InlineData("./sources//a.html")]
    [InlineData("documents/../sources/a.html")]
    [InlineData("sections/a.html")] // the page of section 'a'
    [InlineData("assets/style.css")] // the theme's stylesheet
    public void A_file_may_not_land_on_a_page_the_build_writes(string file)
    {
        using var report = Report();
        var real = Path.Combine(report.Input, file);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(real))!);
        File.WriteAllText(real, "not a page");
        report.Write("sources/b.yml", $"id: b\ntype: document\ntitle: B\nfile: {file}\n")
            .Write("sections/02-b.md", "---\ntitle: B\n---\nB [@b].\n");
        var result = report.Build();
        result.Single(DiagnosticCodes.OutputCollision, "input/sources/b.yml", 4, 7);
        ExpectNothingWritten(report, result);
    }

    [Fact]
    public void Two_spellings_of_one_document_are_one_copy()
    {
        using var report = Report().Write("documents/a.txt", "evidence");
        report.Write("sources/b.yml", string.Concat(new[] { "documents/a.txt", "documents/./a.txt", "./documents//a.txt", "x/../documents/a.txt" }
            .Select((file, i) => $"- id: b{i}\n  type: document\n  title: B\n  file: {file}\n")))
            .Write("sections/02-b.md", "---\ntitle: B\n---\nB [@b0] [@b1] [@b2] [@b3].\n");
        var result = report.Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal("evidence", report.ReadOutput("documents/a.txt"));
        Assert.Equal(["a.txt"], Directory.GetFiles(Path.Combine(report.Output, "documents")).Select(Path.GetFileName));
    }

    [Fact]
    public void Two_documents_that_differ_only_in_case_collide()
    {
        using var report = Report().Write("documents/a.txt", "one").Write("documents/A.txt", "two");
        report.Write("sources/b.yml", "- id: b\n  type: document\n  title: B\n  file: documents/a.txt\n- id: c\n  type: document\n  title: C\n  file: documents/A.txt\n")
            .Write("sections/02-b.md", "---\ntitle: B\n---\nB [@b] [@c].\n");
        var result = report.Build();
        result.Single(DiagnosticCodes.OutputCollision, "input/sources/b.yml", 8, 9);
        ExpectNothingWritten(report, result);
    }
}
