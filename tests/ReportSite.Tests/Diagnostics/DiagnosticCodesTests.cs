using System.Reflection;
using ReportSite.Diagnostics;
using ReportSite.Tests.Support;

namespace ReportSite.Tests.Diagnostics;

public sealed class DiagnosticCodesTests
{
    private static IReadOnlyList<(string Name, string Code)> Codes() =>
        typeof(DiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (f.Name, (string)f.GetValue(null)!)).ToList();

    [Fact]
    public void Codes_are_unique_and_well_formed()
    {
        var codes = Codes();
        Assert.NotEmpty(codes);
        Assert.All(codes, c => Assert.Matches(@"^RS\d{4}$", c.Code));
        Assert.Equal(codes.Count, codes.Select(c => c.Code).Distinct().Count());
    }

    [Fact]
    public void Every_code_is_documented_in_docs_diagnostics()
    {
        var doc = File.ReadAllText(Path.Combine(Repo.Root, "docs", "diagnostics.md"));
        foreach (var (name, code) in Codes())
            Assert.True(doc.Contains($"| {code} |"), $"{code} ({name}) is not documented in docs/diagnostics.md");
    }

    [Theory]
    [InlineData("sky-newz", "sky-news-investigation")]
    [InlineData("reprot", "report")]
    [InlineData("verifed", "verified")]
    [InlineData("partof", "part_of")]
    public void Suggestions_find_the_intended_name(string typo, string intended)
    {
        string[] candidates = ["sky-news-investigation", "report", "verified", "part_of", "article-ar", "unverified"];
        Assert.Equal(intended, Suggestions.Closest(typo, candidates));
    }

    [Fact]
    public void Suggestions_stay_quiet_for_unrelated_names()
    {
        Assert.Null(Suggestions.Closest("completely-different", ["sky-news-investigation", "article-ar"]));
    }

    [Fact]
    public void Diagnostic_prints_in_compiler_format()
    {
        Assert.Equal("input/a.md(3,7): error RS0101: unknown",
            new Diagnostic("input/a.md", 3, 7, Severity.Error, "RS0101", "unknown").ToString());
        Assert.Equal("input/sections: warning RS0006: none",
            new Diagnostic("input/sections", 0, 0, Severity.Warning, "RS0006", "none").ToString());
    }
}
