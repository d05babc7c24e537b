using ReportSite.Build;
using ReportSite.Diagnostics;
using ReportSite.Tests.Support;

namespace ReportSite.Tests.Markdown;

/// <summary>
/// Claim building is linear in the claims of a paragraph: every step on the way (wrapping, ids of repeated text,
/// exact positions, numbered sources, the graph) once took time in the square of them, and 300,000 claims in one
/// paragraph never finished.
/// These are hang guards, not timings: a square-time step at 300,000 claims takes hours, while the linear build
/// takes one to three minutes depending on the machine, so the guard is far from both. They run alone (their
/// collection is not parallel) so that the rest of the suite cannot starve them on a two-core CI machine.
/// </summary>
[Collection(ClaimScaleCollection.Name)]
public sealed class ClaimScaleTests
{
    private const int Claims = 300_000;
    private const int GuardSeconds = 600;

    private static BuildResult BuildGuarded(TempReport report) => Input.Oddities.Finishes(report.Build, GuardSeconds);

    [Fact]
    public void Three_hundred_thousand_claims_with_the_same_text_in_one_paragraph()
    {
        using var report = new TempReport()
            .Write("sources/a.yml", "id: a\ntype: report\ntitle: A\n")
            .Write("sections/01-a.md", "---\ntitle: A\n---\n" + string.Concat(Enumerable.Repeat("Same. [@a] ", Claims)) + "\n");
        var result = BuildGuarded(report);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Take(5)));
        Assert.Equal(Claims, result.Stats.Claims);
        var claims = report.ReadOutput("claims.json");
        Assert.Contains($"-{Claims}\"", claims); // repeats numbered -2 … -300000
    }

    [Fact]
    public void Three_hundred_thousand_claims_citing_a_thousand_sources_in_one_paragraph()
    {
        using var report = new TempReport();
        report.Write("sources/all.yml", string.Concat(Enumerable.Range(0, 1000).Select(i => $"- id: s{i}\n  type: report\n  title: S{i}\n")));
        report.Write("sections/01-a.md", "---\ntitle: A\n---\n" + string.Concat(Enumerable.Range(0, Claims).Select(i => $"Claim {i}. [@s{i % 1000}] ")) + "\n");
        var result = BuildGuarded(report);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Take(5)));
        Assert.Equal(Claims, result.Stats.Claims);
        Assert.Equal(1000, result.Stats.Sources);
    }

    [Fact]
    public void Citations_of_unknown_keys_by_the_hundred_thousand_are_each_reported()
    {
        using var report = new TempReport()
            .Write("sources/a.yml", "id: a\ntype: report\ntitle: A\n")
            .Write("sections/01-a.md", "---\ntitle: A\n---\nA [@a]. " + string.Concat(Enumerable.Repeat("X [@zz] ", 100_000)) + "\n");
        var check = Input.Oddities.Finishes(report.Check, GuardSeconds);
        Assert.Equal(100_000, check.Diagnostics.Count(d => d.Code == DiagnosticCodes.UnknownSourceKey));
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClaimScaleCollection
{
    public const string Name = "Claim scale (runs alone)";
}
