using System.Reflection;
using System.Text.RegularExpressions;
using ReportSite.Build;
using ReportSite.Diagnostics;
using ReportSite.Tests.Support;

namespace ReportSite.Tests.Diagnostics;

/// <summary>
/// Every diagnostic code, each on a tiny input folder made by the test, checked for its code, file, line, column,
/// severity and message. A meta-test makes sure a new code cannot be added without a test here.
/// </summary>
public sealed class EveryCodeTests
{
    private const string Record = "id: a\ntype: report\ntitle: A\n";
    private const string Section = "---\ntitle: A\n---\nA claim [@a].\n";
    private const string SectionPath = "input/sections/01-a.md";
    private const string SitePath = "input/site.yml";
    private const string RecordPath = "input/sources/a.yml";

    /// <summary>A valid report (site.yml, one section citing source 'a', the record 'a') with the files given replacing or adding to it.</summary>
    private static TempReport Report(params (string Path, string Text)[] files)
    {
        var report = new TempReport().Write("sources/a.yml", Record).Write("sections/01-a.md", Section);
        foreach (var (path, text) in files) report.Write(path, text);
        return report;
    }

    /// <summary>Exactly one diagnostic with <paramref name="code"/>, at file(line,column), with that severity and message parts.</summary>
    private static Diagnostic Expect(BuildResult result, string code, string file, int line, int column, Severity severity, params string[] message)
    {
        var diagnostic = result.Single(code, file, line, column);
        Assert.Equal(severity, diagnostic.Severity);
        foreach (var part in message) Assert.Contains(part, diagnostic.Message);
        if (severity == Severity.Error)
        {
            Assert.False(result.Succeeded);
            Assert.False(result.Written);
        }
        return diagnostic;
    }

    private static void ExpectHint(Diagnostic diagnostic, string suggestion) =>
        Assert.Contains($"; did you mean '{suggestion}'?", diagnostic.Message);

    // ───────────────────────── RS0001: the input folder does not exist ─────────────────────────

    [Fact]
    public void RS0001_an_input_folder_that_does_not_exist()
    {
        using var report = new TempReport(withSite: false);
        var result = ReportBuilder.Run(new BuildOptions("no-such-input", "_site", Repo.Theme, report.Root));

        var error = Expect(result, DiagnosticCodes.InputFolderMissing, "no-such-input", 0, 0, Severity.Error, "input folder not found");
        Assert.Equal("no-such-input: error RS0001: input folder not found", error.ToString());
        Assert.Single(result.Diagnostics);
        Assert.False(Directory.Exists(Path.Combine(report.Root, "_site")));
    }

    // ───────────────────────── RS0002: invalid YAML ─────────────────────────

    [Fact]
    public void RS0002_a_tab_used_for_indentation_in_site_yml_is_reported_at_the_tab()
    {
        using var report = Report(("site.yml", "title: Test report\n\tlanguage: en\n"));
        var error = Expect(report.Build(), DiagnosticCodes.YamlSyntax, SitePath, 2, 1, Severity.Error, "invalid YAML:", "tab");
        Assert.Contains("YAML does not allow tabs for indentation", error.Message);
    }

    [Fact]
    public void RS0002_bad_indentation_in_site_yml()
    {
        using var report = Report(("site.yml", "title: Test report\nauthors:\n  - A\n - B\n"));
        var result = report.Build();
        var error = Expect(result, DiagnosticCodes.YamlSyntax, SitePath, 4, 2, Severity.Error, "invalid YAML:", "did not find expected key");
        Assert.DoesNotContain("(Line:", error.Message); // YamlDotNet's own position prefix is stripped: the position is in the diagnostic
        Assert.DoesNotContain("tab", error.Message);
    }

    [Fact]
    public void RS0002_an_unclosed_quote_in_site_yml_is_reported_at_the_quote()
    {
        using var report = Report(("site.yml", "language: en\ntitle: 'Test report\n"));
        Expect(report.Build(), DiagnosticCodes.YamlSyntax, SitePath, 2, 8, Severity.Error, "invalid YAML:", "quoted scalar");
    }

    [Fact]
    public void RS0002_a_tab_used_for_indentation_in_front_matter_is_reported_at_the_tab_in_the_md_file()
    {
        using var report = Report(("sections/01-a.md", "---\ntitle: A\n\tsummary: S\n---\nA claim [@a].\n"));
        Expect(report.Build(), DiagnosticCodes.YamlSyntax, SectionPath, 3, 1, Severity.Error, "invalid YAML:", "tab");
    }

    [Fact]
    public void RS0002_bad_indentation_in_front_matter_is_positioned_in_the_md_file()
    {
        // YAML line 3 ("  slug: a") is line 4 of the file: positions are offset by the opening '---' line.
        using var report = Report(("sections/01-a.md", "---\ntitle: A\norder: 1\n  slug: a\n---\nA claim [@a].\n"));
        Expect(report.Build(), DiagnosticCodes.YamlSyntax, SectionPath, 4, 7, Severity.Error, "invalid YAML:", "invalid mapping");
    }

    [Fact]
    public void RS0002_an_unclosed_quote_in_front_matter_is_positioned_in_the_md_file()
    {
        using var report = Report(("sections/01-a.md", "---\nsummary: S\ntitle: \"A\n---\nA claim [@a].\n"));
        Expect(report.Build(), DiagnosticCodes.YamlSyntax, SectionPath, 3, 8, Severity.Error, "invalid YAML:", "quoted scalar");
    }

    [Fact]
    public void RS0002_a_tab_used_for_indentation_in_a_record_is_reported_at_the_tab()
    {
        using var report = Report(("sources/a.yml", "id: a\ntype: report\n\ttitle: A\n"));
        Expect(report.Build(), DiagnosticCodes.YamlSyntax, RecordPath, 3, 1, Severity.Error, "invalid YAML:", "tab");
    }

    [Fact]
    public void RS0002_bad_indentation_in_a_record()
    {
        using var report = Report(("sources/a.yml", "id: a\ntype: report\ntitle: A\nauthors:\n  - X\n - Y\n"));
        Expect(report.Build(), DiagnosticCodes.YamlSyntax, RecordPath, 6, 2, Severity.Error, "invalid YAML:", "did not find expected key");
    }

    [Fact]
    public void RS0002_an_unclosed_quote_in_a_record()
    {
        using var report = Report(("sources/a.yml", "id: a\ntype: report\ntitle: 'A\n"));
        var result = report.Build();
        Expect(result, DiagnosticCodes.YamlSyntax, RecordPath, 3, 8, Severity.Error, "invalid YAML:", "quoted scalar");
        // The file's records are not loaded, so the citation of 'a' is unknown: reported too, in the same run.
        result.Single(DiagnosticCodes.UnknownSourceKey, SectionPath, 4, 10);
    }

    // ───────────────────────── RS0003: site.yml ─────────────────────────

    [Fact]
    public void RS0003_site_yml_without_a_title()
    {
        using var report = Report(("site.yml", "language: en\nlicense: CC BY 4.0\n"));
        Expect(report.Build(), DiagnosticCodes.SiteConfigInvalid, SitePath, 1, 1, Severity.Error, "has no 'title'");
    }

    [Fact]
    public void RS0003_site_yml_with_an_empty_title_is_reported_at_the_title()
    {
        using var report = Report(("site.yml", "language: en\ntitle:\n"));
        Expect(report.Build(), DiagnosticCodes.SiteConfigInvalid, SitePath, 2, 7, Severity.Error, "has no 'title'");
    }

    [Fact]
    public void RS0003_site_yml_that_is_not_a_mapping()
    {
        using var report = Report(("site.yml", "just a title\n"));
        Expect(report.Build(), DiagnosticCodes.SiteConfigInvalid, SitePath, 1, 1, Severity.Error, "must be a mapping");
    }

    [Fact]
    public void RS0003_an_invalid_language()
    {
        using var report = Report(("site.yml", "title: T\nlanguage: english please\n"));
        Expect(report.Build(), DiagnosticCodes.SiteConfigInvalid, SitePath, 2, 11, Severity.Error,
            "'language' is not a BCP 47 language tag: 'english please'");
    }

    [Fact]
    public void RS0003_an_invalid_direction()
    {
        using var report = Report(("site.yml", "title: T\nlanguage: ar\ndirection: right\n"));
        Expect(report.Build(), DiagnosticCodes.SiteConfigInvalid, SitePath, 3, 12, Severity.Error,
            "'direction' must be rtl or ltr, not 'right'");
    }

    // ───────────────────────── RS0004: not UTF-8 ─────────────────────────

    private static byte[] Bytes(params object[] parts) =>
        parts.SelectMany(p => p is string s ? System.Text.Encoding.UTF8.GetBytes(s) : (byte[])p).ToArray();

    [Fact]
    public void RS0004_a_file_that_is_not_utf8_is_reported_at_the_first_invalid_byte()
    {
        using var report = Report();
        // Line 3 is "summary: ab\xFF\xFEcd": the first invalid byte is the 12th character of the line.
        report.WriteBytes("sections/01-a.md", Bytes("---\ntitle: A\nsummary: ab", new byte[] { 0xFF, 0xFE }, "cd\n---\nA claim [@a].\n"));
        var result = report.Build();
        Expect(result, DiagnosticCodes.FileNotUtf8, SectionPath, 3, 12, Severity.Error, "not valid UTF-8");
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCodes.SectionMissingTitle);
    }

    [Fact]
    public void RS0004_after_a_byte_order_mark_columns_count_from_the_first_character()
    {
        using var report = Report();
        report.WriteBytes("site.yml", Bytes(new byte[] { 0xEF, 0xBB, 0xBF }, "title: T", new byte[] { 0xFF }, "\n"));
        Expect(report.Build(), DiagnosticCodes.FileNotUtf8, SitePath, 1, 9, Severity.Error, "not valid UTF-8");
    }

    [Fact]
    public void RS0004_the_column_counts_characters_not_bytes()
    {
        using var report = Report();
        report.WriteBytes("sections/01-a.md", Bytes("---\ntitle: A\nsummary: عرب", new byte[] { 0xFF, 0xFE }, "\n---\nA claim [@a].\n"));
        Expect(report.Build(), DiagnosticCodes.FileNotUtf8, SectionPath, 3, 13, Severity.Error, "not valid UTF-8");
    }

    // ───────────────────────── RS0005: output inside input ─────────────────────────

    [Fact]
    public void RS0005_the_output_folder_is_the_input_folder()
    {
        using var report = Report();
        var before = Directory.EnumerateFileSystemEntries(report.Input, "*", SearchOption.AllDirectories).Order().ToList();
        var result = ReportBuilder.Run(new BuildOptions(report.Input, report.Input, Repo.Theme, report.Root));

        Expect(result, DiagnosticCodes.OutputInsideInput, "input", 0, 0, Severity.Error, "must not be the input folder or inside it");
        Assert.Equal(before, Directory.EnumerateFileSystemEntries(report.Input, "*", SearchOption.AllDirectories).Order());
    }

    [Fact]
    public void RS0005_the_output_folder_is_inside_the_input_folder()
    {
        using var report = Report();
        var result = ReportBuilder.Run(new BuildOptions("input", "input/_site", Repo.Theme, report.Root));

        Expect(result, DiagnosticCodes.OutputInsideInput, "input/_site", 0, 0, Severity.Error, "must not be the input folder or inside it");
        Assert.Single(result.Diagnostics);
        Assert.False(Directory.Exists(Path.Combine(report.Input, "_site")));
        Assert.Equal(["input"], Directory.EnumerateFileSystemEntries(report.Root).Select(Path.GetFileName));
    }

    [Fact]
    public void RS0005_a_sibling_whose_name_starts_with_the_input_name_is_not_inside_it()
    {
        using var report = Report();
        var result = ReportBuilder.Run(new BuildOptions("input", "input-site", Repo.Theme, report.Root));
        Assert.Empty(result.Diagnostics);
        Assert.True(result.Written);
    }

    [Fact]
    public void RS0005_an_output_folder_that_contains_the_input_folder_is_refused_and_the_input_survives()
    {
        using var report = Report();
        var result = ReportBuilder.Run(new BuildOptions(report.Input, report.Root, Repo.Theme, report.Root));

        Assert.True(File.Exists(Path.Combine(report.Input, "site.yml")), "the build deleted the input folder");
        Assert.False(result.Written);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.OutputInsideInput && d.Severity == Severity.Error);
    }

    [Fact]
    public void RS0005_an_output_folder_inside_the_input_through_a_link_is_refused()
    {
        using var report = Report();
        Directory.CreateSymbolicLink(Path.Combine(report.Root, "link"), report.Input);
        var result = ReportBuilder.Run(new BuildOptions("input", "link/_site", Repo.Theme, report.Root));

        Expect(result, DiagnosticCodes.OutputInsideInput, "link/_site", 0, 0, Severity.Error, "inside");
        Assert.False(Directory.Exists(Path.Combine(report.Input, "_site")));
    }

    // ───────────────────────── RS0006: no sections; an empty input folder ─────────────────────────

    [Fact]
    public void RS0006_a_sections_folder_without_markdown_files()
    {
        using var report = Report();
        File.Delete(Path.Combine(report.Input, "sections", "01-a.md"));
        report.Write("sections/notes.txt", "not a section");
        var result = report.Build();
        Expect(result, DiagnosticCodes.NoSections, "input/sections", 0, 0, Severity.Error, "no sections");
        Assert.Equal("input/sections: error RS0006: no sections: add Markdown files to the sections folder (e.g. sections/01-summary.md)",
            result.Single(DiagnosticCodes.NoSections, "input/sections", 0, 0).ToString());
    }

    [Fact]
    public void RS0003_and_RS0006_are_the_only_problems_of_an_empty_input_folder()
    {
        using var report = new TempReport(withSite: false);
        var result = report.Build();

        Assert.Equal(
            [("input/sections", 0, 0, Severity.Error, DiagnosticCodes.NoSections), (SitePath, 0, 0, Severity.Error, DiagnosticCodes.SiteConfigInvalid)],
            result.Diagnostics.Select(d => (d.File, d.Line, d.Column, d.Severity, d.Code)));
        Assert.Contains("site.yml not found", result.Diagnostics[1].Message);
        Assert.False(result.Written);
        Assert.False(Directory.Exists(report.Output));
    }

    // ───────────────────────── RS0101–RS0107: citations and claims ─────────────────────────

    [Fact]
    public void RS0101_an_unknown_citation_key_is_reported_at_its_at_sign_with_a_suggestion()
    {
        using var report = Report(
            ("sources/a.yml", "id: sky-news\ntype: report\ntitle: Sky\n"),
            ("sections/01-a.md", "---\ntitle: A\nsummary: S\n---\n\nThe city was handed over [@sky-newz].\n"));
        var error = Expect(report.Build(), DiagnosticCodes.UnknownSourceKey, SectionPath, 6, 27, Severity.Error, "unknown source key 'sky-newz'");
        ExpectHint(error, "sky-news");
    }

    [Fact]
    public void RS0102_an_empty_citation()
    {
        using var report = Report(("sections/01-a.md", "---\ntitle: A\n---\nOne [@a]. Two [@].\n"));
        Expect(report.Build(), DiagnosticCodes.EmptyCitation, SectionPath, 4, 15, Severity.Error, "empty citation '[@]'");
    }

    [Fact]
    public void RS0103_a_duplicate_explicit_claim_id_points_at_the_first()
    {
        // {#claim-x} means the same id as {#x}.
        using var report = Report(("sections/01-a.md", "---\ntitle: A\n---\nOne [@a]{#x}. Two [@a]{#claim-x}.\n"));
        Expect(report.Build(), DiagnosticCodes.DuplicateClaimId, SectionPath, 4, 19, Severity.Error,
            "claim id 'x' is already used at input/sections/01-a.md(4,5)");
    }

    [Theory]
    [InlineData("bad id")]
    [InlineData("-x")]
    [InlineData("a/b")]
    [InlineData("\"><b>")]
    public void RS0104_an_invalid_explicit_claim_id(string id)
    {
        using var report = Report(("sections/01-a.md", $"---\ntitle: A\n---\n\nA claim [@a]{{#{id}}}.\n"));
        Expect(report.Build(), DiagnosticCodes.InvalidClaimId, SectionPath, 5, 9, Severity.Error, $"claim id '{id}' may only hold");
    }

    [Theory]
    [InlineData("See <javascript:alert(1)>.", "link URL scheme 'javascript:'")]
    [InlineData("See [x][r].\n\n[r]: javascript:alert(1)", "link URL scheme 'javascript:'")]
    [InlineData("See ![x](data:image/png;base64,AAAA).", "image URL scheme 'data:'")]
    public void RS0105_a_refused_url_scheme_in_markdown(string text, string message)
    {
        using var report = Report(("sections/01-a.md", "---\ntitle: A\n---\nA claim [@a]. " + text + "\n"));
        Expect(report.Build(), DiagnosticCodes.UnsafeMarkdownUrl, SectionPath, 4, 19, Severity.Error, message);
    }

    [Theory]
    [InlineData("<a href=\"jav&#x61;script:alert(1)\">x</a>")]
    [InlineData("<a href=\"javascript&colon;alert(1)\">x</a>")]
    [InlineData("<a href=\"java&#9;script:alert(1)\">x</a>")]
    public void RS0105_an_entity_encoded_scheme_in_a_raw_html_href_is_refused(string html)
    {
        using var report = Report(("sections/01-a.md", "---\ntitle: A\n---\nA claim [@a]. " + html + "\n"));
        Expect(report.Build(), DiagnosticCodes.UnsafeMarkdownUrl, SectionPath, 4, 15, Severity.Error, "raw HTML attribute 'href'", "'javascript:'");
    }

    [Fact]
    public void RS0106_a_script_in_inline_raw_html_is_a_warning()
    {
        using var report = Report(("sections/01-a.md", "---\ntitle: A\n---\nA claim [@a]. Then <script>alert(1)</script> more.\n"));
        var result = report.Build();
        Expect(result, DiagnosticCodes.ScriptInMarkdown, SectionPath, 4, 20, Severity.Warning, "raw HTML contains <script>");
        Assert.Single(result.Diagnostics);
        Assert.True(result.Written);
    }

    [Fact]
    public void RS0107_a_list_item_that_is_only_a_citation_is_a_warning()
    {
        using var report = Report(("sections/01-a.md", "---\ntitle: A\n---\nA claim [@a].\n\n- An item [@a].\n- [@a]\n"));
        var result = report.Build();
        Expect(result, DiagnosticCodes.CitationWithoutClaim, SectionPath, 7, 3, Severity.Warning, "closes no text");
        Assert.Single(result.Diagnostics);
        Assert.True(result.Written);
    }

    // ───────────────────────── RS0201–RS0216: source records ─────────────────────────

    [Fact]
    public void RS0201_a_record_without_id()
    {
        using var report = Report(("sources/b.yml", "type: report\ntitle: B\n"));
        var result = report.Build();
        Expect(result, DiagnosticCodes.MissingRequiredField, "input/sources/b.yml", 1, 1, Severity.Error, "no 'id' (required)");
        Assert.Single(result.Diagnostics);
    }

    [Fact]
    public void RS0201_a_record_without_type_in_a_list_is_reported_at_that_record()
    {
        using var report = Report(("sources/a.yml", "- id: a\n  type: report\n  title: A\n- id: b\n  title: B\n"),
            ("sections/01-a.md", "---\ntitle: A\n---\nA claim [@a; @b].\n"));
        Expect(report.Build(), DiagnosticCodes.MissingRequiredField, RecordPath, 4, 3, Severity.Error, "no 'type' (required)");
    }

    [Fact]
    public void RS0201_a_record_without_title()
    {
        using var report = Report(("sources/a.yml", "id: a\ntype: report\n"));
        Expect(report.Build(), DiagnosticCodes.MissingRequiredField, RecordPath, 1, 1, Severity.Error, "no 'title' (required)");
    }

    [Fact]
    public void RS0202_an_unknown_type_with_a_suggestion()
    {
        using var report = Report(("sources/a.yml", "id: a\ntype: artcle\ntitle: A\n"));
        var error = Expect(report.Build(), DiagnosticCodes.UnknownSourceType, RecordPath, 2, 7, Severity.Error, "unknown source type 'artcle'", "one of: article, report");
        ExpectHint(error, "article");
    }

    [Fact]
    public void RS0203_an_unknown_verification_with_a_suggestion()
    {
        using var report = Report(("sources/a.yml", Record + "verification: verifed\n"));
        var error = Expect(report.Build(), DiagnosticCodes.UnknownVerification, RecordPath, 4, 15, Severity.Error,
            "unknown verification status 'verifed'", "one of: verified, partially-verified, unverified, disputed, retracted");
        ExpectHint(error, "verified");
    }

    [Fact]
    public void RS0204_a_duplicate_id_across_files_points_at_the_first()
    {
        using var report = Report(("sources/b.yml", "- id: b\n  type: report\n  title: B\n- id: a\n  type: letter\n  title: Another A\n"),
            ("sections/01-a.md", "---\ntitle: A\n---\nA claim [@a; @b].\n"));
        Expect(report.Build(), DiagnosticCodes.DuplicateSourceId, "input/sources/b.yml", 4, 7, Severity.Error,
            "duplicate source id 'a'", "input/sources/a.yml(1,5)");
    }

    [Fact]
    public void RS0204_ids_that_differ_only_by_case_collide()
    {
        using var report = Report(("sources/b.yml", "id: A\ntype: report\ntitle: Capital A\n"));
        Expect(report.Build(), DiagnosticCodes.DuplicateSourceId, "input/sources/b.yml", 1, 5, Severity.Error,
            "'A' differs from 'a' only by letter case");
    }

    [Theory]
    [InlineData("date", "2024-13-01")]
    [InlineData("date", "2024-02-30")]
    [InlineData("date", "March 2024")]
    [InlineData("accessed", "2024-02-30")]
    public void RS0205_a_bad_date(string field, string value)
    {
        using var report = Report(("sources/a.yml", Record + $"{field}: {value}\n"));
        Expect(report.Build(), DiagnosticCodes.InvalidDate, RecordPath, 4, field.Length + 3, Severity.Error,
            $"'{field}' is not an ISO 8601 date: '{value}'", "YYYY, YYYY-MM or YYYY-MM-DD");
    }

    [Fact]
    public void RS0205_a_bad_date_in_site_yml()
    {
        using var report = Report(("site.yml", "title: T\npublished: 2024-02-30\n"));
        Expect(report.Build(), DiagnosticCodes.InvalidDate, SitePath, 2, 12, Severity.Error, "'published' is not an ISO 8601 date: '2024-02-30'");
    }

    [Theory]
    [InlineData("url", "javascript:alert(1)")]
    [InlineData("url", "example.org")]
    [InlineData("url", "ftp://x")]
    [InlineData("archive_url", "ftp://x")]
    [InlineData("archive_url", "javascript:alert(1)")]
    [InlineData("archive_url", "data:text/html,x")]
    public void RS0206_a_url_that_is_not_http_or_https(string field, string value)
    {
        using var report = Report(("sources/a.yml", Record + $"{field}: {value}\n"));
        Expect(report.Build(), DiagnosticCodes.UnsafeUrl, RecordPath, 4, field.Length + 3, Severity.Error,
            $"'{field}' must be an absolute http or https URL: '{value}'");
    }

    [Fact]
    public void RS0206_an_archive_url_in_a_list_that_is_not_http_or_https_and_the_others_kept()
    {
        using var report = Report(("sources/a.yml", Record + "archive_urls: [https://a.example/, javascript:alert(1)]\n"));
        var result = report.Build();
        Expect(result, DiagnosticCodes.UnsafeUrl, RecordPath, 4, 15, Severity.Error,
            "'archive_urls' must be an absolute http or https URL: 'javascript:alert(1)'");
    }

    [Fact]
    public void RS0206_a_base_url_that_is_not_http_or_https()
    {
        using var report = Report(("site.yml", "title: T\nbase_url: javascript:alert(1)\n"));
        Expect(report.Build(), DiagnosticCodes.UnsafeUrl, SitePath, 2, 11, Severity.Error, "'base_url' must be an absolute http or https URL");
    }

    [Fact]
    public void RS0207_a_file_that_does_not_exist()
    {
        using var report = Report(("sources/a.yml", Record + "file: documents/missing.pdf\n"));
        Expect(report.Build(), DiagnosticCodes.FileNotFound, RecordPath, 4, 7, Severity.Error, "file not found: 'documents/missing.pdf'");
    }

    [Theory]
    [InlineData("/etc/passwd", "not an absolute path")]
    [InlineData("../x", "escapes the input folder")]
    [InlineData("documents/../../x", "escapes the input folder")]
    public void RS0208_a_file_outside_the_input_folder(string path, string reason)
    {
        using var report = Report(("sources/a.yml", Record + $"file: {path}\n"));
        Expect(report.Build(), DiagnosticCodes.FileOutsideInput, RecordPath, 4, 7, Severity.Error, reason, $"'{path}'");
    }

    [Fact]
    public void RS0208_a_symlink_inside_input_pointing_outside_it()
    {
        using var report = Report(("sources/a.yml", Record + "file: documents/link.txt\n"));
        var secret = Path.Combine(report.Root, "secret.txt");
        File.WriteAllText(secret, "secret");
        Directory.CreateDirectory(Path.Combine(report.Input, "documents"));
        File.CreateSymbolicLink(Path.Combine(report.Input, "documents", "link.txt"), secret);

        var result = report.Build();
        Expect(result, DiagnosticCodes.FileOutsideInput, RecordPath, 4, 7, Severity.Error, "is a link that points outside the input folder");
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCodes.FileNotFound);
    }

    [Fact]
    public void RS0209_a_sha256_that_does_not_match_gives_the_actual_hash()
    {
        using var report = Report(("documents/x.txt", "x"), ("sources/a.yml", Record + "file: documents/x.txt\nsha256: " + new string('a', 64) + "\n"));
        var actual = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("x"u8.ToArray()));
        Expect(report.Build(), DiagnosticCodes.Sha256Mismatch, RecordPath, 5, 9, Severity.Error,
            "sha256 does not match 'documents/x.txt'", "declared " + new string('a', 64), "file has " + actual);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")] // 63
    [InlineData("gggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggg")] // 64, not hex
    public void RS0210_a_sha256_that_is_not_64_hex_digits(string sha)
    {
        using var report = Report(("documents/x.txt", "x"), ("sources/a.yml", Record + "file: documents/x.txt\nsha256: " + sha + "\n"));
        var result = report.Build();
        Expect(result, DiagnosticCodes.Sha256Malformed, RecordPath, 5, 9, Severity.Error, "64 hexadecimal digits");
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCodes.Sha256Mismatch);
    }

    [Fact]
    public void RS0211_an_unknown_parent_with_a_suggestion()
    {
        using var report = Report(("sources/a.yml", Record + "part_of: archiv\n"), ("sources/b.yml", "id: archive\ntype: collection\ntitle: Archive\n"));
        var error = Expect(report.Build(), DiagnosticCodes.UnknownParent, RecordPath, 4, 10, Severity.Error, "part_of names unknown source 'archiv'");
        ExpectHint(error, "archive");
    }

    [Fact]
    public void RS0212_a_part_of_cycle_of_two_records_is_reported_once()
    {
        using var report = Report(
            ("sources/a.yml", "- id: a\n  type: report\n  title: A\n  part_of: b\n- id: b\n  type: collection\n  title: B\n  part_of: a\n"),
            ("sections/01-a.md", "---\ntitle: A\n---\nA claim [@a; @b].\n"));
        Expect(report.Build(), DiagnosticCodes.ParentCycle, RecordPath, 4, 12, Severity.Error, "part_of forms a cycle: a → b → a");
    }

    [Fact]
    public void RS0212_a_record_that_is_part_of_itself()
    {
        using var report = Report(("sources/a.yml", Record + "part_of: a\n"));
        Expect(report.Build(), DiagnosticCodes.ParentCycle, RecordPath, 4, 10, Severity.Error, "part_of forms a cycle: a → a");
    }

    [Fact]
    public void RS0213_an_unknown_record_field_is_a_warning_with_a_suggestion()
    {
        using var report = Report(("sources/a.yml", "id: a\ntype: report\ntitle: A\ntitel: B\n"));
        var result = report.Build();
        var warning = Expect(result, DiagnosticCodes.UnknownField, RecordPath, 4, 1, Severity.Warning, "unknown field 'titel' in source record");
        ExpectHint(warning, "title");
        Assert.Single(result.Diagnostics);
        Assert.True(result.Written);
    }

    [Fact]
    public void RS0213_unknown_fields_in_site_yml_and_front_matter_are_warnings_with_suggestions()
    {
        using var report = Report(("site.yml", "title: T\nlicence: CC BY 4.0\n"), ("sections/01-a.md", "---\ntitle: A\nsumary: S\n---\nA claim [@a].\n"));
        var result = report.Build();
        Assert.Equal([(SectionPath, 3, 1), (SitePath, 2, 1)],
            result.Diagnostics.Select(d => (d.File, d.Line, d.Column)));
        Assert.All(result.Diagnostics, d => Assert.Equal((DiagnosticCodes.UnknownField, Severity.Warning), (d.Code, d.Severity)));
        Assert.Equal("unknown field 'sumary' in front matter; did you mean 'summary'?", result.Diagnostics[0].Message);
        Assert.Equal("unknown field 'licence' in site.yml; did you mean 'license'?", result.Diagnostics[1].Message);
        Assert.True(result.Written);
    }

    [Fact]
    public void RS0214_a_source_nothing_cites_is_a_warning()
    {
        using var report = Report(("sources/b.yml", "\nid: b\ntype: report\ntitle: B\n"));
        var result = report.Build();
        Expect(result, DiagnosticCodes.SourceNotCited, "input/sources/b.yml", 2, 5, Severity.Warning, "source 'b' is not cited by any claim");
        Assert.True(result.Written);
    }

    [Theory]
    [InlineData("-bad")]
    [InlineData("a b")]
    [InlineData("bad.")]
    public void RS0215_an_invalid_source_id(string id)
    {
        using var report = Report(("sources/b.yml", $"id: {id}\ntype: report\ntitle: B\n"));
        Expect(report.Build(), DiagnosticCodes.InvalidSourceId, "input/sources/b.yml", 1, 5, Severity.Error, $"source id '{id}' may only hold");
    }

    [Fact]
    public void RS0216_a_sources_file_that_is_a_scalar()
    {
        using var report = Report(("sources/b.yml", "just some text\n"));
        Expect(report.Build(), DiagnosticCodes.InvalidRecordShape, "input/sources/b.yml", 1, 1, Severity.Error,
            "must hold a record (a mapping) or a list of records");
    }

    [Fact]
    public void RS0216_a_sources_file_that_is_a_list_of_scalars_reports_each_item()
    {
        using var report = Report(("sources/b.yml", "- one\n- two\n"));
        var result = report.Build();
        var shapes = result.Diagnostics.Where(d => d.Code == DiagnosticCodes.InvalidRecordShape).ToList();
        Assert.Equal([("input/sources/b.yml", 1, 3), ("input/sources/b.yml", 2, 3)], shapes.Select(d => (d.File, d.Line, d.Column)));
        Assert.All(shapes, d => Assert.Equal(Severity.Error, d.Severity));
        Assert.All(shapes, d => Assert.Contains("each item of a sources file must be a record", d.Message));
        Assert.False(result.Written);
    }

    [Fact]
    public void RS0216_a_single_value_field_with_a_mapping()
    {
        using var report = Report(("sources/a.yml", Record + "publisher:\n  name: Sky\n"));
        Expect(report.Build(), DiagnosticCodes.InvalidRecordShape, RecordPath, 5, 3, Severity.Error, "'publisher' must be a single value");
    }

    // ───────────────────────── RS0301–RS0305: sections ─────────────────────────

    [Fact]
    public void RS0301_a_section_whose_front_matter_has_no_title()
    {
        using var report = Report(("sections/01-a.md", "---\nsummary: S\n---\nA claim [@a].\n"));
        Expect(report.Build(), DiagnosticCodes.SectionMissingTitle, SectionPath, 1, 1, Severity.Error, "section has no title");
    }

    [Fact]
    public void RS0301_a_section_without_front_matter()
    {
        using var report = Report(("sections/01-a.md", "A claim [@a].\n"));
        Expect(report.Build(), DiagnosticCodes.SectionMissingTitle, SectionPath, 1, 1, Severity.Error, "add 'title: …'");
    }

    [Fact]
    public void RS0302_two_sections_with_the_same_slug_from_their_file_names()
    {
        using var report = Report(("sections/02-a.md", "---\ntitle: Second A\n---\nA claim [@a].\n"));
        Expect(report.Build(), DiagnosticCodes.DuplicateSlug, "input/sections/02-a.md", 1, 1, Severity.Error,
            "slug 'a' is already used by input/sections/01-a.md");
    }

    [Fact]
    public void RS0302_two_sections_with_the_same_slug_from_front_matter()
    {
        using var report = Report(("sections/02-b.md", "---\ntitle: B\nslug: a\n---\nA claim [@a].\n"));
        Expect(report.Build(), DiagnosticCodes.DuplicateSlug, "input/sections/02-b.md", 3, 7, Severity.Error,
            "slug 'a' is already used by input/sections/01-a.md");
    }

    [Fact]
    public void RS0302_slugs_that_differ_only_by_case_collide()
    {
        using var report = Report(
            ("sections/01-a.md", "---\ntitle: A\nslug: Intro\n---\nA claim [@a].\n"),
            ("sections/02-intro.md", "---\ntitle: B\n---\nA claim [@a].\n"));
        Expect(report.Build(), DiagnosticCodes.DuplicateSlug, "input/sections/02-intro.md", 1, 1, Severity.Error,
            "slug 'intro' is already used by input/sections/01-a.md");
    }

    [Fact]
    public void RS0303_two_sections_with_the_same_order()
    {
        using var report = Report(("sections/b.md", "---\ntitle: B\norder: 1\n---\nA claim [@a].\n"));
        Expect(report.Build(), DiagnosticCodes.DuplicateOrder, "input/sections/b.md", 3, 8, Severity.Error,
            "order 1 is already used by input/sections/01-a.md");
    }

    [Fact]
    public void RS0303_two_sections_with_the_same_file_name_prefix()
    {
        using var report = Report(("sections/1-b.md", "---\ntitle: B\n---\nA claim [@a].\n"));
        Expect(report.Build(), DiagnosticCodes.DuplicateOrder, "input/sections/1-b.md", 1, 1, Severity.Error,
            "order 1 is already used by input/sections/01-a.md");
    }

    [Fact]
    public void RS0304_front_matter_that_is_not_closed()
    {
        using var report = Report(("sections/01-a.md", "---\ntitle: A\n\nA claim [@a].\n"));
        var result = report.Build();
        Expect(result, DiagnosticCodes.FrontMatterNotClosed, SectionPath, 1, 1, Severity.Error, "front matter is not closed");
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCodes.SectionMissingTitle);
    }

    [Fact]
    public void RS0305_front_matter_that_is_not_a_mapping()
    {
        using var report = Report(("sections/01-a.md", "---\njust a title\n---\nA claim [@a].\n"));
        Expect(report.Build(), DiagnosticCodes.InvalidFrontMatter, SectionPath, 2, 1, Severity.Error, "front matter must be a mapping");
    }

    [Fact]
    public void RS0305_an_order_that_is_not_a_number()
    {
        using var report = Report(("sections/01-a.md", "---\ntitle: A\norder: first\n---\nA claim [@a].\n"));
        Expect(report.Build(), DiagnosticCodes.InvalidFrontMatter, SectionPath, 3, 8, Severity.Error, "'order' must be a number, not 'first'");
    }

    [Theory]
    [InlineData("a b")]
    [InlineData("../x")]
    [InlineData("-a")]
    public void RS0305_an_invalid_slug(string slug)
    {
        using var report = Report(("sections/01-a.md", $"---\ntitle: A\nslug: '{slug}'\n---\nA claim [@a].\n"));
        Expect(report.Build(), DiagnosticCodes.InvalidFrontMatter, SectionPath, 3, 7, Severity.Error, $"slug '{slug}' may only hold");
    }

    [Fact]
    public void RS0306_a_sentence_with_a_figure_that_cites_nothing()
    {
        using var report = Report(("sections/01-a.md", "---\ntitle: A\n---\nA claim [@a]. About 300 people left.\n"));
        var result = report.Build();
        Expect(result, DiagnosticCodes.PossibleUncitedClaim, SectionPath, 4, 15, Severity.Warning, "possible uncited claim", "figure", "<!-- no-cite -->");
        Assert.True(result.Written); // a warning: the site is built
    }

    // ───────────────────────── all problems at once, sorted ─────────────────────────

    [Fact]
    public void Every_problem_of_an_input_is_reported_in_one_run_sorted_by_file_then_position()
    {
        using var report = new TempReport(withSite: false)
            .Write("site.yml", "title: T\nlanguage: en\ndirection: up\n")
            .Write("sources/a.yml", "id: a\ntype: repot\ntitle: A\ndate: 2024-02-30\nurl: javascript:alert(1)\n")
            .Write("sections/02-b.md", "---\ntitle: B\n---\nThree [@a]{#bad id}.\n")
            .Write("sections/01-a.md", "---\ntitle: A\nsumary: x\n---\nOne [@nope]. Two [@].\n");
        var result = report.Build();

        Assert.Equal(
        [
            (SectionPath, 3, 1, DiagnosticCodes.UnknownField),
            (SectionPath, 5, 6, DiagnosticCodes.UnknownSourceKey),
            (SectionPath, 5, 18, DiagnosticCodes.EmptyCitation),
            ("input/sections/02-b.md", 4, 7, DiagnosticCodes.InvalidClaimId),
            (SitePath, 3, 12, DiagnosticCodes.SiteConfigInvalid),
            (RecordPath, 2, 7, DiagnosticCodes.UnknownSourceType),
            (RecordPath, 4, 7, DiagnosticCodes.InvalidDate),
            (RecordPath, 5, 6, DiagnosticCodes.UnsafeUrl),
        ], result.Diagnostics.Select(d => (d.File, d.Line, d.Column, d.Code)));
        Assert.Equal(7, result.ErrorCount);
        Assert.Equal(1, result.WarningCount);
        Assert.False(result.Written);
    }

    // ───────────────────────── RS0010–RS0014: the input and theme folders as listed (part: input) ─────────────────────────

    [Fact]
    public void RS0010_a_section_that_is_a_link_to_a_file_outside_the_input()
    {
        using var report = Report();
        var secret = Path.Combine(report.Root, "secret.md");
        File.WriteAllText(secret, "---\ntitle: Secret\n---\nSecret [@a].\n");
        File.CreateSymbolicLink(Path.Combine(report.Input, "sections", "02-b.md"), secret);

        var error = Expect(report.Build(), DiagnosticCodes.LinkOutsideFolder, "input/sections/02-b.md", 0, 0, Severity.Error,
            $"is a link to '{secret}', outside the folder", "nothing outside it is read");
        Assert.Equal($"input/sections/02-b.md: error RS0010: {error.Message}", error.ToString());
    }

    [Fact]
    public void RS0011_a_dangling_link_in_documents()
    {
        using var report = Report();
        Directory.CreateDirectory(Path.Combine(report.Input, "documents"));
        File.CreateSymbolicLink(Path.Combine(report.Input, "documents", "gone.pdf"), "nowhere.pdf");
        Expect(report.Build(), DiagnosticCodes.BrokenLink, "input/documents/gone.pdf", 0, 0, Severity.Error, "is a link to nothing");
    }

    [Fact]
    public void RS0012_a_fifo_in_sources_is_reported_and_never_opened()
    {
        using var report = Report();
        ReportSite.Tests.Input.Oddities.Fifo(Path.Combine(report.Input, "sources", "pipe.yml"));
        var result = ReportSite.Tests.Input.Oddities.Finishes(report.Check);
        Expect(result, DiagnosticCodes.NotARegularFile, "input/sources/pipe.yml", 0, 0, Severity.Error, "is not a regular file or folder");
    }

    [Fact]
    public void RS0013_a_file_name_with_a_newline_is_shown_escaped()
    {
        using var report = Report(("sections/02-b\nc.md", Section));
        var error = Expect(report.Build(), DiagnosticCodes.ControlCharacterInName, "input/sections/02-b\nc.md", 0, 0, Severity.Error,
            "control character");
        Assert.Equal("input/sections/02-b<U+000A>c.md: error RS0013: the name holds a control character or bytes that are not UTF-8 (shown as <U+…>): rename it",
            error.ToString());
    }

    [Fact]
    public void RS0014_a_document_changed_between_verification_and_copy()
    {
        using var report = Report(("sources/a.yml", Record + "file: documents/a.txt\n"), ("documents/a.txt", "verified"));
        var (error, _) = ReportSite.Tests.Input.InputFolderTests.BuildSwapping(report, "documents/a.txt", path => File.WriteAllText(path, "swapped"));
        Assert.Equal((DiagnosticCodes.InputFileUnreadable, "input/documents/a.txt", 0, 0, Severity.Error),
            (error.Code, error.File, error.Line, error.Column, error.Severity));
        Assert.Contains("changed while the build was reading it", error.Message);
    }

    // ───────────────────────── RS0230–RS0232: sensitivity ─────────────────────────

    [Fact]
    public void RS0230_an_unknown_sensitivity()
    {
        using var report = Report(("sources/a.yml", Record + "sensitivity: secret\n"));
        Expect(report.Build(), DiagnosticCodes.UnknownSensitivity, RecordPath, 4, 14, Severity.Error,
            "unknown sensitivity 'secret'", "(one of: public, withheld)");
    }

    [Fact]
    public void RS0231_a_withheld_source_without_a_reason()
    {
        using var report = Report(("sources/a.yml", Record + "sensitivity: withheld\n"));
        Expect(report.Build(), DiagnosticCodes.WithheldWithoutReason, RecordPath, 4, 14, Severity.Error,
            "a withheld source needs 'withheld_reason'");
    }

    [Theory]
    [InlineData("file")]
    [InlineData("capture")]
    public void RS0232_a_public_record_publishing_a_file_another_withholds(string key)
    {
        using var report = Report(
            ("sources/a.yml", Record + $"{key}: documents/x.pdf\n"),
            ("sources/b.yml", "id: b\ntype: document\ntitle: B\nfile: documents/x.pdf\nsensitivity: withheld\nwithheld_reason: R\n"),
            ("sections/01-a.md", Section + "\nAnother [@b].\n"),
            ("documents/x.pdf", "%PDF"));
        Expect(report.Build(), DiagnosticCodes.WithheldFilePublished, RecordPath, 4, key.Length + 3, Severity.Error,
            "'documents/x.pdf' is withheld by source 'b'");
    }

    // ───────────────────────── RS0240–RS0245: corrections.yml ─────────────────────────

    private const string CorrectionsPath = "input/corrections.yml";
    // A section whose claim has an explicit id, for corrections to name.
    private const string SectionWithId = "---\ntitle: A\n---\nA claim [@a]{#handover}.\n";

    [Fact]
    public void RS0240_a_corrections_file_that_is_not_a_list()
    {
        using var report = Report(("corrections.yml", "date: 2024-03-05\nsection: a\ntext: T\n"));
        Expect(report.Build(), DiagnosticCodes.CorrectionsNotAList, CorrectionsPath, 1, 1, Severity.Error, "must be a list of corrections");
    }

    [Fact]
    public void RS0240_an_entry_that_is_not_a_mapping()
    {
        using var report = Report(("corrections.yml", "- date: 2024-03-05\n  section: a\n  text: T\n- just words\n"));
        Expect(report.Build(), DiagnosticCodes.CorrectionsNotAList, CorrectionsPath, 4, 3, Severity.Error, "each correction must be a mapping");
    }

    [Theory]
    [InlineData("2024-02-30")]
    [InlineData("2024-03")]
    [InlineData("5 March 2024")]
    public void RS0241_a_correction_date_that_is_not_a_full_date(string date)
    {
        using var report = Report(("corrections.yml", $"- section: a\n  date: {date}\n  text: T\n"));
        Expect(report.Build(), DiagnosticCodes.CorrectionDateInvalid, CorrectionsPath, 2, 9, Severity.Error, $"not '{date}'", "YYYY-MM-DD");
    }

    [Fact]
    public void RS0241_a_correction_without_a_date_is_reported_at_the_entry()
    {
        using var report = Report(("corrections.yml", "- section: a\n  text: T\n"));
        Expect(report.Build(), DiagnosticCodes.CorrectionDateInvalid, CorrectionsPath, 1, 3, Severity.Error, "needs 'date'");
    }

    [Fact]
    public void RS0242_a_correction_naming_neither_claim_nor_section()
    {
        using var report = Report(("corrections.yml", "- date: 2024-03-05\n  text: T\n"));
        Expect(report.Build(), DiagnosticCodes.CorrectionTargetInvalid, CorrectionsPath, 1, 3, Severity.Error, "needs 'claim'", "or 'section'");
    }

    [Fact]
    public void RS0242_a_correction_naming_both_is_reported_at_the_section()
    {
        using var report = Report(("sections/01-a.md", SectionWithId),
            ("corrections.yml", "- date: 2024-03-05\n  claim: handover\n  section: a\n  text: T\n"));
        Expect(report.Build(), DiagnosticCodes.CorrectionTargetInvalid, CorrectionsPath, 3, 12, Severity.Error, "names both 'claim' and 'section'");
    }

    [Fact]
    public void RS0243_a_correction_without_text()
    {
        using var report = Report(("corrections.yml", "- date: 2024-03-05\n  section: a\n"));
        Expect(report.Build(), DiagnosticCodes.CorrectionTextMissing, CorrectionsPath, 1, 3, Severity.Error, "needs 'text'");
    }

    [Fact]
    public void RS0244_a_correction_of_an_unknown_claim_with_a_suggestion()
    {
        using var report = Report(("sections/01-a.md", SectionWithId),
            ("corrections.yml", "- date: 2024-03-05\n  claim: handovr\n  text: T\n"));
        var error = Expect(report.Build(), DiagnosticCodes.CorrectionUnknownClaim, CorrectionsPath, 2, 10, Severity.Error,
            "unknown claim 'handovr'", "give a claim you correct an explicit id");
        ExpectHint(error, "handover");
    }

    [Fact]
    public void RS0245_a_correction_of_an_unknown_section_with_a_suggestion()
    {
        using var report = Report(("sections/01-a.md", "---\ntitle: A\nslug: alpha\n---\nA claim [@a].\n"),
            ("corrections.yml", "- date: 2024-03-05\n  section: alpa\n  text: T\n"));
        var error = Expect(report.Build(), DiagnosticCodes.CorrectionUnknownSection, CorrectionsPath, 2, 12, Severity.Error, "unknown section 'alpa'");
        ExpectHint(error, "alpha");
    }

    // ───────────────────────── RS0221–RS0223: derived_from ─────────────────────────

    [Fact]
    public void RS0221_derived_from_an_unknown_source_with_a_suggestion()
    {
        using var report = Report(("sources/a.yml", Record + "derived_from: [archiv]\n"), ("sources/b.yml", "id: archive\ntype: report\ntitle: Archive\n"));
        var error = Expect(report.Build(), DiagnosticCodes.UnknownDerivedFrom, RecordPath, 4, 15, Severity.Error, "derived_from names unknown source 'archiv'");
        ExpectHint(error, "archive");
    }

    [Fact]
    public void RS0222_a_record_derived_from_itself()
    {
        using var report = Report(("sources/a.yml", Record + "derived_from: a\n"));
        var result = report.Build();
        Expect(result, DiagnosticCodes.DerivedFromSelf, RecordPath, 4, 15, Severity.Error, "'a' is derived_from itself");
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCodes.DerivedFromCycle);
    }

    [Fact]
    public void RS0223_a_derived_from_cycle_of_three_records_is_reported_once_with_its_path()
    {
        using var report = Report(
            ("sources/a.yml", "- id: a\n  type: report\n  title: A\n  derived_from: b\n- id: b\n  type: report\n  title: B\n  derived_from: [c]\n"
                + "- id: c\n  type: report\n  title: C\n  derived_from: a\n"),
            ("sections/01-a.md", "---\ntitle: A\n---\nA claim [@a; @b; @c].\n"));
        Expect(report.Build(), DiagnosticCodes.DerivedFromCycle, RecordPath, 12, 17, Severity.Error, "derived_from forms a cycle: a → b → c → a");
    }

    [Fact]
    public void RS0223_a_cycle_closed_by_part_of_is_reported_at_its_derived_from_link()
    {
        using var report = Report(
            ("sources/a.yml", "- id: a\n  type: report\n  title: A\n  derived_from: b\n- id: b\n  type: collection\n  title: B\n  part_of: a\n"),
            ("sections/01-a.md", "---\ntitle: A\n---\nA claim [@a; @b].\n"));
        var result = report.Build();
        Expect(result, DiagnosticCodes.DerivedFromCycle, RecordPath, 4, 17, Severity.Error, "derived_from forms a cycle: a → b → a");
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCodes.ParentCycle);
    }

    // ───────────────────────── RS0220: look-alike ids (hardening: what the terminal shows) ─────────────────────────

    [Fact]
    public void RS0220_a_source_id_that_looks_like_another_is_a_warning_naming_both_and_their_code_points()
    {
        // Cyrillic 'а' (U+0430) in the second id.
        using var report = Report(
            ("sources/b.yml", "id: paypal\ntype: report\ntitle: B\n"),
            ("sources/c.yml", "id: p\u0430ypal\ntype: report\ntitle: C\n"),
            ("sections/01-a.md", "---\ntitle: A\n---\nOne [@a]. Two [@paypal]. Three [@p\u0430ypal].\n"));
        var result = report.Build();
        Expect(result, DiagnosticCodes.LookAlikeId, "input/sources/c.yml", 1, 5, Severity.Warning,
            "source id 'p\u0430ypal' looks like source id 'paypal' at input/sources/b.yml(1,5): 'p\u0430ypal' has U+0430 where 'paypal' has U+0061");
        Assert.True(result.Succeeded);
    }

    // ═════════════ Output folder (issue #8, "output" part): RS0005 for the theme, RS0007, RS0008, RS0009 ═════════════
    // More in tests/ReportSite.Tests/Output/ (every kind of foreign folder, full disk, read-only disk, signals).

    [Fact]
    public void RS0005_the_output_folder_is_the_theme_folder()
    {
        using var report = Report();
        var result = ReportBuilder.Run(new BuildOptions("input", Repo.Theme, Repo.Theme, report.Root));
        Expect(result, DiagnosticCodes.OutputInsideInput, Path.GetRelativePath(report.Root, Repo.Theme), 0, 0, Severity.Error,
            "must not be the theme folder or inside it");
        Assert.True(File.Exists(Path.Combine(Repo.Theme, "layouts", "base.html")));
    }

    [Fact]
    public void RS0007_the_output_folder_holds_files_and_is_not_a_site_reportsite_wrote()
    {
        using var report = Report();
        Directory.CreateDirectory(Path.Combine(report.Root, "home"));
        File.WriteAllText(Path.Combine(report.Root, "home", "notes.txt"), "mine");
        var result = ReportBuilder.Run(new BuildOptions("input", "home", Repo.Theme, report.Root));

        Expect(result, DiagnosticCodes.OutputNotASite, "home", 0, 0, Severity.Error,
            "not empty and is not a site written by reportsite (it has no .reportsite file)");
        Assert.Equal(["notes.txt"], Directory.EnumerateFileSystemEntries(Path.Combine(report.Root, "home")).Select(Path.GetFileName));
    }

    [Fact]
    public void RS0007_the_output_path_is_a_file()
    {
        using var report = Report();
        File.WriteAllText(Path.Combine(report.Root, "_site"), "mine");
        Expect(report.Build(), DiagnosticCodes.OutputNotASite, "_site", 0, 0, Severity.Error, "the output path is a file, not a folder");
        Assert.Equal("mine", File.ReadAllText(Path.Combine(report.Root, "_site")));
    }

    [Fact]
    public void RS0008_the_site_cannot_be_written()
    {
        using var report = Report();
        // A real write failure that stops root too: a file where the output's parent folder should be.
        File.WriteAllText(Path.Combine(report.Root, "file"), "mine");
        var result = ReportBuilder.Run(new BuildOptions("input", "file/_site", Repo.Theme, report.Root));

        Expect(result, DiagnosticCodes.OutputWriteFailed, "file/_site", 0, 0, Severity.Error, "could not write the site: ",
            "the previous site was left as it was");
        Assert.Equal("mine", File.ReadAllText(Path.Combine(report.Root, "file")));
    }

    [Fact]
    public void RS0009_another_build_is_writing_the_output_folder()
    {
        using var report = Report();
        using var other = ReportSite.Output.OutputFolder.Lock(report.Output);
        Expect(report.Build(), DiagnosticCodes.OutputLocked, "_site", 0, 0, Severity.Error, "another build is writing this output folder");
        Assert.False(Directory.Exists(report.Output));
    }

    // ───────────────────────── raw HTML read as a browser reads the page (RS0105, RS0106, RS0108, RS0109) ─────────────────────────

    [Fact]
    public void RS0105_a_refused_url_in_an_iframe_srcdoc_is_refused()
    {
        using var report = Report(("sections/01-a.md", "---\ntitle: A\n---\nA claim [@a].\n\n<iframe srcdoc=\"&lt;a href='javascript:alert(1)'&gt;x&lt;/a&gt;\"></iframe>\n"));
        Expect(report.Build(), DiagnosticCodes.UnsafeMarkdownUrl, SectionPath, 6, 1, Severity.Error, "in <iframe srcdoc>: raw HTML attribute 'href'", "'javascript:'");
    }

    [Fact]
    public void RS0106_an_element_after_a_comment_closed_with_bang_is_read()
    {
        using var report = Report(("sections/01-a.md", "---\ntitle: A\n---\nA claim [@a]. <!-- x --!><img src=x onerror=alert(1)> -->\n"));
        var result = report.Build();
        Expect(result, DiagnosticCodes.ScriptInMarkdown, SectionPath, 4, 26, Severity.Warning, "event handler 'onerror'");
        Assert.True(result.Written);
    }

    [Fact]
    public void RS0108_an_unclosed_textarea_swallows_the_rest_of_the_page()
    {
        using var report = Report(("sections/01-a.md", "---\ntitle: A\n---\nA claim [@a].\n\n- item\n- <textarea>\n"));
        Expect(report.Build(), DiagnosticCodes.RawHtmlSwallowsPage, SectionPath, 7, 3, Severity.Error,
            "raw HTML <textarea> is never closed: the rest of the page would be read as its text");
    }

    [Fact]
    public void RS0109_an_unclosed_div_takes_in_the_pages_own_markup()
    {
        using var report = Report(("sections/01-a.md", "---\ntitle: A\n---\nA claim [@a].\n\n<div class=\"box\">\n\nMore text.\n"));
        var result = report.Build();
        Expect(result, DiagnosticCodes.RawHtmlOutsideSection, SectionPath, 6, 1, Severity.Warning,
            "raw HTML <div> is never closed: the page's own markup after the section would be inside it");
        Assert.True(result.Written);
    }

    // ───────────────────────── RS0110–RS0112: citations as Pandoc reads them, none lost in silence ─────────────────────────

    [Fact]
    public void RS0110_a_key_in_a_bracket_that_is_no_citation_group_is_reported_with_the_reason()
    {
        // "see below" has no key, so the bracket is not a group, and 'sky' names no record, so it is not read in the text either.
        using var report = Report(("sections/01-a.md", "---\ntitle: A\n---\nA claim [@a].\n\nMore [@sky; see below].\n"));
        var result = report.Build();
        Expect(result, DiagnosticCodes.CitationNotRead, SectionPath, 6, 7, Severity.Warning,
            "'@sky' is not read as a citation here:", "the part 'see below' between ';' has no @key");
        Assert.True(result.Written);
    }

    [Fact]
    public void RS0110_a_citation_in_a_links_text_is_reported()
    {
        using var report = Report(("sections/01-a.md", "---\ntitle: A\n---\nA claim [@a].\n\nSee [the report @a](https://example.org/r).\n"));
        Expect(report.Build(), DiagnosticCodes.CitationNotRead, SectionPath, 6, 17, Severity.Warning,
            "'@a' is not read as a citation here: it is in a link's text");
    }

    [Fact]
    public void RS0111_an_in_text_key_one_typo_away_from_a_record_id_is_reported_with_the_id()
    {
        using var report = Report(
            ("sources/a.yml", "id: ashraf\ntype: interview\ntitle: Interview\nauthor: Afzal Ashraf\n"),
            ("sections/01-a.md", "---\ntitle: A\n---\nAs @ashraf says, it may take twenty years [@ashraf].\nAnd @ashraff adds more.\n"));
        var result = report.Build();
        var warning = Expect(result, DiagnosticCodes.InTextKeyNearMiss, SectionPath, 5, 5, Severity.Warning,
            "'@ashraff' is not a source id, so it stays text");
        Assert.Contains("did you mean '@ashraf'?", warning.Message);
        Assert.True(result.Written);
    }

    [Fact]
    public void RS0112_a_braced_key_that_no_record_id_can_be()
    {
        using var report = Report(("sections/01-a.md", "---\ntitle: A\n---\nA claim [@a]. Another [see @{Doe, 2020}].\n"));
        Expect(report.Build(), DiagnosticCodes.InvalidBracedKey, SectionPath, 4, 28, Severity.Error,
            "'@{Doe, 2020}' cannot name a source: a source id holds only letters, digits and - _ . :");
    }

    // ───────────────────────── RS0406: interface strings missing for the report's language ─────────────────────────

    [Fact]
    public void RS0406_interface_strings_missing_from_the_reports_language_are_named_and_shown_in_english()
    {
        using var report = Report(("site.yml", "title: T\nlanguage: ar\n"));
        var theme = Path.Combine(report.Root, "theme");
        Themes.CopyDefault(theme);
        var arabic = Path.Combine(theme, "i18n", "ar.yml");
        File.WriteAllLines(arabic, File.ReadAllLines(arabic).Where(l => !l.StartsWith("cited_by:", StringComparison.Ordinal) && !l.StartsWith("previous:", StringComparison.Ordinal)));
        var result = ReportBuilder.Run(new BuildOptions(report.Input, report.Output, theme, report.Root));
        Expect(result, DiagnosticCodes.UiStringsUntranslated, "theme/i18n/ar.yml", 0, 0, Severity.Warning,
            "2 interface string(s) missing for 'ar', shown in English: cited_by, previous");
        Assert.True(result.Written);
        Assert.Contains("Cited by", File.ReadAllText(Path.Combine(report.Output, "sources", "a.html")));
    }

    // ───────────────────────── hardening (no input crashes or hangs): RS0015–RS0018, RS0401–RS0405 ─────────────────────────

    [Fact]
    public void RS0015_yaml_nested_past_64_levels_is_reported_at_the_list_that_goes_past()
    {
        using var report = Report(("site.yml", "title: " + new string('[', 100_000) + "\n"));
        Expect(report.Check(), DiagnosticCodes.YamlTooDeep, SitePath, 1, 71, Severity.Error, "nested more than 64 deep");
    }

    [Fact]
    public void RS0016_markdown_nested_past_the_parsers_limit_is_reported_where_it_goes_past()
    {
        using var report = Report(("sections/01-a.md", "---\ntitle: A\n---\n" + new string('>', 300) + " A claim [@a].\n"));
        Expect(report.Check(), DiagnosticCodes.MarkdownTooDeep, SectionPath, 4, 128, Severity.Error, "nested too deeply");
    }

    [Fact]
    public void RS0017_a_source_id_too_long_for_a_file_name()
    {
        var id = new string('ب', 126); // 252 bytes, 257 with ".html"
        using var report = Report(("sources/b.yml", $"id: {id}\ntype: report\ntitle: B\n"), ("sections/02-b.md", $"---\ntitle: B\n---\nB [@{id}].\n"));
        Expect(report.Build(), DiagnosticCodes.OutputNameTooLong, "input/sources/b.yml", 1, 5, Severity.Error, "257 bytes", "at most 255");
    }

    [Fact]
    public void RS0018_a_source_id_that_takes_the_sources_index_page()
    {
        using var report = Report(("sources/b.yml", "id: Index\ntype: report\ntitle: B\n"), ("sections/02-b.md", "---\ntitle: B\n---\nB [@Index].\n"));
        Expect(report.Build(), DiagnosticCodes.OutputCollision, "input/sources/b.yml", 1, 5, Severity.Error, "'sources/Index.html'", "ignoring case");
    }

    private static string CopyTheme(TempReport report) => Themes.CopyDefault(Path.Combine(report.Root, "theme"));

    private static BuildResult BuildWithTheme(TempReport report, string theme) =>
        ReportBuilder.Run(new BuildOptions(report.Input, report.Output, theme, report.Root));

    [Fact]
    public void RS0401_a_theme_folder_that_does_not_exist()
    {
        using var report = Report();
        Expect(BuildWithTheme(report, Path.Combine(report.Root, "no-theme")), DiagnosticCodes.ThemeFolderMissing, "no-theme", 0, 0,
            Severity.Error, "theme folder not found");
    }

    [Fact]
    public void RS0402_a_template_syntax_error_at_its_line_and_column()
    {
        using var report = Report();
        var theme = CopyTheme(report);
        File.WriteAllText(Path.Combine(theme, "layouts", "index.html"), "<main>\n{{ for }}\n</main>\n");
        var result = BuildWithTheme(report, theme);
        var error = result.Diagnostics.First(d => d.Code == DiagnosticCodes.TemplateSyntax);
        Assert.Equal(("theme/layouts/index.html", 2, 8), (error.File, error.Line, error.Column));
        Assert.False(result.Written);
    }

    [Fact]
    public void RS0403_interface_strings_that_are_not_a_mapping_of_texts()
    {
        using var report = Report();
        var theme = CopyTheme(report);
        File.WriteAllText(Path.Combine(theme, "i18n", "en.yml"), "contents: Contents\nsources: [a, b]\n");
        Expect(BuildWithTheme(report, theme), DiagnosticCodes.ThemeStringsInvalid, "theme/i18n/en.yml", 2, 10, Severity.Error, "name: text");
    }

    [Fact]
    public void RS0404_a_theme_without_a_base_layout()
    {
        using var report = Report();
        var theme = CopyTheme(report);
        File.Delete(Path.Combine(theme, "layouts", "base.html"));
        Expect(BuildWithTheme(report, theme), DiagnosticCodes.LayoutMissing, "theme/layouts", 0, 0, Severity.Error, "base.html");
    }

    [Theory]
    [InlineData("citation")]
    [InlineData("claim")]
    public void RS0404_a_theme_of_ones_own_without_the_citation_or_claim_partial(string partial)
    {
        // --theme replaces the default theme whole: there is no other markup to fall back on.
        using var report = Report();
        var theme = CopyTheme(report);
        File.Delete(Path.Combine(theme, "layouts", "partials", partial + ".html"));
        Expect(BuildWithTheme(report, theme), DiagnosticCodes.LayoutMissing, "theme/layouts", 0, 0, Severity.Error, $"layouts/partials/{partial}.html");
    }

    [Fact]
    public void RS0404_not_for_a_report_theme_folder_without_the_partials_it_is_layered_over_the_base_theme()
    {
        using var report = Report(("theme/layouts/partials/badge.html", "{{ badge_status }}"));
        var result = report.Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Contains("class=\"claim", File.ReadAllText(Path.Combine(report.Output, "sections", "a.html")));
    }

    [Theory]
    [InlineData("<span class=\"claim\" id=\"{{ claim.anchor }}\"></span>", "nowhere")]
    [InlineData("<span class=\"claim\" id=\"{{ claim.anchor }}\">{{ claim.content }}{{ claim.content }}</span>", "more than once")]
    [InlineData("{{ if !claim.weakly_sourced }}<span id=\"{{ claim.anchor }}\">{{ claim.content }}</span>{{ end }}", "nowhere")]
    public void RS0407_a_claim_partial_that_does_not_write_the_content_exactly_once(string partial, string says)
    {
        using var report = Report();
        var theme = CopyTheme(report);
        File.WriteAllText(Path.Combine(theme, "layouts", "partials", "claim.html"), partial);
        Expect(BuildWithTheme(report, theme), DiagnosticCodes.ClaimContentNotOnce, "theme/layouts/partials/claim.html", 0, 0, Severity.Error,
            says, "claim.content", "exactly once");
    }

    [Fact]
    public void RS0405_an_include_outside_the_themes_layouts_is_refused_where_it_stands()
    {
        using var report = Report();
        var theme = CopyTheme(report);
        File.WriteAllText(Path.Combine(theme, "layouts", "base.html"), "{{ content }}");
        File.WriteAllText(Path.Combine(theme, "layouts", "page.html"), "<p>\n  {{ include '/etc/passwd' }}\n");
        var renderer = Themes.Renderer(theme, report.Root);
        // Rendering happens in the Output phase: the error is thrown as a DiagnosticException for ReportBuilder to report.
        var error = Assert.Throws<DiagnosticException>(() =>
            renderer.Render("page", new { Title = "t" }, new System.Buffers.ArrayBufferWriter<byte>())).Diagnostic;
        Assert.Equal((DiagnosticCodes.TemplateRuntime, "theme/layouts/page.html", 2, 6), (error.Code, error.File, error.Line, error.Column));
        Assert.Contains("relative to the theme's layouts/ folder", error.Message);
    }

    // ───────────────────────── meta: every code has a test here ─────────────────────────

    [Fact]
    public void Every_diagnostic_code_has_a_test_in_this_file_that_is_not_skipped()
    {
        var source = File.ReadAllText(Path.Combine(Repo.Root, "tests", "ReportSite.Tests", "Diagnostics", "EveryCodeTests.cs"));
        // One chunk per test: from its [Fact]/[Theory] attribute to the next one.
        var tests = Regex.Split(source, @"(?=^\s*\[(?:Fact|Theory)\b)", RegexOptions.Multiline)
            .Skip(1)
            .Where(chunk => !Regex.IsMatch(chunk, @"^\s*\[(?:Fact|Theory)\s*\(\s*Skip\s*="))
            .ToList();
        Assert.True(tests.Count > 40, $"only {tests.Count} tests found: is the file where this test expects it?");

        var codes = typeof(DiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => f.Name).ToList();
        Assert.NotEmpty(codes);
        var untested = codes.Where(name => !tests.Any(t => Regex.IsMatch(t, $@"\bDiagnosticCodes\.{name}\b"))).ToList();
        Assert.True(untested.Count == 0, "codes without a (non-skipped) test in EveryCodeTests: " + string.Join(", ", untested));
    }
}
