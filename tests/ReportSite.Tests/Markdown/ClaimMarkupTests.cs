using ReportSite.Diagnostics;
using ReportSite.Markdown;
using ReportSite.Markdown.Citations;
using ReportSite.Markdown.Claims;
using ReportSite.Sections;
using ReportSite.Sources;

using ReportSite.Templates;
using ReportSite.Tests.Support;

namespace ReportSite.Tests.Markdown;

/// <summary>Claims as rendered: weakly sourced ones, the claim id each group carries, markers glued to their word.</summary>
public class ClaimMarkupTests
{
    private static SourceRecord Record(string id, string verification) => new()
    {
        Id = id, Type = SourceType.Article, Title = "Title of " + id,
        Status = YamlEnum<SourceStatus>.TryParse(verification, out var status) ? status : throw new ArgumentException(verification),
        Location = new SourceLocation("input/sources/s.yml", 1, 1),
    };

    private static readonly Dictionary<string, SourceRecord> Sources = new[]
    {
        Record("ok", VerificationStatus.Verified), Record("part", VerificationStatus.PartiallyVerified),
        Record("weak", VerificationStatus.Unverified), Record("bad", VerificationStatus.Disputed), Record("gone", VerificationStatus.Retracted),
    }.ToDictionary(r => r.Id, StringComparer.Ordinal);

    private static readonly SectionRenderer Renderer = new(DefaultTheme.Pipeline(CitationStyle.Latin), Sources, CitationStyle.Latin);

    private static ReportSite.Graph.RenderedSection Render(string markdown) => Renderer.Render(
        new Section { Slug = "s", Title = "S", SourcePath = "sections/01-s.md", DisplayPath = "input/sections/01-s.md", Markdown = markdown },
        new DiagnosticBag());

    [Theory]
    [InlineData(new[] { "unverified" }, true)]
    [InlineData(new[] { "disputed", "retracted", "unverified" }, true)]
    [InlineData(new[] { "unverified", "verified" }, false)]
    [InlineData(new[] { "disputed", "partially-verified" }, false)]
    [InlineData(new[] { "verified" }, false)]
    [InlineData(new string[0], false)]
    public void A_claim_is_weakly_sourced_when_none_of_its_sources_is_verified_even_in_part(string[] statuses, bool weak) =>
        Assert.Equal(weak, Sourcing.IsWeak(statuses.Select(s => YamlEnum<SourceStatus>.TryParse(s, out var status) ? status : throw new ArgumentException(s))));

    /// <summary>Records what each claim's markup is asked for.</summary>
    private sealed class RecordingMarkup : IClaimMarkup
    {
        public List<(string Id, bool Weak)> Claims { get; } = [];

        public (string Open, string Close) Html(ClaimInline claim)
        {
            Claims.Add((claim.ClaimId, claim.WeaklySourced));
            return ($"<q data-weak=\"{claim.WeaklySourced}\">", "</q>");
        }
    }

    [Fact]
    public void The_claim_markup_is_told_which_claims_are_weakly_sourced_and_wraps_their_content()
    {
        var markup = new RecordingMarkup();
        var renderer = new SectionRenderer(ReportMarkdown.Create(new ThemeCitationMarkup(DefaultTheme.Templates, CitationStyle.Latin, new DiagnosticBag()), markup), Sources, CitationStyle.Latin);
        var section = renderer.Render(new Section
        {
            Slug = "s", Title = "S", SourcePath = "sections/01-s.md", DisplayPath = "input/sections/01-s.md",
            Markdown = "Only a rumour [@weak; @bad]. Confirmed [@ok; @weak]. Denied [@gone] [@bad]. In part [@part].",
        }, new DiagnosticBag());
        Assert.Equal([true, false, true, false], markup.Claims.Select(c => c.Weak));
        Assert.Equal(section.Claims.Select(c => c.Id), markup.Claims.Select(c => c.Id));
        Assert.StartsWith("<p><q data-weak=\"True\">Only a rumour\u00A0<sup", section.BodyHtml);
    }

    [Fact]
    public void Every_group_knows_the_claim_it_belongs_to()
    {
        var document = Markdig.Markdown.Parse("First [@ok]. Second [@weak]{#second} [@bad].", DefaultTheme.Pipeline(CitationStyle.Latin));
        var claims = ClaimBuilder.Build(document, "s");
        Assert.Equal(2, claims.Count);
        Assert.All(claims, claim => Assert.All(claim.Groups, g => Assert.Equal(claim.ClaimId, g.ClaimId)));
        Assert.Equal("second", claims[1].Groups[1].ClaimId);
    }

    [Theory]
    [InlineData("The port awarded the lots [@ok, p. 4].", "lots\u00A0<sup")]
    [InlineData("It was *denied* [@weak].", "</em>\u00A0<sup")]
    [InlineData("Two groups [@ok] [@weak].", "groups\u00A0<sup")]
    public void A_marker_is_glued_to_the_word_before_it_and_claims_json_keeps_the_plain_space(string markdown, string glued)
    {
        var section = Render(markdown);
        Assert.Contains(glued, section.BodyHtml);
        Assert.DoesNotContain(" <sup", section.BodyHtml);
        Assert.All(section.Claims, claim => Assert.DoesNotContain('\u00A0', claim.Text));
    }
}
