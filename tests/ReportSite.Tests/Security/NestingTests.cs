using ReportSite.Build;
using ReportSite.Diagnostics;
using ReportSite.Tests.Support;

namespace ReportSite.Tests.Security;

/// <summary>
/// Input nested past what a parser can hold — Markdown past Markdig's depth limit, YAML past the stack — is a
/// located error (RS0016, RS0015), never a crash; nesting that parsers hold builds as before.
/// </summary>
public sealed class NestingTests
{
    private const string Record = "id: a\ntype: report\ntitle: A\n";
    private const string FrontMatter = "---\ntitle: A\n---\n"; // the body starts on line 4

    private static BuildResult CheckSection(string body) =>
        new TempReport().Write("sources/a.yml", Record).Write("sections/01-a.md", FrontMatter + body).Check();

    private static string Repeat(string text, int count) => string.Concat(Enumerable.Repeat(text, count));

    public static TheoryData<string, Func<int, string>> MarkdownKinds => new()
    {
        { "block quotes", n => new string('>', n) + " A claim [@a].\n" },
        { "block quotes on lines", n => string.Concat(Enumerable.Range(1, n).Select(i => new string('>', i) + " x\n")) + "A claim [@a].\n" },
        { "lists", n => string.Concat(Enumerable.Range(0, n).Select(i => new string(' ', 2 * i) + "- x\n")) + "\nA claim [@a].\n" },
        { "emphasis", n => new string('*', n) + "A claim [@a]." + new string('*', n) + "\n" },
        { "links", n => Repeat("[", n) + "A claim" + Repeat("](u)", n) + " [@a].\n" },
        { "images", n => Repeat("![", n) + "A claim" + Repeat("](u)", n) + " [@a].\n" },
        { "brackets in a citation", n => "A claim [@a " + Repeat("[", n) + "x" + Repeat("]", n) + "].\n" },
    };

    [Theory]
    [MemberData(nameof(MarkdownKinds))]
    public void Markdown_nested_within_the_limit_builds(string kind, Func<int, string> nested)
    {
        var result = CheckSection(nested(20));
        Assert.True(result.Succeeded, kind + ": " + string.Join("\n", result.Diagnostics));
    }

    [Theory]
    [MemberData(nameof(MarkdownKinds))]
    public void Markdown_nested_past_the_limit_is_one_located_error(string kind, Func<int, string> nested)
    {
        foreach (var depth in new[] { 3_000 })
        {
            var result = CheckSection(nested(depth));
            if (kind is "brackets in a citation" or "links")
            {
                // No nesting a parser keeps: a link holds no link, a bracket too deep for a citation is text.
                Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
                continue;
            }
            var error = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.MarkdownTooDeep);
            Assert.Equal("input/sections/01-a.md", error.File);
            Assert.True(error.Line >= 4, kind);
            Assert.True(error.Column >= 1, kind);
            Assert.DoesNotContain(result.Diagnostics, d => d.Severity == Severity.Error && d.Code != DiagnosticCodes.MarkdownTooDeep
                && d.Code != DiagnosticCodes.SourceNotCited);
            Assert.False(result.Succeeded);
        }
    }

    [Fact]
    public void Deep_block_quotes_are_reported_at_the_marker_that_goes_past_the_limit()
    {
        var result = CheckSection(new string('>', 300) + " x\n");
        var error = result.Single(DiagnosticCodes.MarkdownTooDeep, "input/sections/01-a.md", 4, 128);
        Assert.Equal(Severity.Error, error.Severity);
    }

    [Fact]
    public void Unclosed_brackets_by_the_hundred_thousand_finish()
    {
        foreach (var run in new[] { new string('[', 100_000), Repeat("[@a ", 50_000), Repeat("[`", 50_000), Repeat("[@a]{#", 50_000) })
        {
            var result = Input.Oddities.Finishes(() => CheckSection("A claim [@a]. " + run + "\n"));
            // Text, or (where Markdig nests its bracket delimiters too deep) that one located error.
            Assert.All(result.Diagnostics, d => Assert.True(d.Severity != Severity.Error || d.Code == DiagnosticCodes.MarkdownTooDeep, d.ToString()));
        }
    }

    // ───────────── YAML: 100,000 nested lists or mappings, in every reader ─────────────

    public static TheoryData<string> DeepYaml => new()
    {
        new string('[', 100_000),
        Repeat("{a: ", 100_000),
        "\n  " + Repeat("- ", 100_000) + "x", // block lists on one line: the value starts on the next line
    };

    private static void ExpectTooDeep(BuildResult result, string file, int line, string deep)
    {
        if (deep.StartsWith('\n')) line++;
        var error = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.YamlTooDeep);
        Assert.Equal((file, line), (error.File, error.Line));
        Assert.True(error.Column > Text.Yaml.MaxDepth - 1, $"column {error.Column}");
        Assert.Contains("nested more than 64", error.Message);
        Assert.False(result.Succeeded);
    }

    [Theory]
    [MemberData(nameof(DeepYaml))]
    public void Deep_yaml_in_site_yml(string deep)
    {
        using var report = new TempReport().Write("site.yml", "title: " + deep + "\n")
            .Write("sources/a.yml", Record).Write("sections/01-a.md", FrontMatter + "A claim [@a].\n");
        ExpectTooDeep(report.Check(), "input/site.yml", 1, deep);
    }

    [Theory]
    [MemberData(nameof(DeepYaml))]
    public void Deep_yaml_in_front_matter(string deep)
    {
        using var report = new TempReport().Write("sources/a.yml", Record)
            .Write("sections/01-a.md", "---\ntitle: A\nsummary: " + deep + "\n---\nA claim [@a].\n");
        ExpectTooDeep(report.Check(), "input/sections/01-a.md", 3, deep);
    }

    [Theory]
    [MemberData(nameof(DeepYaml))]
    public void Deep_yaml_in_a_record(string deep)
    {
        using var report = new TempReport().Write("sources/a.yml", Record + "description: " + deep + "\n")
            .Write("sections/01-a.md", FrontMatter + "A claim [@a].\n");
        ExpectTooDeep(report.Check(), "input/sources/a.yml", 4, deep);
    }

    [Theory]
    [MemberData(nameof(DeepYaml))]
    public void Deep_yaml_in_a_list_of_records_read_record_by_record(string deep)
    {
        using var report = new TempReport().Write("sources/a.yml", "- id: a\n  type: report\n  title: A\n- " + deep + "\n")
            .Write("sections/01-a.md", FrontMatter + "A claim [@a].\n");
        ExpectTooDeep(report.Check(), "input/sources/a.yml", 4, deep);
    }

    [Fact]
    public void Yaml_nested_to_the_limit_is_read()
    {
        // 63 lists inside the record's mapping: 64 levels in all.
        using var report = new TempReport().Write("sources/a.yml", Record + "description: " + new string('[', 63) + new string(']', 63) + "\n")
            .Write("sections/01-a.md", FrontMatter + "A claim [@a].\n");
        var result = report.Check();
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCodes.YamlTooDeep);
    }
}
