using System.Buffers;
using ReportSite.Build;
using ReportSite.Diagnostics;
using ReportSite.Templates;
using ReportSite.Tests.Support;

namespace ReportSite.Tests.Templates;

/// <summary>
/// A theme's problems are the author's: a missing folder (RS0401), a template syntax error (RS0402, at its line
/// and column), broken interface strings (RS0002/RS0015/RS0403), a missing base layout (RS0404), and an error
/// while rendering (RS0405) — including an include that would read outside the theme's layouts/.
/// </summary>
public sealed class ThemeTests : IDisposable
{
    private readonly TempReport _report = new TempReport()
        .Write("sources/a.yml", "id: a\ntype: report\ntitle: A\n").Write("sections/01-a.md", "---\ntitle: A\n---\nA claim [@a].\n");

    private string Theme => Path.Combine(_report.Root, "theme");

    public ThemeTests() => Themes.CopyDefault(Theme);

    public void Dispose() => _report.Dispose();

    private BuildResult Build() => ReportBuilder.Run(new BuildOptions(_report.Input, _report.Output, Theme, _report.Root));

    private static (int ExitCode, string Stdout, string Stderr) Cli(string workingDirectory, params string[] args) =>
        Processes.Run("dotnet", workingDirectory, [Path.Combine(AppContext.BaseDirectory, "reportsite.dll"), .. args]);

    private void ExpectCli(string line)
    {
        var (exit, _, stderr) = Cli(_report.Root, "build", "input", "--output", "out", "--theme", "theme");
        Assert.Equal(1, exit);
        Assert.Contains(line, stderr);
        Assert.False(Directory.Exists(Path.Combine(_report.Root, "out")));
    }

    [Fact]
    public void A_missing_theme_folder()
    {
        Directory.Delete(Theme, recursive: true);
        var result = Build();
        result.Single(DiagnosticCodes.ThemeFolderMissing, "theme", 0, 0);
        Assert.False(result.Written);
        ExpectCli("theme: error RS0401: theme folder not found");
    }

    [Fact]
    public void A_template_syntax_error_is_reported_at_its_line_and_column()
    {
        File.WriteAllText(Path.Combine(Theme, "layouts", "section.html"), "<main>\n  {{ if }}\n</main>\n");
        var result = Build();
        var error = result.Diagnostics.First(d => d.Code == DiagnosticCodes.TemplateSyntax);
        Assert.Equal(("theme/layouts/section.html", 2), (error.File, error.Line));
        Assert.True(error.Column >= 3);
        Assert.False(result.Written);
        ExpectCli("theme/layouts/section.html(2,");
    }

    [Fact]
    public void A_theme_without_a_base_layout()
    {
        File.Delete(Path.Combine(Theme, "layouts", "base.html"));
        var result = Build();
        result.Single(DiagnosticCodes.LayoutMissing, "theme/layouts", 0, 0);
        ExpectCli("theme/layouts: error RS0404:");
    }

    [Theory]
    [InlineData("skip_to_content: [unclosed\n", DiagnosticCodes.YamlSyntax)]
    [InlineData("- a list\n", DiagnosticCodes.ThemeStringsInvalid)]
    [InlineData("skip_to_content:\n  nested: mapping\n", DiagnosticCodes.ThemeStringsInvalid)]
    public void Invalid_interface_strings_are_reported_in_the_theme(string yaml, string code)
    {
        File.WriteAllText(Path.Combine(Theme, "i18n", "en.yml"), yaml);
        var result = Build();
        var error = Assert.Single(result.Diagnostics, d => d.Code == code);
        Assert.Equal("theme/i18n/en.yml", error.File);
        Assert.True(error.Line >= 1);
        Assert.False(result.Written);
        ExpectCli("theme/i18n/en.yml(");
    }

    [Fact]
    public void Interface_strings_nested_100000_deep()
    {
        File.WriteAllText(Path.Combine(Theme, "i18n", "en.yml"), "skip_to_content: " + new string('[', 100_000) + "\n");
        var result = Build();
        var error = result.Diagnostics.Single(d => d.Code == DiagnosticCodes.YamlTooDeep);
        Assert.Equal(("theme/i18n/en.yml", 1), (error.File, error.Line));
        ExpectCli("theme/i18n/en.yml(1,");
    }

    // ───────────── include: only the theme's layouts, as TemplateRenderer throws it while rendering ─────────────

    private DiagnosticException RenderFails(string template)
    {
        File.WriteAllText(Path.Combine(Theme, "layouts", "base.html"), "{{ content }}");
        File.WriteAllText(Path.Combine(Theme, "layouts", "page.html"), template);
        var diagnostics = new DiagnosticBag();
        var renderer = Themes.Renderer(Theme, _report.Root, diagnostics);
        // The templates parse (a link leaving the theme is reported when the theme is listed, RS0010; not here).
        Assert.DoesNotContain(diagnostics.Sorted(), d => d.Code.StartsWith("RS04", StringComparison.Ordinal));
        return Assert.Throws<DiagnosticException>(() => renderer.Render("page", new { Title = "t" }, new ArrayBufferWriter<byte>()));
    }

    [Theory]
    [InlineData("/etc/passwd")]
    [InlineData("../i18n/en.yml")]
    [InlineData("./base.html")]
    [InlineData("..\\\\i18n\\\\en.yml")]
    [InlineData("no-such.html")]
    public void An_include_outside_the_layouts_is_refused_at_its_line(string name)
    {
        var error = RenderFails($"<main>\n\n  {{{{ include '{name}' }}}}</main>\n").Diagnostic;
        Assert.Equal((DiagnosticCodes.TemplateRuntime, "theme/layouts/page.html", 3), (error.Code, error.File, error.Line));
        Assert.True(error.Column >= 3);
    }

    [Fact]
    public void An_include_through_a_link_that_leaves_the_theme_is_refused()
    {
        var secret = Path.Combine(_report.Root, "secret.txt");
        File.WriteAllText(secret, "secret");
        File.CreateSymbolicLink(Path.Combine(Theme, "layouts", "leak.html"), secret);
        var error = RenderFails("{{ include 'leak.html' }}").Diagnostic;
        Assert.Equal((DiagnosticCodes.TemplateRuntime, "theme/layouts/page.html", 1), (error.Code, error.File, error.Line));
        Assert.Contains("link", error.Message);
    }

    [Fact]
    public void An_include_inside_the_layouts_is_read_as_markup_with_its_values_escaped_once()
    {
        // A partial's markup is the theme's: written as it stands; the values in it are escaped once, by the partial.
        File.WriteAllText(Path.Combine(Theme, "layouts", "part.html"), "<b>{{ title }}</b>!");
        File.WriteAllText(Path.Combine(Theme, "layouts", "page.html"), "{{ include 'part.html' }}");
        File.WriteAllText(Path.Combine(Theme, "layouts", "base.html"), "{{ content }}");
        var renderer = Themes.Renderer(Theme, _report.Root);
        var output = new ArrayBufferWriter<byte>();
        renderer.Render("page", new { Title = "t & <i>" }, output);
        Assert.Equal("<b>t &amp; &lt;i&gt;</b>!", System.Text.Encoding.UTF8.GetString(output.WrittenSpan));
    }

    [Fact]
    public void A_runtime_error_in_a_template_is_located()
    {
        var error = RenderFails("<p>\n{{ nothing.member }}\n").Diagnostic;
        Assert.Equal((DiagnosticCodes.TemplateRuntime, "theme/layouts/page.html", 2), (error.Code, error.File, error.Line));
    }

    // ───────────── through a whole build: an error while rendering, and oddities among the layouts and strings ─────────────

    [Theory]
    [InlineData("{{ include '/etc/passwd' }}", "relative to the theme's layouts/ folder")]
    [InlineData("{{ include 'no-such.html' }}", "no such file")]
    public void An_error_while_rendering_fails_the_build_at_the_template_and_keeps_the_previous_site(string body, string message)
    {
        _report.Write("sections/02-b.md", "---\ntitle: B\n---\nB claim [@a].\n"); // two pages meet the same error
        Assert.True(Build().Written);
        var before = Trees.Snapshot(_report.Output);
        File.WriteAllText(Path.Combine(Theme, "layouts", "section.html"), "<main>\n" + body + "\n</main>\n");

        var result = Build();
        var error = result.Single(DiagnosticCodes.TemplateRuntime, "theme/layouts/section.html", 2, 4); // at 'include'
        Assert.Contains(message, error.Message);
        Assert.False(result.Written);
        Assert.Equal(before, Trees.Snapshot(_report.Output));
        Assert.DoesNotContain(Directory.GetDirectories(_report.Root), d => Path.GetFileName(d).StartsWith("_site.", StringComparison.Ordinal)); // no staging left

        var (exit, _, stderr) = Cli(_report.Root, "build", "input", "--output", "_site", "--theme", "theme");
        Assert.Equal(1, exit);
        Assert.Contains("theme/layouts/section.html(2,4): error RS0405: ", stderr);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(stderr, "error RS0405: ")); // listed once, not once per page
        Assert.Equal(before, Trees.Snapshot(_report.Output));
    }

    // ───────────── strict variables: a typo in a template fails the build where it stands ─────────────

    [Theory]
    [InlineData("section.html", "<main>\n<p>{{ titel }}</p>\n</main>\n", 2, "titel")]
    [InlineData("section.html", "<main>\n<p>{{ site.titel }}</p>\n</main>\n", 2, "titel")]
    [InlineData("partials/citation.html", "<sup>\n{{ for c in group.citations }}{{ c.numbr }}{{ end }}</sup>", 2, "numbr")]
    [InlineData("partials/citation.html", "<sup>{{ grop.citations }}</sup>", 1, "grop")]
    public void An_unknown_variable_or_member_in_a_template_is_an_error_at_its_line(string layout, string template, int line, string name)
    {
        Assert.True(Build().Written);
        var before = Trees.Snapshot(_report.Output);
        File.WriteAllText(Path.Combine(Theme, "layouts", layout), template);

        var result = Build();
        var error = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.TemplateRuntime);
        Assert.Equal(($"theme/layouts/{layout}", line), (error.File, error.Line));
        Assert.Contains(name, error.Message);
        Assert.False(result.Written);
        Assert.Equal(before, Trees.Snapshot(_report.Output));
    }

    // ───────────── the theme owns the markup ─────────────

    [Fact]
    public void A_theme_marks_up_citations_with_its_own_partial_and_links_from_the_page()
    {
        _report.Write("sections/01-a.md", "---\ntitle: A\n---\nA claim [see @a, p. *4*]. As @a says, more.\n");
        File.WriteAllText(Path.Combine(Theme, "layouts", "partials", "citation.html"),
            "<cite data-in-text=\"{{ group.in_text }}\">{{ for c in group.citations }}" +
            "<a href=\"{{ url c.source_path }}\">{{ c.number }}|{{ c.source.title }}|{{ c.prefix }}|{{ c.locator }}|{{ c.locator_label }}|{{ c.mode }}</a>" +
            "{{ end }}{{ group.author_name }}</cite>");

        var result = Build();
        Assert.True(result.Written, string.Join("\n", result.Diagnostics));
        var html = File.ReadAllText(Path.Combine(_report.Output, "sections", "a.html"));
        Assert.Contains("<cite data-in-text=\"false\"><a href=\"../sources/a.html\">1|A|see|p. <em>4</em>|page|normal</a></cite>", html);
        Assert.Contains("<cite data-in-text=\"true\"><a href=\"../sources/a.html\">1|A||||author-in-text</a>A</cite>", html);
        Assert.DoesNotContain("<sup class=\"citation\">", html);
    }

    [Theory]
    [InlineData("layouts/source.html")]
    [InlineData("layouts/base.html")]
    [InlineData("i18n/en.yml")]
    public void A_fifo_among_the_layouts_or_strings_is_reported_and_never_opened(string file)
    {
        File.Delete(Path.Combine(Theme, file));
        Input.Oddities.Fifo(Path.Combine(Theme, file));
        foreach (var run in new Func<BuildResult>[] { Build, () => ReportBuilder.Run(new BuildOptions(_report.Input, null, Theme, _report.Root)) })
        {
            var result = Input.Oddities.Finishes(run);
            result.Single(DiagnosticCodes.NotARegularFile, "theme/" + file, 0, 0);
            Assert.False(result.Written);
        }
    }

    [Fact]
    public void A_layout_linked_from_outside_the_theme_is_not_read()
    {
        var secret = Path.Combine(_report.Root, "secret.html");
        File.WriteAllText(secret, "<p>SECRET {{ title }}</p>");
        File.Delete(Path.Combine(Theme, "layouts", "section.html"));
        File.CreateSymbolicLink(Path.Combine(Theme, "layouts", "section.html"), secret);
        var result = Build();
        result.Single(DiagnosticCodes.LinkOutsideFolder, "theme/layouts/section.html", 0, 0);
        Assert.False(result.Written);
        Assert.False(Directory.Exists(_report.Output));
    }
}
