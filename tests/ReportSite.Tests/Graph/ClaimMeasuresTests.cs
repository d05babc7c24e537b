using System.Text.Json;
using AngleSharp.Html.Parser;
using ReportSite.Diagnostics;
using ReportSite.Graph;
using ReportSite.Markdown.Citations;
using ReportSite.Markdown.Claims;
using ReportSite.Sources;
using ReportSite.Tests.Support;
using Xunit;

namespace ReportSite.Tests.Graph;

public class ClaimMeasuresTests
{
    private static SourceRecord Source(string id, SourceStatus status = SourceStatus.Verified, string? partOf = null, params string[] derivedFrom) =>
        new() { Id = id, Title = id, Status = status, PartOf = partOf, DerivedFrom = derivedFrom, Location = new SourceLocation("s.yml", 1, 1) };

    private static Claim Cites(params string[] ids) =>
        new("c", "s", "A claim.", [.. ids.Select(id => new ClaimCitation(id, null, null, null, null, CitationMode.Normal))], new SourceLocation("s.md", 1, 1));

    private static ClaimMeasure Measure(Claim claim, params SourceRecord[] sources) =>
        new ClaimMeasures([claim], sources.ToDictionary(s => s.Id, StringComparer.Ordinal))[claim];

    [Theory]
    [InlineData(new[] { SourceStatus.Verified }, ClaimSupport.Supported)]
    [InlineData(new[] { SourceStatus.Unverified, SourceStatus.PartiallyVerified }, ClaimSupport.Supported)]
    [InlineData(new[] { SourceStatus.Unverified }, ClaimSupport.Weak)]
    [InlineData(new[] { SourceStatus.Unverified, SourceStatus.Unverified }, ClaimSupport.Weak)]
    [InlineData(new[] { SourceStatus.Verified, SourceStatus.Disputed }, ClaimSupport.Disputed)]
    [InlineData(new[] { SourceStatus.Unverified, SourceStatus.Retracted }, ClaimSupport.Disputed)]
    [InlineData(new[] { SourceStatus.Retracted }, ClaimSupport.Disputed)]
    public void Support_follows_the_precedence_disputed_then_weak_then_supported(SourceStatus[] statuses, ClaimSupport expected)
    {
        var sources = statuses.Select((s, i) => Source("s" + i, s)).ToArray();
        Assert.Equal(expected, Measure(Cites([.. sources.Select(s => s.Id)]), sources).Support);
        // The one definition of "weak" agrees with what claim markup uses.
        Assert.Equal(expected == ClaimSupport.Weak || (expected == ClaimSupport.Disputed && statuses.All(Sourcing.IsWeakStatus)),
            Sourcing.IsWeak(statuses));
    }

    [Fact]
    public void Unrelated_sources_are_independent_origins()
    {
        Assert.Equal(2, Measure(Cites("a", "b"), Source("a"), Source("b")).Origins);
    }

    [Fact]
    public void A_source_derived_from_another_cited_source_adds_no_origin()
    {
        var measure = Measure(Cites("copy", "original"), Source("original"), Source("copy", derivedFrom: "original"));
        Assert.Equal(1, measure.Origins);
        Assert.True(measure.SingleOrigin);
    }

    [Fact]
    public void Parts_of_one_collection_are_one_origin_and_derived_from_a_part_reaches_the_collection()
    {
        var sources = new[] { Source("archive"), Source("doc1", partOf: "archive"), Source("doc2", partOf: "archive"), Source("article", derivedFrom: "doc2") };
        Assert.Equal(1, Measure(Cites("doc1", "article"), sources).Origins);
    }

    [Fact]
    public void A_diamond_counts_its_root_once_and_a_source_derived_from_two_roots_counts_both()
    {
        // root ← left, right ← bottom: one origin.
        var diamond = new[] { Source("root"), Source("left", derivedFrom: "root"), Source("right", derivedFrom: "root"), Source("bottom", derivedFrom: ["left", "right"]) };
        Assert.Equal(1, Measure(Cites("bottom", "left"), diamond).Origins);
        var twoRoots = new[] { Source("r1"), Source("r2"), Source("both", derivedFrom: ["r1", "r2"]) };
        Assert.Equal(2, Measure(Cites("both"), twoRoots).Origins);
        Assert.False(Measure(Cites("both"), twoRoots).SingleOrigin);
    }

    [Fact]
    public void A_long_chain_resolves_without_recursion()
    {
        var sources = Enumerable.Range(0, 30_000).Select(i => i == 0 ? Source("s0") : Source("s" + i, derivedFrom: "s" + (i - 1))).ToArray();
        var measures = new ClaimMeasures([Cites("s29999")], sources.ToDictionary(s => s.Id, StringComparer.Ordinal));
        Assert.Equal(["s0"], measures.Roots("s29999"));
    }

    [Fact]
    public void A_cycle_is_rejected_before_measures_are_read()
    {
        using var report = new TempReport()
            .Write("sources/a.yml", "- id: a\n  type: report\n  title: A\n  derived_from: b\n- id: b\n  type: report\n  title: B\n  derived_from: a\n")
            .Write("sections/01-a.md", "---\ntitle: A\n---\nA claim [@a; @b].\n");
        var result = report.Build();
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.DerivedFromCycle);
        Assert.False(result.Written);
    }

    private const string Records =
        "- id: wire\n  type: report\n  title: Wire report\n  verification: verified\n"
        + "- id: paper\n  type: article\n  title: Paper\n  verification: unverified\n  derived_from: wire\n"
        + "- id: rumour\n  type: article\n  title: Rumour\n  verification: disputed\n";

    private const string Section = "---\ntitle: A\n---\nOne [@wire; @paper]. Two [@paper]. Three [@wire; @rumour].\n";

    [Fact]
    public void Claims_json_gives_each_claim_its_support_and_origins()
    {
        using var report = new TempReport().Write("sources/a.yml", Records).Write("sections/01-a.md", Section);
        Assert.True(report.Build().Succeeded);
        var claims = JsonDocument.Parse(report.ReadOutput("claims.json")).RootElement.GetProperty("claims").EnumerateArray()
            .Select(c => (c.GetProperty("support").GetString(), c.GetProperty("origins").GetInt32())).ToList();
        Assert.Equal([("supported", 1), ("weak", 1), ("disputed", 2)], claims);
    }

    [Fact]
    public void Source_pages_show_derived_from_reported_by_and_the_claims_resting_on_them_alone_as_text()
    {
        using var report = new TempReport().Write("sources/a.yml", Records).Write("sections/01-a.md", Section);
        Assert.True(report.Build().Succeeded);
        var parser = new HtmlParser();
        var paper = parser.ParseDocument(report.ReadOutput("sources/paper.html"));
        var wire = parser.ParseDocument(report.ReadOutput("sources/wire.html"));
        Assert.Contains("Wire report", paper.QuerySelector(".derivation")!.TextContent);
        Assert.Contains("Derived from", paper.QuerySelector(".derivation dt")!.TextContent);
        Assert.Contains("Reported or copied by", wire.QuerySelector(".derivation dt")!.TextContent);
        Assert.Contains("Paper", wire.QuerySelector(".derivation")!.TextContent);
        Assert.Equal("Claims resting on this source alone: 1", paper.QuerySelector(".sole-source")!.TextContent.Trim());
        Assert.Null(wire.QuerySelector(".sole-source"));
        Assert.Equal(["Supported", "Weakly sourced"], paper.QuerySelectorAll(".cited-claim .support").Select(e => e.TextContent).ToList());
    }
}
