using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using ReportSite.Markdown;
using ReportSite.Markdown.Citations;
using ReportSite.Markdown.Claims;
using ReportSite.Tests.Support;
using ReportSite.Text;

namespace ReportSite.Tests.Markdown;

/// <summary>Citation groups and claims through the report's Markdig pipeline.</summary>
public class CitationMarkdownTests
{
    private const string Slug = "s";
    private static readonly MarkdownPipeline Pipeline = DefaultTheme.Pipeline(CitationStyle.Latin);

    private static MarkdownDocument Parse(string markdown)
    {
        var document = Markdig.Markdown.Parse(markdown, Pipeline);
        CitationLocator.Locate(document, markdown); // as SectionRenderer does
        return document;
    }

    /// <summary>1-based line and column of the group's '[' and of each key's '@' in <paramref name="markdown"/>.</summary>
    private static (int Line, int Column) PositionOf(string markdown, CitationGroupInline group) => new LineMap(markdown).At(group.Offset);

    private static List<(int Line, int Column)> KeyPositionsOf(string markdown, CitationGroupInline group) =>
        group.KeyOffsets.Select(new LineMap(markdown).At).ToList();

    private static List<CitationGroupInline> Groups(string markdown) => Parse(markdown).Descendants<CitationGroupInline>().ToList();

    private static IReadOnlyList<ClaimInline> Claims(string markdown) => ClaimBuilder.Build(Parse(markdown), Slug);

    private static string Html(string markdown) => Markdig.Markdown.ToHtml(markdown, Pipeline);

    /// <summary>Renders after building claims, as SectionRenderer does (without resolving sources).</summary>
    private static string HtmlWithClaims(string markdown)
    {
        var document = Parse(markdown);
        ClaimBuilder.Build(document, Slug);
        var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        return writer.ToString();
    }

    // ---- nested brackets: the innermost bracketed span that holds a citation is the group (as in Pandoc) ----

    [Theory]
    [InlineData("See [this [@item1; @item2] and more].", new[] { "item1", "item2" }, "<p>See [this <sup class=\"citation\">[]</sup> and more].</p>\n")]
    [InlineData("[[@a]]", new[] { "a" }, "<p>[<sup class=\"citation\">[]</sup>]</p>\n")]
    [InlineData("Text [see [x [@a, p. 3]] too].", new[] { "a" }, null)]
    public void An_outer_bracket_gives_way_to_the_inner_group_and_no_source_is_lost(string markdown, string[] keys, string? html)
    {
        var group = Assert.Single(Groups(markdown));
        Assert.Equal(keys, group.Group!.Citations.Select(c => c.Key));
        Assert.All(group.Group.Citations, c => Assert.DoesNotContain("[", (c.Prefix ?? "") + (c.Suffix ?? "")));
        if (html is not null) Assert.Equal(html, Html(markdown));
    }

    [Theory]
    [InlineData("Text [see @a, p. [3]].")] // a bracket without a citation inside a group stays in it
    [InlineData("Text [see [the report](https://example.com) and @a].")] // a link inside a group
    [InlineData("Text [see ![x](i.png) and @a].")] // an image inside a group
    [InlineData("Text [see `[@b]` and @a].")] // code inside a group
    public void A_bracket_inside_a_group_that_holds_no_citation_leaves_the_group_whole(string markdown)
    {
        var group = Assert.Single(Groups(markdown));
        Assert.Equal("a", Assert.Single(group.Group!.Citations).Key);
    }

    // ---- what is and is not a citation group ----

    [Fact]
    public void Bracketed_key_is_one_citation_group()
    {
        var group = Assert.Single(Groups("Text [@a]."));

        Assert.NotNull(group.Group);
        Assert.Equal("a", Assert.Single(group.Group.Citations).Key);
        Assert.Null(group.ExplicitClaimId);
        Assert.Equal("<p>Text <sup class=\"citation\">[]</sup>.</p>\n", Html("Text [@a]."));
    }

    [Fact]
    public void Group_holds_every_citation_with_its_locator()
    {
        var group = Assert.Single(Groups("Text [see @a, p. 4; -@b]."));

        Assert.NotNull(group.Group);
        Assert.Equal(["a", "b"], group.Group.Citations.Select(c => c.Key));
        Assert.Equal("see", group.Group.Citations[0].Prefix);
        Assert.Equal("p. 4", group.Group.Citations[0].Locator);
        Assert.True(group.Group.Citations[1].SuppressAuthor);
    }

    [Fact]
    public void Empty_group_is_a_group_without_citations()
    {
        const string markdown = "Text [@].";
        var group = Assert.Single(Groups(markdown));

        Assert.Null(group.Group);
        Assert.Empty(KeyPositionsOf(markdown, group));
        Assert.Equal((1, 6), PositionOf(markdown, group));
    }

    [Fact]
    public void Escaped_bracket_is_not_a_citation()
    {
        Assert.Empty(Groups("Text \\[@a]."));
        Assert.Equal("<p>Text [@a].</p>\n", Html("Text \\[@a]."));
    }

    [Fact]
    public void Code_span_is_not_a_citation()
    {
        Assert.Empty(Groups("Text `[@a]`."));
        Assert.Equal("<p>Text <code>[@a]</code>.</p>\n", Html("Text `[@a]`."));
    }

    [Fact]
    public void Code_span_inside_brackets_is_not_a_citation()
    {
        Assert.Empty(Groups("Text [`@a`]."));
        Assert.Equal("<p>Text [<code>@a</code>].</p>\n", Html("Text [`@a`]."));
    }

    [Fact]
    public void Fenced_code_block_is_not_a_citation()
    {
        const string markdown = "Before.\n\n```\nText [@a].\n```\n";

        Assert.Empty(Groups(markdown));
        Assert.Contains("<pre><code>Text [@a].\n</code></pre>", Html(markdown));
        Assert.Empty(Claims(markdown));
    }

    [Fact]
    public void Indented_code_block_is_not_a_citation()
    {
        Assert.Empty(Groups("    Text [@a]."));
    }

    [Fact]
    public void Inline_link_is_a_link_not_a_citation()
    {
        const string markdown = "[@a](https://x.example)";
        var document = Parse(markdown);

        Assert.Empty(document.Descendants<CitationGroupInline>());
        var link = Assert.Single(document.Descendants<LinkInline>());
        Assert.False(link.IsImage);
        Assert.Equal("https://x.example", link.Url);
        Assert.Equal("<p><a href=\"https://x.example\">@a</a></p>\n", Html(markdown));
    }

    [Fact]
    public void Full_reference_link_is_a_link_not_a_citation()
    {
        const string markdown = "[@a][ref]\n\n[ref]: https://x.example";

        Assert.Empty(Groups(markdown));
        Assert.Equal("<p><a href=\"https://x.example\">@a</a></p>\n", Html(markdown));
    }

    [Fact]
    public void Image_is_an_image_not_a_citation()
    {
        var document = Parse("![@a](img.png)");

        Assert.Empty(document.Descendants<CitationGroupInline>());
        var image = Assert.Single(document.Descendants<LinkInline>());
        Assert.True(image.IsImage);
        Assert.Equal("img.png", image.Url);
    }

    [Theory]
    [InlineData("Wow![@a]", "Wow!")]
    [InlineData("Wow![see @a, p. 3] more", "Wow!")]
    [InlineData("![@a]", "!")]
    public void An_exclamation_mark_before_a_group_that_is_no_image_is_text(string markdown, string before)
    {
        var group = Assert.Single(Groups(markdown));
        Assert.False(group.InText);
        Assert.Equal(["a"], group.Group!.Citations.Select(c => c.Key));
        Assert.StartsWith($"<p>{before}<sup class=\"citation\">", Html(markdown));
        Assert.Equal(markdown.IndexOf('['), group.Offset);
    }

    [Theory]
    [InlineData("<user@example.com>")]
    [InlineData("Write to <user@example.com>.")]
    public void Email_autolink_is_not_a_citation(string markdown)
    {
        Assert.Empty(Groups(markdown));
        Assert.Contains("<a href=\"mailto:user@example.com\">user@example.com</a>", Html(markdown));
    }

    [Theory]
    [InlineData("user@example.com")]
    [InlineData("Write to user@example.com today.")]
    [InlineData("Write to [user@example.com].")]
    [InlineData("Visit https://example.com/@user today.")]
    [InlineData("Visit [https://example.com/@user].")]
    public void Bare_email_and_url_are_not_citations(string markdown)
    {
        Assert.Empty(Groups(markdown));
        Assert.DoesNotContain("citation", Html(markdown));
    }

    // ---- explicit claim ids ----

    [Theory]
    [InlineData("Claim [@a]{#my-claim}.")]
    [InlineData("Claim [@a]{#claim-my-claim}.")]
    public void Explicit_claim_id_is_read_after_the_group(string markdown)
    {
        var group = Assert.Single(Groups(markdown));
        Assert.Equal("my-claim", group.ExplicitClaimId);

        var claim = Assert.Single(Claims(markdown));
        Assert.Equal("my-claim", claim.ClaimId);
        Assert.True(claim.IsExplicit);
        Assert.Equal("Claim", claim.Text);

        var html = HtmlWithClaims(markdown);
        Assert.Contains("<span class=\"claim\" id=\"claim-my-claim\">Claim\u00A0<sup class=\"citation\">[]</sup></span>.", html);
        Assert.DoesNotContain("{#", html);
    }

    // ---- claim boundaries ----

    [Theory]
    [InlineData("First sentence [@a]. Second one [@b].", new[] { "First sentence", "Second one" })]
    [InlineData("First. Second [@a].", new[] { "Second" })]
    [InlineData("Claim text. [@a]", new[] { "Claim text." })]
    [InlineData("Intro. Claim text. [@a]", new[] { "Claim text." })]
    [InlineData("Is it? Yes it is [@a].", new[] { "Yes it is" })]
    [InlineData("Stop! Go on [@a].", new[] { "Go on" })]
    [InlineData("A [@a] and B [@b].", new[] { "A", "and B" })]
    [InlineData("Some *emphasised* claim [@a].", new[] { "Some emphasised claim" })]
    [InlineData("See [the site](https://x.example). Linked claim [@a].", new[] { "Linked claim" })]
    [InlineData("A claim with [a link](https://x.example) inside [@a].", new[] { "A claim with a link inside" })]
    [InlineData("Line one.\nLine two.\nThe text [@a].", new[] { "The text" })]
    [InlineData("Line one\ncontinues [@a].", new[] { "Line one continues" })]
    [InlineData("Text `code.` here [@a].", new[] { "Text code. here" })]
    [InlineData("جملة أولى. جملة ثانية [@a].", new[] { "جملة ثانية" })]
    [InlineData("هل هذا صحيح؟ نعم هو كذلك [@a].", new[] { "نعم هو كذلك" })]
    [InlineData("جملة أولى [@a]. جملة ثانية [@b].", new[] { "جملة أولى", "جملة ثانية" })]
    [InlineData("Paragraph one [@a].\n\nParagraph two [@b].", new[] { "Paragraph one", "Paragraph two" })]
    [InlineData("> Quoted. Quote text [@a].", new[] { "Quote text" })]
    public void Claim_runs_from_the_sentence_start_to_the_group(string markdown, string[] texts)
    {
        Assert.Equal(texts, Claims(markdown).Select(c => c.Text));
    }

    [Fact]
    public void Claim_starts_after_closing_quote_of_previous_sentence()
    {
        Assert.Equal(["Then left"], Claims("He said \"yes.\" Then left [@a].").Select(c => c.Text));
        Assert.Equal(["Then left"], Claims("He said (yes.) Then left [@a].").Select(c => c.Text));
    }

    [Fact]
    public void Claim_keeps_a_terminator_that_closes_the_sentence_before_the_group()
    {
        var claim = Assert.Single(Claims("He said \"yes.\" [@a]"));
        Assert.Equal("He said \"yes.\"", claim.Text);
    }

    [Fact]
    public void Claim_starts_at_the_start_of_a_list_item()
    {
        const string markdown = "Intro text without a period\n\n- item one\n- item two text [@a].\n- Third. Item three [@b].";

        Assert.Equal(["item two text", "Item three"], Claims(markdown).Select(c => c.Text));
    }

    [Fact]
    public void Claim_spans_the_lazy_lines_of_a_list_item()
    {
        Assert.Equal(["First item continues here"], Claims("1. First item\n   continues here [@a].").Select(c => c.Text));
    }

    [Fact]
    public void Claim_starts_at_the_start_of_a_table_cell()
    {
        const string markdown = "| Head one | Head two |\n|---|---|\n| before cell | cell text [@a] |\n| x [@b] | y |";

        Assert.Equal(["cell text", "x"], Claims(markdown).Select(c => c.Text));
        var html = HtmlWithClaims(markdown);
        Assert.Contains("<td>before cell</td>", html);
        Assert.Contains("<td><span class=\"claim\" id=\"claim-" + ClaimBuilder.DerivedId(Slug, "cell text") + "\">cell text\u00A0", html);
    }

    [Fact]
    public void Claims_are_in_reading_order_across_nested_blocks()
    {
        const string markdown = "Para one [@a].\n\n> Quote [@b].\n>\n> - Nested item [@c].\n\nPara two [@d].";

        Assert.Equal(["Para one", "Quote", "Nested item", "Para two"], Claims(markdown).Select(c => c.Text));
    }

    [Fact]
    public void Claim_wraps_its_inlines_in_the_html()
    {
        var html = HtmlWithClaims("First. Second [@a].");
        var id = ClaimBuilder.DerivedId(Slug, "Second");

        Assert.Equal($"<p>First. <span class=\"claim\" id=\"claim-{id}\">Second\u00A0<sup class=\"citation\">[]</sup></span>.</p>\n", html);
    }

    // ---- derived ids ----

    [Fact]
    public void Derived_id_is_slug_and_hash_of_the_text()
    {
        var claim = Assert.Single(Claims("Same text [@a]."));

        Assert.Equal(ClaimBuilder.DerivedId(Slug, "Same text"), claim.ClaimId);
        Assert.Matches("^s-[0-9a-f]{8}$", claim.ClaimId);
        Assert.False(claim.IsExplicit);
    }

    [Fact]
    public void Derived_id_does_not_depend_on_earlier_claims()
    {
        var alone = Assert.Single(Claims("Same text [@a]."));
        var afterOthers = Claims("Other paragraph [@z]. More [@y].\n\nSame text [@a].");

        Assert.Equal(3, afterOthers.Count);
        Assert.Equal("Same text", afterOthers[2].Text);
        Assert.Equal(alone.ClaimId, afterOthers[2].ClaimId);
    }

    [Fact]
    public void Derived_id_depends_on_text_and_slug()
    {
        Assert.NotEqual(ClaimBuilder.DerivedId("s", "Same text"), ClaimBuilder.DerivedId("s", "Other text"));
        Assert.NotEqual(ClaimBuilder.DerivedId("s", "Same text"), ClaimBuilder.DerivedId("t", "Same text"));
        Assert.StartsWith("t-", ClaimBuilder.DerivedId("t", "Same text"));
    }

    [Fact]
    public void Derived_id_ignores_case_spacing_and_diacritics()
    {
        Assert.Equal(ClaimBuilder.DerivedId(Slug, "Same text"), ClaimBuilder.DerivedId(Slug, "same   TEXT"));
        Assert.Equal(ClaimBuilder.DerivedId(Slug, "جملة ثانية"), ClaimBuilder.DerivedId(Slug, "جُملة ثـانية"));
    }

    [Fact]
    public void Repeated_claim_text_gets_numbered_ids()
    {
        var claims = Claims("Same text [@a]. Same text [@b].\n\nSame text [@c].");
        var id = ClaimBuilder.DerivedId(Slug, "Same text");

        Assert.Equal([id, id + "-2", id + "-3"], claims.Select(c => c.ClaimId));
    }

    [Fact]
    public void Derived_ids_do_not_take_an_explicit_id()
    {
        var derived = ClaimBuilder.DerivedId(Slug, "Same text");
        var claims = Claims($"Same text [@a]. Other [@b]{{#{derived}}}.");

        Assert.Equal([derived + "-2", derived], claims.Select(c => c.ClaimId));
    }

    // ---- source positions ----

    [Fact]
    public void Position_is_the_one_based_line_and_column_of_the_bracket()
    {
        //                         line 3: "The text [@a]." — '[' at column 10, '@' at column 11
        const string markdown = "Line one.\nLine two.\nThe text [@a].";
        var group = Assert.Single(Groups(markdown));

        Assert.Equal((3, 10), PositionOf(markdown, group));
        Assert.Equal([(3, 11)], KeyPositionsOf(markdown, group));
    }

    [Fact]
    public void Positions_are_the_same_with_crlf_line_ends()
    {
        const string markdown = "Line one.\r\nLine two.\r\nThe text [@a].";
        var group = Assert.Single(Groups(markdown));

        Assert.Equal((3, 10), PositionOf(markdown, group));
        Assert.Equal([(3, 11)], KeyPositionsOf(markdown, group));
    }

    [Fact]
    public void KeyPositions_point_at_each_key()
    {
        //                          "The text [see @a; -@b]." — '[' 10, '@a' 15, '@b' 20
        const string markdown = "Line one.\n\nThe text [see @a; -@b].";
        var group = Assert.Single(Groups(markdown));

        Assert.Equal((3, 10), PositionOf(markdown, group));
        Assert.Equal([(3, 15), (3, 20)], KeyPositionsOf(markdown, group));
    }

    [Fact]
    public void KeyPositions_follow_a_group_across_lines()
    {
        const string markdown = "Text [see @a;\n  @b] here.";
        var group = Assert.Single(Groups(markdown));

        Assert.Equal((1, 6), PositionOf(markdown, group));
        Assert.Equal([(1, 11), (2, 3)], KeyPositionsOf(markdown, group));
    }

    [Fact]
    public void Positions_count_container_markers()
    {
        const string quote = "> Quote text [@a].";
        var quoted = Assert.Single(Groups(quote));
        Assert.Equal((1, 14), PositionOf(quote, quoted));
        Assert.Equal([(1, 15)], KeyPositionsOf(quote, quoted));

        const string list = "- item one\n- item two text [@a].";
        var listed = Assert.Single(Groups(list));
        Assert.Equal((2, 17), PositionOf(list, listed));
        Assert.Equal([(2, 18)], KeyPositionsOf(list, listed));
    }

    [Fact]
    public void Positions_count_utf16_characters_of_arabic_text()
    {
        // "جملة أولى. نص [@وثيقة-1]." — 14 characters before '['
        const string markdown = "جملة أولى. نص [@وثيقة-1].";
        var group = Assert.Single(Groups(markdown));

        Assert.Equal((1, 15), PositionOf(markdown, group));
        Assert.Equal([(1, 16)], KeyPositionsOf(markdown, group));
    }

    [Fact]
    public void Group_span_covers_the_brackets_and_the_explicit_id()
    {
        const string markdown = "Claim [@a]{#my-claim}.";
        var group = Assert.Single(Groups(markdown));

        Assert.Equal("[@a]{#my-claim}", markdown[group.Span.Start..(group.Span.End + 1)]);
    }
}
