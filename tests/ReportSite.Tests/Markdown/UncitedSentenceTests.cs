using ReportSite.Diagnostics;
using ReportSite.Tests.Support;

namespace ReportSite.Tests.Markdown;

/// <summary>
/// RS0306: sentences that read as factual (a figure, a quotation, a record's author or publisher) and cite nothing
/// are warned about where they start; cited sentences, code, URLs and paragraphs after &lt;!-- no-cite --&gt; are not.
/// </summary>
public sealed class UncitedSentenceTests
{
    private const string Records = "- id: a\n  type: report\n  title: A\n  publisher: Sky News\n  authors: [Jane Doe]\n" +
                                   "- id: b\n  type: article\n  title: B\n  publisher: سكاي نيوز عربية\n- id: c\n  type: article\n  title: C\n  publisher: AP\n";

    /// <summary>(line, column, reason) of each RS0306 for a section body (its first line is line 4).</summary>
    private static List<(int Line, int Column, string Message)> Uncited(string body)
    {
        using var report = new TempReport().Write("sources/all.yml", Records).Write("sections/01-a.md", "---\ntitle: A\n---\n" + body);
        var result = report.Check();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return [.. result.Diagnostics.Where(d => d.Code == DiagnosticCodes.PossibleUncitedClaim).Select(d => (d.Line, d.Column, d.Message))];
    }

    private static List<(int, int)> Where(string body) => [.. Uncited(body).Select(u => (u.Line, u.Column))];

    [Theory]
    [InlineData("In 2020 the group left.", "figure")]
    [InlineData("غادر ٣٠٠ شخص.", "figure")] // Arabic-Indic digits
    [InlineData("Prices rose (5%) again.", "figure")]
    [InlineData("He said “we will return” and left.", "quotation")]
    [InlineData("قال «سنعود» ثم غادر.", "quotation")]
    [InlineData("She said \"never\" twice.", "quotation")]
    [InlineData("Then Sky News reported it.", "'Sky News', publisher of source 'a'")]
    [InlineData("then sky news reported it.", "'Sky News'")] // case ignored
    [InlineData("As Jane Doe wrote.", "'Jane Doe', author of source 'a'")]
    [InlineData("وقالت سكاي نيوز عربية ذلك.", "publisher of source 'b'")]
    [InlineData("ذلك ما قالته وسكاي نيوز عربية.", "publisher of source 'b'")] // with a proclitic و
    public void A_factual_sentence_without_a_citation_is_warned_at_its_start(string sentence, string reason)
    {
        var (line, column, message) = Assert.Single(Uncited("A claim [@a]. " + sentence + "\n"));
        Assert.Equal((4, 15), (line, column));
        Assert.Contains(reason, message);
    }

    [Theory]
    [InlineData("In 2020 the group left [@a].")]
    [InlineData("@a says 300 people left.")]
    [InlineData("Version `v1.2` and <https://example.org/2024> only.")]
    [InlineData("It's the group's own view, isn't it.")]
    [InlineData("The AP wire and the UN.")] // one short word is no name
    [InlineData("![map of 2020](https://example.org/m.png)")]
    [InlineData("Nothing factual here.")]
    [InlineData("Text <script>alert(1)</script> and <STYLE>p{margin:0 2px}</STYLE> only.")] // no reader sees them
    [InlineData("Write to item1@item2.org or ask user_2.")] // digits inside a word are no figure
    [InlineData("Sky is blue; news is old.")]
    public void Cited_or_plain_sentences_are_not_warned(string body) => Assert.Empty(Uncited(body + "\n"));

    [Fact]
    public void Headings_are_not_read() => Assert.Empty(Uncited("## The 2020 exodus\n\nA claim [@a].\n"));

    [Fact]
    public void Each_uncited_sentence_of_a_paragraph_is_warned_at_its_own_start()
    {
        // The second sentence runs over the line break; the period after the group closes the claim's sentence.
        Assert.Equal([(4, 1), (4, 39), (5, 23)],
            Where("In 2020, 300 people left. Cited [@a]. Then 5 more\n  came. Nothing else. And 6.\n"));
    }

    [Fact]
    public void Text_after_a_claim_in_the_same_sentence_is_read_from_its_first_word()
    {
        Assert.Equal([(4, 22)], Where("Claim with tail [@a] and 7 more.\n"));
    }

    [Fact]
    public void No_cite_silences_the_paragraph_or_list_after_it_and_nothing_else()
    {
        Assert.Equal([(14, 1)], Where("""
            <!-- no-cite -->
            Silenced in 2021.

            <!-- NO-CITE -->
            - a list of 5
            - items of 6

            > <!-- no-cite -->
            > quoted 7

            Warned in 2022.
            """));
    }

    [Fact]
    public void A_table_of_figures_is_one_warning_at_its_first_figure()
    {
        Assert.Equal([(6, 3)], Where("| a | b |\n| - | - |\n| 1 | 2 |\n| 3 | 4 |\n"));
    }

    [Fact]
    public void Sentences_in_lists_and_quotes_are_read_in_reading_order()
    {
        Assert.Equal([(4, 3), (5, 3), (6, 3)], Where("- one 1\n- two 2\n> three 3\n"));
    }

    [Fact]
    public void A_sentence_after_a_tab_is_located_at_its_first_character()
    {
        Assert.Equal([(4, 3)], Where("-\tIn 2020 it began.\n"));
    }
}
