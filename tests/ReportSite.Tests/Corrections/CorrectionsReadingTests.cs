using ReportSite.Corrections;
using ReportSite.Diagnostics;
using ReportSite.Site;
using ReportSite.Tests.Support;

namespace ReportSite.Tests.Corrections;

/// <summary>input/corrections.yml read and checked against the report (the codes themselves: EveryCodeTests).</summary>
public sealed class CorrectionsReadingTests
{
    private const string File = "input/corrections.yml";

    [Fact]
    public void Entries_are_read_in_the_files_order_with_their_targets_and_positions()
    {
        var diagnostics = new DiagnosticBag();
        var corrections = CorrectionsLoader.Load(
            "- date: 2024-04-02\n  claim: handover\n  text: The handover was in April, not March.\n" +
            "- date: 2024-04-01\n  section: palmyra\n  text: \"A paragraph named the wrong \\\"unit\\\".\"\n",
            File, diagnostics);

        Assert.Empty(diagnostics.Sorted());
        Assert.Equal(2, corrections.Count);
        Assert.Equal(("2024-04-02", CorrectionTarget.Claim, "handover", "The handover was in April, not March.", 1),
            (corrections[0].Date, corrections[0].Target, corrections[0].TargetId, corrections[0].Text, corrections[0].Number));
        Assert.Equal(("2024-04-01", CorrectionTarget.Section, "palmyra", "A paragraph named the wrong \"unit\".", 2),
            (corrections[1].Date, corrections[1].Target, corrections[1].TargetId, corrections[1].Text, corrections[1].Number));
        Assert.Equal((File, 4, 3), (corrections[1].Location.File, corrections[1].Location.Line, corrections[1].Location.Column));
        Assert.Equal((5, 12), (corrections[1].TargetLocation.Line, corrections[1].TargetLocation.Column));
        Assert.Equal("correction-2", corrections[1].Anchor);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# nothing corrected yet\n")]
    [InlineData("---\n")]
    public void An_empty_file_holds_no_corrections_and_is_not_an_error(string text)
    {
        var diagnostics = new DiagnosticBag();
        Assert.Empty(CorrectionsLoader.Load(text, File, diagnostics));
        Assert.Empty(diagnostics.Sorted());
    }

    [Fact]
    public void An_unknown_key_is_a_warning_with_the_closest_known_one()
    {
        var diagnostics = new DiagnosticBag();
        var corrections = CorrectionsLoader.Load("- date: 2024-04-02\n  section: a\n  txt: x\n  text: T\n", File, diagnostics);
        var warning = Assert.Single(diagnostics.Sorted());
        Assert.Equal((DiagnosticCodes.UnknownField, 3, 3, Severity.Warning), (warning.Code, warning.Line, warning.Column, warning.Severity));
        Assert.Contains("unknown field 'txt' in a correction; did you mean 'text'?", warning.Message);
        Assert.Single(corrections);
    }

    [Fact]
    public void A_list_where_one_value_belongs_is_a_shape_error_and_the_entry_is_dropped()
    {
        var diagnostics = new DiagnosticBag();
        var corrections = CorrectionsLoader.Load("- date: 2024-04-02\n  claim: [a, b]\n  text: T\n", File, diagnostics);
        var error = Assert.Single(diagnostics.Sorted());
        Assert.Equal((DiagnosticCodes.InvalidRecordShape, 2, 10), (error.Code, error.Line, error.Column));
        Assert.Empty(corrections);
    }

    [Fact]
    public void A_claim_named_by_its_anchor_is_the_claim()
    {
        var diagnostics = new DiagnosticBag();
        var read = CorrectionsLoader.Load("- date: 2024-04-02\n  claim: claim-handover\n  text: T\n- date: 2024-04-03\n  claim: handover\n  text: U\n", File, diagnostics);
        var resolved = CorrectionTargets.Resolve(read, ["handover", "other"], ["a"], diagnostics);
        Assert.Empty(diagnostics.Sorted());
        Assert.Equal(["handover", "handover"], resolved.Select(c => c.TargetId));
    }

    [Fact]
    public void Unknown_targets_are_reported_and_left_out()
    {
        var diagnostics = new DiagnosticBag();
        var read = CorrectionsLoader.Load(
            "- {date: 2024-04-02, claim: nope, text: T}\n- {date: 2024-04-02, section: nowhere, text: T}\n- {date: 2024-04-02, section: a, text: T}\n",
            File, diagnostics);
        var resolved = CorrectionTargets.Resolve(read, ["handover"], ["a"], diagnostics);
        Assert.Equal([DiagnosticCodes.CorrectionUnknownClaim, DiagnosticCodes.CorrectionUnknownSection], diagnostics.Sorted().Select(d => d.Code));
        Assert.Equal([3], resolved.Select(c => c.Number));
    }

    [Theory]
    [InlineData(null, "2024-04-02")]
    [InlineData("2024-03-29", "2024-04-02")]
    [InlineData("2024-04", "2024-04-02")] // the correction's day is the more precise
    [InlineData("2024-04-02", "2024-04-02")]
    [InlineData("2024-05-01", "2024-05-01")] // site.yml's later date stands
    [InlineData("2025", "2025")]
    public void Updated_follows_the_newest_correction_unless_site_yml_is_later(string? updated, string expected)
    {
        var site = new SiteConfig { Title = "T", Updated = updated };
        var corrections = CorrectionsLoader.Load(
            "- {date: 2024-04-02, section: a, text: T}\n- {date: 2024-03-30, section: a, text: T}\n", File, new DiagnosticBag());
        Assert.Equal(expected, CorrectionDates.Updating(site, corrections).Updated);
        Assert.Equal(updated, CorrectionDates.Updating(site, []).Updated);
    }

    [Fact]
    public void A_report_with_valid_corrections_builds_without_a_diagnostic()
    {
        using var report = new TempReport()
            .Write("sources/a.yml", "id: a\ntype: report\ntitle: A\n")
            .Write("sections/01-a.md", "---\ntitle: A\n---\nA claim [@a]{#handover}.\n")
            .Write("corrections.yml", "- date: 2024-04-02\n  claim: handover\n  text: T\n- date: 2024-04-03\n  section: a\n  text: U\n");
        var result = report.Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Empty(result.Diagnostics);
    }
}
