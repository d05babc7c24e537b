using ReportSite.Diagnostics;
using ReportSite.Tests.Support;

namespace ReportSite.Tests.Diagnostics;

/// <summary>The diagnostics the foundation promises: located, coded, all reported, and no output on error.</summary>
public sealed class BuildDiagnosticsTests
{
    private const string Record = "id: sky-news-investigation\ntype: report\ntitle: Investigation\n";

    [Fact]
    public void An_unknown_key_is_an_error_at_its_line_and_column_with_a_suggestion()
    {
        using var report = new TempReport()
            .Write("sources/sky.yml", Record)
            .Write("sections/03-palmyra.md", "---\ntitle: Palmyra\n---\n\nFirst claim [@sky-news-investigation].\nThe city was handed over [see @sky-newz].\n");
        var result = report.Build();

        var error = result.Single(DiagnosticCodes.UnknownSourceKey, "input/sections/03-palmyra.md", 6, 31);
        Assert.Equal(Severity.Error, error.Severity);
        Assert.Contains("'sky-newz'", error.Message);
        Assert.Contains("did you mean 'sky-news-investigation'?", error.Message);
        Assert.Equal("input/sections/03-palmyra.md(6,31): error RS0101: unknown source key 'sky-newz'; did you mean 'sky-news-investigation'?", error.ToString());
        Assert.False(result.Written);
        Assert.False(Directory.Exists(report.Output));
    }

    [Fact]
    public void Every_problem_is_reported_in_one_run_sorted_by_file_and_position()
    {
        using var report = new TempReport()
            .Write("sources/sky.yml", Record)
            .Write("sections/02-b.md", "---\ntitle: B\n---\nOne [@nope-1]. Two [@nope-2].\n")
            .Write("sections/01-a.md", "---\ntitle: A\n---\nThree [@nope-3].\n");
        var result = report.Build();

        var unknown = result.Diagnostics.Where(d => d.Code == DiagnosticCodes.UnknownSourceKey).ToList();
        Assert.Equal(["input/sections/01-a.md(4,8)", "input/sections/02-b.md(4,6)", "input/sections/02-b.md(4,21)"],
            unknown.Select(d => $"{d.File}({d.Line},{d.Column})"));
    }

    [Fact]
    public void A_missing_part_of_parent_is_an_error_at_the_part_of_value()
    {
        using var report = new TempReport()
            .Write("sources/docs.yml", "- id: doc-1\n  type: document\n  title: One\n  part_of: leaked-filez\n- id: leaked-files\n  type: collection\n  title: Files\n")
            .Write("sections/01-a.md", "---\ntitle: A\n---\nClaim [@doc-1].\n");
        var result = report.Build();

        var error = result.Single(DiagnosticCodes.UnknownParent, "input/sources/docs.yml", 4, 12);
        Assert.Contains("did you mean 'leaked-files'?", error.Message);
        Assert.False(result.Written);
    }

    [Fact]
    public void Two_claims_with_the_same_explicit_id_are_an_error_at_the_second()
    {
        using var report = new TempReport()
            .Write("sources/sky.yml", Record)
            .Write("sections/01-a.md", "---\ntitle: A\n---\nFirst [@sky-news-investigation]{#handover}.\n")
            .Write("sections/02-b.md", "---\ntitle: B\n---\n\nSecond [@sky-news-investigation]{#handover}.\n");
        var result = report.Build();

        var error = result.Single(DiagnosticCodes.DuplicateClaimId, "input/sections/02-b.md", 5, 8);
        Assert.Contains("input/sections/01-a.md(4,7)", error.Message);
        Assert.False(result.Written);
    }

    [Fact]
    public void A_source_nothing_cites_is_a_warning_and_the_build_still_succeeds()
    {
        using var report = new TempReport()
            .Write("sources/sky.yml", Record + "---\n")
            .Write("sources/unused.yml", "id: unused\ntype: other\ntitle: Unused\n")
            .Write("sections/01-a.md", "---\ntitle: A\n---\nClaim [@sky-news-investigation].\n");
        var result = report.Build();

        var warning = result.Single(DiagnosticCodes.SourceNotCited, "input/sources/unused.yml", 1, 5);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.True(result.Succeeded);
        Assert.True(result.Written);
        Assert.True(File.Exists(Path.Combine(report.Output, "sources", "unused.html")));
    }

    [Fact]
    public void A_failed_build_leaves_the_previous_site_untouched()
    {
        using var report = new TempReport()
            .Write("sources/sky.yml", Record)
            .Write("sections/01-a.md", "---\ntitle: A\n---\nClaim [@sky-news-investigation].\n");
        Assert.True(report.Build().Written);
        var before = report.ReadOutput("sections/a.html");

        report.Write("sections/01-a.md", "---\ntitle: A changed\n---\nClaim [@missing].\n");
        var failed = report.Build();

        Assert.False(failed.Succeeded);
        Assert.Equal(before, report.ReadOutput("sections/a.html"));
        // No staging folder is left behind next to the site.
        Assert.Equal([".reportsite-cache", "_site", "input"], Directory.EnumerateFileSystemEntries(report.Root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_successful_rebuild_replaces_the_site_and_removes_stale_pages()
    {
        using var report = new TempReport()
            .Write("sources/sky.yml", Record)
            .Write("sections/01-a.md", "---\ntitle: A\n---\nClaim [@sky-news-investigation].\n")
            .Write("sections/02-b.md", "---\ntitle: B\n---\nClaim [@sky-news-investigation].\n");
        Assert.True(report.Build().Written);
        File.Delete(Path.Combine(report.Input, "sections", "02-b.md"));

        Assert.True(report.Build().Written);
        Assert.False(File.Exists(Path.Combine(report.Output, "sections", "b.html")));
        Assert.True(File.Exists(Path.Combine(report.Output, "sections", "a.html")));
    }

    [Fact]
    public void Record_positions_are_exact_inside_a_multi_record_file()
    {
        using var report = new TempReport()
            .Write("sources/many.yml", "- id: a\n  type: report\n  title: A\n- id: b\n  type: reprot\n  title: B\n")
            .Write("sections/01-a.md", "---\ntitle: A\n---\nClaim [@a; @b].\n");
        var result = report.Build();

        var error = result.Single(DiagnosticCodes.UnknownSourceType, "input/sources/many.yml", 5, 9);
        Assert.Contains("did you mean 'report'?", error.Message);
    }

    [Fact]
    public void A_duplicate_source_id_across_files_is_an_error_pointing_at_the_first()
    {
        using var report = new TempReport()
            .Write("sources/a.yml", Record)
            .Write("sources/b.yml", "\n" + Record)
            .Write("sections/01-a.md", "---\ntitle: A\n---\nClaim [@sky-news-investigation].\n");
        var result = report.Build();

        var error = result.Single(DiagnosticCodes.DuplicateSourceId, "input/sources/b.yml", 2, 5);
        Assert.Contains("input/sources/a.yml(1,5)", error.Message);
    }

    [Fact]
    public void A_sha256_that_does_not_match_the_file_is_an_error()
    {
        using var report = new TempReport()
            .Write("documents/letter.txt", "the letter")
            .Write("sources/letter.yml", "id: letter\ntype: letter\ntitle: Letter\nfile: documents/letter.txt\nsha256: " + new string('0', 64) + "\n")
            .Write("sections/01-a.md", "---\ntitle: A\n---\nClaim [@letter].\n");
        var result = report.Build();

        var error = result.Single(DiagnosticCodes.Sha256Mismatch, "input/sources/letter.yml", 5, 9);
        var actual = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("the letter"u8.ToArray()));
        Assert.Contains(actual, error.Message);
    }

    [Fact]
    public void A_file_outside_the_input_folder_is_refused()
    {
        using var report = new TempReport()
            .Write("sources/x.yml", "id: x\ntype: document\ntitle: X\nfile: ../secret.txt\n")
            .Write("sections/01-a.md", "---\ntitle: A\n---\nClaim [@x].\n");
        File.WriteAllText(Path.Combine(report.Root, "secret.txt"), "secret");
        var result = report.Build();

        result.Single(DiagnosticCodes.FileOutsideInput, "input/sources/x.yml", 4, 7);
        Assert.False(result.Written);
    }

    [Fact]
    public void An_interrupted_build_leaves_the_previous_site_and_no_staging_folder()
    {
        using var report = new TempReport()
            .Write("sources/sky.yml", Record)
            .Write("sections/01-a.md", "---\ntitle: A\n---\nClaim [@sky-news-investigation].\n");
        Assert.True(report.Build().Written);
        var before = report.ReadOutput("sections/a.html");
        report.Write("sections/01-a.md", "---\ntitle: Changed\n---\nClaim [@sky-news-investigation].\n");

        using var interrupted = new CancellationTokenSource();
        interrupted.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() =>
            ReportSite.Build.ReportBuilder.Run(new ReportSite.Build.BuildOptions(report.Input, report.Output, Repo.Theme, report.Root), interrupted.Token));

        Assert.Equal(before, report.ReadOutput("sections/a.html"));
        Assert.Equal([".reportsite-cache", "_site", "input"], Directory.EnumerateFileSystemEntries(report.Root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_rebuild_with_nothing_changed_writes_no_file_and_a_change_rewrites_only_what_it_affects()
    {
        using var report = new TempReport()
            .Write("sources/sky.yml", Record)
            .Write("sections/01-a.md", "---\ntitle: A\n---\nClaim [@sky-news-investigation].\n")
            .Write("sections/02-b.md", "---\ntitle: B\n---\nOther [@sky-news-investigation].\n");
        var first = report.Build();
        Assert.True(first.Stats.FilesWritten > 5);
        Assert.Equal(0, first.Stats.FilesUnchanged);

        var second = report.Build();
        Assert.Equal(0, second.Stats.FilesWritten);
        Assert.Equal(first.Stats.FilesWritten, second.Stats.FilesUnchanged);

        // Editing section B's text changes its page, the source page that lists its claim, the JSON and CSV exports and
        // report.html (the whole report on one page), manifest.json, which lists their hashes, and the claims ledger
        // views that list the claim: the ledger, B's view, and (its one source is unverified) weak and single origin;
        // and the search index's one shard, its positions file and one document chunk (the index file itself does not change).
        report.Write("sections/02-b.md", "---\ntitle: B\n---\nOther words [@sky-news-investigation].\n");
        var third = report.Build();
        Assert.Equal(15, third.Stats.FilesWritten);
        Assert.Contains("Other words", report.ReadOutput("search/d/0.js"));
        Assert.Contains("Other words", report.ReadOutput("claims.csv"));
        Assert.Contains("Other words", report.ReadOutput("claims/sections/b.html"));
        Assert.Contains("Other words", report.ReadOutput("report.html"));
        Assert.Contains("Other words", report.ReadOutput("sections/b.html"));
        Assert.Contains("Other words", report.ReadOutput("sources/sky-news-investigation.html"));
    }

    [Fact]
    public void The_build_cache_lives_beside_the_site_and_a_hand_edited_site_is_rebuilt()
    {
        using var report = new TempReport()
            .Write("sources/sky.yml", Record)
            .Write("sections/01-a.md", "---\ntitle: A\n---\nClaim [@sky-news-investigation].\n");
        var first = report.Build();
        Assert.False(first.UpToDate);
        Assert.False(File.Exists(Path.Combine(report.Output, ".reportsite-cache")));
        Assert.True(File.Exists(Path.Combine(report.Root, ".reportsite-cache", "_site.json")));

        Assert.True(report.Build().UpToDate);

        // Someone edits the published site by hand: the next build must not trust the cache.
        File.AppendAllText(Path.Combine(report.Output, "sections", "a.html"), "<!-- edited -->");
        var rebuilt = report.Build();
        Assert.False(rebuilt.UpToDate);
        Assert.DoesNotContain("edited", report.ReadOutput("sections/a.html"));

        // A theme or option change is a change too.
        var strict = ReportSite.Build.ReportBuilder.Run(new ReportSite.Build.BuildOptions(report.Input, report.Output, Repo.Theme, report.Root, Strict: true));
        Assert.False(strict.UpToDate);
    }
}
