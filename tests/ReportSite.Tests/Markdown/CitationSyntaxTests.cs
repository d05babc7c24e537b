using ReportSite.Markdown.Citations;

namespace ReportSite.Tests.Markdown;

/// <summary>
/// <see cref="CitationSyntax.TryParse"/> against Pandoc's citation syntax. Inputs are the content of a bracket,
/// without the brackets: <c>[see @a, p. 4]</c> is passed as <c>see @a, p. 4</c>.
/// </summary>
public class CitationSyntaxTests
{
    private static Citation ParseSingle(string content)
    {
        var result = CitationSyntax.TryParse(content, out var group);
        Assert.Equal(CitationParse.Citation, result);
        Assert.NotNull(group);
        return Assert.Single(group.Citations);
    }

    private static IReadOnlyList<Citation> ParseMany(string content)
    {
        var result = CitationSyntax.TryParse(content, out var group);
        Assert.Equal(CitationParse.Citation, result);
        Assert.NotNull(group);
        return group.Citations;
    }

    // ---- single citations: key, prefix, locator, label, suffix, suppress-author ----

    [Theory]
    // key alone, prefixes
    [InlineData("@key", "key", null, null, null, null, false)]
    [InlineData("see @key", "key", "see", null, null, null, false)]
    [InlineData("see also @key", "key", "see also", null, null, null, false)]
    [InlineData("  @key  ", "key", null, null, null, null, false)]
    // English locators (citeproc locator terms)
    [InlineData("@key, p. 4", "key", null, "p. 4", "page", null, false)]
    [InlineData("@key, pp. 3-5", "key", null, "pp. 3-5", "page", null, false)]
    [InlineData("@key, pp. 3–5", "key", null, "pp. 3–5", "page", null, false)]
    [InlineData("@key, pp. 33-35, 38-39", "key", null, "pp. 33-35, 38-39", "page", null, false)]
    [InlineData("@key, chap. 2", "key", null, "chap. 2", "chapter", null, false)]
    [InlineData("@key, chapter 3 & 4", "key", null, "chapter 3 & 4", "chapter", null, false)]
    [InlineData("@key, vol. 2", "key", null, "vol. 2", "volume", null, false)]
    [InlineData("@key, sec. 2a", "key", null, "sec. 2a", "section", null, false)]
    [InlineData("@key, § 3", "key", null, "§ 3", "section", null, false)]
    [InlineData("@key, para. 3", "key", null, "para. 3", "paragraph", null, false)]
    [InlineData("@key, p. iv", "key", null, "p. iv", "page", null, false)]
    // a bare number is a page locator; a bare roman numeral is not (citeproc requires a label for it)
    [InlineData("@key, 4", "key", null, "4", "page", null, false)]
    [InlineData("@key, 12a", "key", null, "12a", "page", null, false)]
    [InlineData("@key, iv", "key", null, null, null, "iv", false)]
    // the comma after the key is optional for a labelled locator
    [InlineData("@key p. 4", "key", null, "p. 4", "page", null, false)]
    // locator + suffix, suffix only
    [InlineData("@key, p. 4, emphasis added", "key", null, "p. 4", "page", "emphasis added", false)]
    [InlineData("@key, pp. 33-35, 38-39, emphasis added", "key", null, "pp. 33-35, 38-39", "page", "emphasis added", false)]
    [InlineData("@key, emphasis added", "key", null, null, null, "emphasis added", false)]
    [InlineData("@key, and 4 more", "key", null, null, null, "and 4 more", false)]
    // only one locator per citation: a second labelled locator is suffix
    [InlineData("@key, vol. 2, p. 4", "key", null, "vol. 2", "volume", "p. 4", false)]
    // Arabic locator terms, Western and Arabic-Indic digits
    [InlineData("@key, ص 4", "key", null, "ص 4", "page", null, false)]
    [InlineData("@key, ص ٤", "key", null, "ص ٤", "page", null, false)]
    [InlineData("@key, ص ٤-٥", "key", null, "ص ٤-٥", "page", null, false)]
    [InlineData("@key, ص. 4", "key", null, "ص. 4", "page", null, false)]
    [InlineData("@key, صفحة 12", "key", null, "صفحة 12", "page", null, false)]
    [InlineData("@key, الصفحة 12", "key", null, "الصفحة 12", "page", null, false)]
    [InlineData("@key, ج 2", "key", null, "ج 2", "volume", null, false)]
    [InlineData("@key, مج 2, ص 4", "key", null, "مج 2", "volume", "ص 4", false)]
    [InlineData("@key, فصل 3", "key", null, "فصل 3", "chapter", null, false)]
    // suppress author
    [InlineData("-@key", "key", null, null, null, null, true)]
    [InlineData("see -@key, p. 4", "key", "see", "p. 4", "page", null, true)]
    // key characters: internal punctuation : . - _ stays in the key
    [InlineData("@doc:2014.11-a_b", "doc:2014.11-a_b", null, null, null, null, false)]
    [InlineData("@_key", "_key", null, null, null, null, false)]
    // trailing punctuation is not part of the key
    [InlineData("@doe.", "doe", null, null, null, ".", false)]
    [InlineData("@doe:", "doe", null, null, null, ":", false)]
    [InlineData("@doe-", "doe", null, null, null, "-", false)]
    [InlineData("@doe--x", "doe", null, null, null, "--x", false)]
    // braced keys
    [InlineData("@{odd key}", "odd key", null, null, null, null, false)]
    [InlineData("@{odd key}, p. 4", "odd key", null, "p. 4", "page", null, false)]
    [InlineData("-@{odd key}", "odd key", null, null, null, null, true)]
    [InlineData("@{a;b}", "a;b", null, null, null, null, false)]
    // Arabic / Unicode keys
    [InlineData("@وثيقة-1", "وثيقة-1", null, null, null, null, false)]
    [InlineData("انظر @وثيقة-1, ص 4", "وثيقة-1", "انظر", "ص 4", "page", null, false)]
    [InlineData("@müller2020", "müller2020", null, null, null, null, false)]
    // an e-mail address in the prefix is not a key
    [InlineData("see user@example.com and @key", "key", "see user@example.com and", null, null, null, false)]
    // CSL 1.0.2 locator types, from their en-US terms (and Arabic ones): "number" and "no." are CSL's "issue"
    [InlineData("@a, no. 7", "a", null, "no. 7", "issue", null, false)]
    [InlineData("@a, numbers 7-9", "a", null, "numbers 7-9", "issue", null, false)]
    [InlineData("@a, رقم 7", "a", null, "رقم 7", "issue", null, false)]
    [InlineData("@a, app. B2", "a", null, "app. B2", "appendix", null, false)]
    [InlineData("@a, art. 12", "a", null, "art. 12", "article-locator", null, false)]
    [InlineData("@a, eq. 3", "a", null, "eq. 3", "equation", null, false)]
    [InlineData("@a, tbl. 4, adapted", "a", null, "tbl. 4", "table", "adapted", false)]
    [InlineData("@a, جدول 4", "a", null, "جدول 4", "table", null, false)]
    [InlineData("@a, sc. 2", "a", null, "sc. 2", "scene", null, false)]
    [InlineData("@a, act 3", "a", null, "act 3", "act", null, false)]
    [InlineData("@a, r. 12", "a", null, "r. 12", "rule", null, false)]
    [InlineData("@a, canon 5", "a", null, "canon 5", "canon", null, false)]
    [InlineData("@a, loc. 1200", "a", null, "loc. 1200", "elocation", null, false)]
    [InlineData("@a, tit. 5", "a", null, "tit. 5", "title-locator", null, false)]
    [InlineData("@a, sub verbis 3", "a", null, "sub verbis 3", "sub-verbo", null, false)]
    // a term with no value after it is a suffix, not a locator
    [InlineData("@a, title page", "a", null, null, null, "title page", false)]
    public void Parses_a_single_citation(
        string content, string key, string? prefix, string? locator, string? label, string? suffix, bool suppressAuthor)
    {
        var citation = ParseSingle(content);

        Assert.Equal(key, citation.Key);
        Assert.Equal(prefix, citation.Prefix);
        Assert.Equal(locator, citation.Locator);
        Assert.Equal(label, citation.LocatorLabel);
        Assert.Equal(suffix, citation.Suffix);
        Assert.Equal(suppressAuthor, citation.SuppressAuthor);
    }

    [Fact]
    public void Braced_locator_is_a_page_locator()
    {
        var citation = ParseSingle("@key, {iv, 34}");

        Assert.Equal("key", citation.Key);
        Assert.Equal("iv, 34", citation.Locator);
        Assert.Equal("page", citation.LocatorLabel);
        Assert.Null(citation.Suffix);
    }

    [Fact]
    public void Braced_locator_is_followed_by_a_suffix()
    {
        var citation = ParseSingle("@key, {iv, 34}, with a suffix");

        Assert.Equal("iv, 34", citation.Locator);
        Assert.Equal("page", citation.LocatorLabel);
        Assert.Equal("with a suffix", citation.Suffix);
    }

    [Theory]
    [InlineData("@key{}, 99 years later")]
    [InlineData("@key, {}, 99 years later")]
    [InlineData("@key {} 99 years later")]
    public void Empty_braces_say_the_suffix_is_no_locator(string content)
    {
        var citation = ParseSingle(content);

        Assert.Equal("key", citation.Key);
        Assert.Null(citation.Locator);
        Assert.Null(citation.LocatorLabel);
        Assert.Equal("99 years later", citation.Suffix);
    }

    // ---- groups ----

    [Fact]
    public void Multiple_citations_are_read_in_order()
    {
        var citations = ParseMany("see @a; @b, pp. 3-5");

        Assert.Equal(2, citations.Count);
        Assert.Equal(("a", "see", null, null, null, false),
            (citations[0].Key, citations[0].Prefix, citations[0].Locator, citations[0].LocatorLabel, citations[0].Suffix, citations[0].SuppressAuthor));
        Assert.Equal(("b", null, "pp. 3-5", "page", null, false),
            (citations[1].Key, (string?)citations[1].Prefix, citations[1].Locator, citations[1].LocatorLabel, citations[1].Suffix, citations[1].SuppressAuthor));
    }

    [Fact]
    public void Mixed_group_with_suppress_author_and_suffix()
    {
        var citations = ParseMany("see @a, p. 4; -@b, chap. 2, and elsewhere; @c");

        Assert.Equal(["a", "b", "c"], citations.Select(c => c.Key));
        Assert.Equal("see", citations[0].Prefix);
        Assert.Equal("p. 4", citations[0].Locator);
        Assert.False(citations[0].SuppressAuthor);
        Assert.True(citations[1].SuppressAuthor);
        Assert.Equal("chap. 2", citations[1].Locator);
        Assert.Equal("chapter", citations[1].LocatorLabel);
        Assert.Equal("and elsewhere", citations[1].Suffix);
        Assert.Null(citations[2].Prefix);
        Assert.Null(citations[2].Locator);
    }

    [Theory]
    [InlineData("@a;@b")]
    [InlineData("@a ; @b")]
    [InlineData("@a;\n@b")]
    public void Semicolon_separates_citations_with_or_without_spaces(string content)
    {
        var citations = ParseMany(content);

        Assert.Equal(["a", "b"], citations.Select(c => c.Key));
        Assert.All(citations, c => Assert.Null(c.Suffix));
        Assert.All(citations, c => Assert.Null(c.Prefix));
    }

    // ---- not a citation, empty ----

    [Theory]
    [InlineData("no at sign here")]
    [InlineData("user@example.com")]
    [InlineData("contact user@example.com")]
    [InlineData("https://example.com/@user")]
    [InlineData("`@key`")]
    [InlineData("see `@key` here")]
    [InlineData("@ key")]
    [InlineData("@a; no key here")] // every ';'-separated part must hold a citation
    public void Is_not_a_citation(string content)
    {
        var result = CitationSyntax.TryParse(content, out var group);

        Assert.Equal(CitationParse.NotACitation, result);
        Assert.Null(group);
    }

    [Theory]
    [InlineData("@")]
    [InlineData("-@")]
    [InlineData(" @ ")]
    public void Bare_at_sign_is_an_empty_citation(string content)
    {
        var result = CitationSyntax.TryParse(content, out var group);

        Assert.Equal(CitationParse.Empty, result);
        Assert.Null(group);
    }

    // ---- round trip ----

    /// <summary>Valid inputs whose ToString() must parse back to the same citations.</summary>
    public static TheoryData<string> ValidInputs() =>
    [
        "@key",
        "see @key",
        "see also @key",
        "@key, p. 4",
        "@key, pp. 3-5",
        "@key, pp. 33-35, 38-39",
        "@key, chap. 2",
        "@key, 4",
        "@key, iv",
        "@key p. 4",
        "@key, p. 4, emphasis added",
        "@key, emphasis added",
        "@key, vol. 2, p. 4",
        "@key, ص 4",
        "@key, ص ٤",
        "@key, صفحة 12",
        "@key, ج 2",
        "-@key",
        "see -@key, p. 4",
        "see @a; @b, pp. 3-5",
        "see @a, p. 4; -@b, chap. 2, and elsewhere; @c",
        "@a;@b",
        "@doc:2014.11-a_b",
        "@doe.",
        "@doe--x",
        "@وثيقة-1",
        "انظر @وثيقة-1, ص 4",
        "see user@example.com and @key",
        "@key{}, 99 years later",
        "@key, {}, p. 4 of the preface",
    ];

    [Theory]
    [MemberData(nameof(ValidInputs))]
    public void ToString_parses_back_to_the_same_citations(string content)
    {
        Assert.Equal(CitationParse.Citation, CitationSyntax.TryParse(content, out var group));
        Assert.NotNull(group);

        var printed = group.ToString();
        Assert.StartsWith("[", printed);
        Assert.EndsWith("]", printed);
        Assert.Equal(CitationParse.Citation, CitationSyntax.TryParse(printed[1..^1], out var reparsed));
        Assert.NotNull(reparsed);

        Assert.Equal(Fields(group), Fields(reparsed));
    }

    [Fact]
    public void ToString_of_a_braced_key_parses_back_to_the_same_key()
    {
        Assert.Equal(CitationParse.Citation, CitationSyntax.TryParse("@{odd key}, p. 4", out var group));
        Assert.NotNull(group);

        var printed = group.ToString();
        Assert.Equal(CitationParse.Citation, CitationSyntax.TryParse(printed[1..^1], out var reparsed));
        Assert.NotNull(reparsed);

        Assert.Equal(Fields(group), Fields(reparsed));
    }

    [Fact]
    public void ToString_prints_pandoc_syntax()
    {
        Assert.Equal(CitationParse.Citation, CitationSyntax.TryParse("see  -@a,p. 4 ;@b ,  emphasis added", out var group));
        Assert.NotNull(group);

        Assert.Equal("[see -@a, p. 4; @b, emphasis added]", group.ToString());
    }

    private static List<(string Key, string? Prefix, string? Locator, string? Suffix, bool SuppressAuthor)> Fields(CitationGroup group) =>
        group.Citations.Select(c => (c.Key, c.Prefix, c.Locator, c.Suffix, c.SuppressAuthor)).ToList();

    // ---- key offsets ----

    [Theory]
    [MemberData(nameof(ValidInputs))]
    public void KeyOffset_points_at_the_at_sign_of_each_key(string content)
    {
        Assert.Equal(CitationParse.Citation, CitationSyntax.TryParse(content, out var group));
        Assert.NotNull(group);

        Assert.All(group.Citations, citation =>
        {
            Assert.Equal('@', content[citation.KeyOffset]);
            var key = content[(citation.KeyOffset + 1)..];
            Assert.StartsWith(citation.Key, key.StartsWith('{') ? key[1..] : key, StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData("@key", new[] { 0 })]
    [InlineData("-@key", new[] { 1 })]
    [InlineData("see -@key, p. 4", new[] { 5 })]
    [InlineData("see @a; @b, pp. 3-5", new[] { 4, 8 })]
    [InlineData("@a;@b;  -@c", new[] { 0, 3, 9 })]
    [InlineData("see user@example.com and @key", new[] { 25 })]
    [InlineData("@{odd key}", new[] { 0 })]
    public void KeyOffsets_have_exact_values(string content, int[] offsets)
    {
        var citations = ParseMany(content);

        Assert.Equal(offsets, citations.Select(c => c.KeyOffset));
    }

    [Fact]
    public void Every_locator_label_is_a_CSL_1_0_2_locator_type()
    {
        Assert.All(LocatorTerms.Labels, label => Assert.Contains(label, LocatorTerms.CslLocatorTypes));
        Assert.Contains("issue", LocatorTerms.Labels);
        Assert.DoesNotContain("number", LocatorTerms.Labels);
    }
}
