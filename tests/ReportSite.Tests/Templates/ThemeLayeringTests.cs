using System.Text.RegularExpressions;
using ReportSite.Build;
using ReportSite.Diagnostics;
using ReportSite.Engine;
using ReportSite.Input;
using ReportSite.Output;
using ReportSite.Tests.Input;
using ReportSite.Tests.Support;

namespace ReportSite.Tests.Templates;

/// <summary>
/// A report's own input/theme/ overrides single files of the base theme: a layout, a partial, an asset, interface
/// strings key by key. It is read as its own folder (no link out of it) and diagnostics name the file really read.
/// </summary>
public sealed class ThemeLayeringTests : IDisposable
{
    private readonly TempReport _report = new TempReport()
        .Write("sources/a.yml", "id: a\ntype: report\ntitle: A\n")
        .Write("sections/01-a.md", "---\ntitle: A\n---\nA claim [@a].\n");

    public void Dispose() => _report.Dispose();

    private BuildResult Build(bool succeed = true)
    {
        var result = _report.Build();
        if (succeed) Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result;
    }

    [Fact]
    public void A_layout_of_the_report_replaces_the_base_themes_and_only_it()
    {
        _report.Write("theme/layouts/sources-index.html", "<p class=\"mine\">{{ sources.size }} {{ url paths.claims_json }}</p>");
        var result = Build();
        Assert.Empty(result.Diagnostics);
        Assert.Contains("<p class=\"mine\">1 ../claims.json</p>", _report.ReadOutput("sources/index.html"));
        Assert.Contains("<article class=\"section\">", _report.ReadOutput("sections/a.html")); // the base theme's
        Assert.False(File.Exists(Path.Combine(_report.Output, "theme", "layouts", "sources-index.html"))); // not published as content
    }

    [Fact]
    public void An_included_partial_of_the_report_replaces_the_base_themes()
    {
        _report.Write("theme/layouts/partials/section-sources.html", "<aside class=\"mine\">{{ sources.size }}</aside>");
        Build();
        Assert.Contains("<aside class=\"mine\">1</aside>", _report.ReadOutput("sections/a.html"));
    }

    [Fact]
    public void An_asset_of_the_report_replaces_or_adds_one_and_the_others_stay()
    {
        _report.Write("theme/assets/style.css", "body { color: red }\n").Write("theme/assets/extra.css", "p {}\n");
        Build();
        Assert.Equal("body { color: red }\n", _report.ReadOutput("assets/style.css"));
        Assert.Equal("p {}\n", _report.ReadOutput("assets/extra.css"));
        Assert.Equal(File.ReadAllText(Path.Combine(Repo.Theme, "assets", "favicon.svg")), _report.ReadOutput("assets/favicon.svg"));
    }

    [Fact]
    public void Interface_strings_of_the_report_override_key_by_key()
    {
        _report.Write("theme/i18n/en.yml", "sources: Documents\n");
        Build();
        var html = _report.ReadOutput("sections/a.html");
        Assert.Contains(">Documents</a>", html);
        Assert.Contains(">Contents</a>", html); // the base theme's other keys
    }

    [Fact]
    public void Arabic_strings_of_the_report_override_one_key_and_the_rest_stay_arabic()
    {
        _report.Write("site.yml", "title: تقرير\nlanguage: ar\n").Write("theme/i18n/ar.yml", "sources: الوثائق\n");
        var result = Build();
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCodes.UiStringsUntranslated);
        var html = _report.ReadOutput("sections/a.html");
        Assert.Contains(">الوثائق</a>", html);
        Assert.Contains(">المحتويات</a>", html);
    }

    [Fact]
    public void A_syntax_error_in_an_override_is_reported_in_the_override()
    {
        _report.Write("theme/layouts/section.html", "<main>\n  {{ if }}\n</main>\n");
        var error = Build(succeed: false).Diagnostics.First(d => d.Code == DiagnosticCodes.TemplateSyntax);
        Assert.Equal(("input/theme/layouts/section.html", 2), (error.File, error.Line));
    }

    [Fact]
    public void A_runtime_error_in_an_override_is_reported_in_the_override()
    {
        _report.Write("theme/layouts/index.html", "<p>{{ nope }}</p>");
        Build(succeed: false).Single(DiagnosticCodes.TemplateRuntime, "input/theme/layouts/index.html", 1, 7);
    }

    [Fact]
    public void A_link_out_of_the_input_is_refused()
    {
        var outside = Path.Combine(_report.Root, "outside.html");
        File.WriteAllText(outside, "<p>secret</p>");
        Directory.CreateDirectory(Path.Combine(_report.Input, "theme", "layouts"));
        File.CreateSymbolicLink(Path.Combine(_report.Input, "theme", "layouts", "source.html"), outside);
        var result = Build(succeed: false);
        result.Single(DiagnosticCodes.LinkOutsideFolder, "input/theme/layouts/source.html", 0, 0);
        Assert.False(result.Written);
    }

    [Fact]
    public void A_link_out_of_input_theme_to_elsewhere_in_the_input_is_refused()
    {
        Directory.CreateDirectory(Path.Combine(_report.Input, "theme", "layouts"));
        File.CreateSymbolicLink(Path.Combine(_report.Input, "theme", "layouts", "source.html"), Path.Combine(_report.Input, "sections", "01-a.md"));
        var error = Build(succeed: false).Single(DiagnosticCodes.LinkOutsideFolder, "input/theme/layouts/source.html", 0, 0);
        Assert.Contains("theme/ folder", error.Message);
    }

    [Fact]
    public void A_fifo_in_input_theme_is_refused_not_read()
    {
        Directory.CreateDirectory(Path.Combine(_report.Input, "theme", "layouts"));
        Oddities.Fifo(Path.Combine(_report.Input, "theme", "layouts", "source.html"));
        var result = Oddities.Finishes(() => Build(succeed: false));
        result.Single(DiagnosticCodes.NotARegularFile, "input/theme/layouts/source.html", 0, 0);
    }

    [Fact]
    public void A_change_in_input_theme_changes_the_fingerprint_and_rebuilds()
    {
        string Fingerprint()
        {
            var diagnostics = new DiagnosticBag();
            var settings = new BuildSettings(_report.Input, Repo.Theme, _report.Root);
            return InputFingerprint.Compute(InputFolders.Read(settings, diagnostics), "");
        }

        var before = Fingerprint();
        Build();
        Assert.True(Build().UpToDate);
        _report.Write("theme/assets/extra.css", "p {}\n");
        var added = Fingerprint();
        Assert.NotEqual(before, added);
        Assert.False(Build().UpToDate);
        Assert.Equal("p {}\n", _report.ReadOutput("assets/extra.css"));
        _report.Write("theme/assets/extra.css", "p { margin: 0 }\n");
        Assert.NotEqual(added, Fingerprint());
        Assert.False(Build().UpToDate);
        Assert.Equal("p { margin: 0 }\n", _report.ReadOutput("assets/extra.css"));
    }

    [Fact]
    public void No_layout_of_the_default_theme_spells_a_site_path()
    {
        // Links go through `paths` (SitePaths): a literal `url "sources/index.html"` would drift from the build.
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repo.Theme, "layouts"), "*.html", SearchOption.AllDirectories))
            Assert.False(Regex.IsMatch(File.ReadAllText(file), "url\\s+[\"']"), $"{file} passes a literal path to url: use paths.…");
    }

    [Fact]
    public void The_paths_global_names_the_site_paths_in_every_template()
    {
        _report.Write("theme/layouts/sources-index.html",
            "{{ paths.cover }}|{{ paths.contents }}|{{ paths.sources_index }}|{{ paths.claims_json }}|{{ paths.sources_json }}|" +
            "{{ paths.stylesheet }}|{{ paths.favicon }}|{{ paths.sitemap }}|{{ url paths.contents }}");
        Build();
        Assert.Contains("index.html|index.html#contents|sources/index.html|claims.json|sources.json|assets/style.css|assets/favicon.svg|sitemap.xml|../index.html#contents",
            _report.ReadOutput("sources/index.html"));
    }
}
