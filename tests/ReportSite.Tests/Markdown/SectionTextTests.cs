using CsCheck;
using ReportSite.Diagnostics;
using ReportSite.Graph;
using ReportSite.Markdown;
using ReportSite.Markdown.Citations;
using ReportSite.Sections;
using ReportSite.Sources;
using ReportSite.Tests.Support;

namespace ReportSite.Tests.Markdown;

/// <summary>The section text model: blocks in reading order, their plain text, the claims inside them.</summary>
public class SectionTextTests
{
    private static SourceRecord Record(string id, string title) => new()
    {
        Id = id, Type = SourceType.Article, Title = title, Authors = ["Jane Roe"],
        Location = new SourceLocation("input/sources/s.yml", 1, 1),
    };

    private static readonly Dictionary<string, SourceRecord> Sources =
        new[] { Record("a", "A"), Record("b", "B") }.ToDictionary(r => r.Id, StringComparer.Ordinal);

    private static readonly SectionRenderer Renderer = new(DefaultTheme.Pipeline(CitationStyle.Latin), Sources, CitationStyle.Latin);

    private static RenderedSection Render(string markdown) => Renderer.Render(
        new Section { Slug = "s", Title = "S", SourcePath = "sections/01-s.md", DisplayPath = "input/sections/01-s.md", Markdown = markdown },
        new DiagnosticBag());

    private static string Of(TextBlock block, ClaimSpan span) => block.Text.Substring(span.Start, span.Length);

    [Fact]
    public void Blocks_come_in_reading_order_with_their_kind_and_the_heading_they_link_to()
    {
        var section = Render("""
            Intro before any heading.

            ## First part

            > A quoted paragraph.

            - item one
            - item two

            | h1 | h2 |
            | --- | --- |
            | cell text | more |

            ### Deeper

            ```
            code   line
            ```

            <div>raw html</div>

            ---

            Last words.
            """);

        var blocks = section.Text.Select(b => (b.Kind, b.Anchor, b.Text)).ToList();
        Assert.Equal(
        [
            (TextBlockKind.Paragraph, null, "Intro before any heading."),
            (TextBlockKind.Heading, "first-part", "First part"),
            (TextBlockKind.Paragraph, "first-part", "A quoted paragraph."),
            (TextBlockKind.ListItem, "first-part", "item one"),
            (TextBlockKind.ListItem, "first-part", "item two"),
            (TextBlockKind.TableCell, "first-part", "h1"),
            (TextBlockKind.TableCell, "first-part", "h2"),
            (TextBlockKind.TableCell, "first-part", "cell text"),
            (TextBlockKind.TableCell, "first-part", "more"),
            (TextBlockKind.Heading, "deeper", "Deeper"),
            (TextBlockKind.Code, "deeper", "code line"),
            (TextBlockKind.Paragraph, "deeper", "Last words."),
        ], blocks);
        // Every anchor is an id of the rendered page.
        foreach (var anchor in section.Text.Select(b => b.Anchor).OfType<string>())
            Assert.Contains($"id=\"{anchor}\"", section.BodyHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_claim_lies_in_its_block_where_its_text_is_and_citations_are_left_out()
    {
        var section = Render("""
            The first claim [@a], a second one [@b]. Not a claim. *Emphasised* claim [see @a, p. 4].

            @a says   this over
            two lines.

            - A listed claim [@b]
            """);

        var spans = section.Text.SelectMany(b => b.Claims.Select(c => (Block: b, Span: c))).ToList();
        Assert.Equal(section.Claims.Select(c => c.Id), spans.Select(s => s.Span.ClaimId));
        foreach (var (block, span) in spans)
            Assert.Equal(section.Claims.Single(c => c.Id == span.ClaimId).Text, Of(block, span));
        Assert.Equal("The first claim, a second one. Not a claim. Emphasised claim.", section.Text[0].Text);
        Assert.Equal("Jane Roe says this over two lines.", section.Text[1].Text);
        Assert.Equal(TextBlockKind.ListItem, section.Text[2].Kind);
    }

    [Theory]
    [InlineData("Sold [@a] (see below).", "Sold (see below).")]
    [InlineData("Sold [@a] \"by night\".", "Sold \"by night\".")]
    [InlineData("Sold [@a] and [@b] moved.", "Sold and moved.")]
    [InlineData("Sold [@a]; moved [@b]) done.", "Sold; moved) done.")]
    [InlineData("بيع النفط [@a]، ثم نقل [@b].", "بيع النفط، ثم نقل.")]
    public void A_space_before_a_left_out_citation_goes_only_before_closing_punctuation(string markdown, string text) =>
        Assert.Equal(text, Render(markdown).Text.Single().Text);

    [Fact]
    public void A_citation_of_unknown_sources_makes_no_claim_span()
    {
        var section = Render("Known [@a]. Unknown [@nobody].");
        Assert.Equal([section.Claims.Single().Id], section.Text.Single().Claims.Select(c => c.ClaimId));
    }

    private static readonly Gen<string> Sentence =
        Gen.OneOf("Oil was sold", "نقل النفط", "**bold** words", "a `code` span", "قال  الشاهد", "@a reported", "x")
            .SelectMany(words => Gen.OneOf("", " [@a]", " [@b]", " [@a; @b]", " [-@a]").Select(cite => words + cite))
            .SelectMany(s => Gen.OneOf(". ", ", ", "\n", "، ").Select(end => s + end));

    [Fact]
    public void Every_claims_text_is_its_span_of_its_block_for_random_paragraphs() =>
        Gen.Select(Sentence.Array[1, 8], Gen.OneOf("", "- ", "> ", "## ")).Array[1, 4].Sample(paragraphs =>
        {
            var section = Render(string.Join("\n\n", paragraphs.Select(p => p.Item2 + string.Concat(p.Item1).Replace("\n", "\n" + p.Item2))));
            var spans = section.Text.SelectMany(b => b.Claims.Select(c => (Block: b, Span: c))).ToList();
            Assert.Equal(section.Claims.Select(c => c.Id), spans.Select(s => s.Span.ClaimId));
            foreach (var (block, span) in spans)
                Assert.Equal(section.Claims.Single(c => c.Id == span.ClaimId).Text, Of(block, span));
            foreach (var block in section.Text)
            {
                Assert.DoesNotContain("  ", block.Text, StringComparison.Ordinal);
                Assert.Equal(block.Text.Trim(), block.Text);
            }
        }, iter: 300);
}
