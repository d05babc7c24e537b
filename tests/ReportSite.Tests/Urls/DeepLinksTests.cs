using System.Text.RegularExpressions;
using CsCheck;
using ReportSite.Diagnostics;
using ReportSite.Markdown.Citations;
using ReportSite.Sources;
using ReportSite.Urls;

namespace ReportSite.Tests.Urls;

/// <summary>
/// <see cref="DeepLinks"/>: which locators name a page (read by the real citation parser), PDF page links, and text
/// fragments percent-encoded as the WICG text-fragment spec asks, for hostile quotes too.
/// </summary>
public sealed partial class DeepLinksTests
{
    private static SourceRecord Record(string? file = null, string? url = null, string? quote = null, bool withheld = false) => new()
    {
        Id = "a", Type = SourceType.Report, Title = "A", Location = new SourceLocation("input/sources/a.yml", 1, 1),
        File = file, LocalFile = file is null ? null : new HashedFile(file, new string('0', 64), 10),
        Url = url, Quote = quote,
        Sensitivity = withheld ? SourceSensitivity.Withheld : SourceSensitivity.Public, WithheldReason = withheld ? "safety" : null,
    };

    // The page a citation's locator names, as the parser reads "[@a, <locator>]".
    private static int? PageOfCitation(string locator)
    {
        Assert.Equal(CitationParse.Citation, CitationSyntax.TryParse("@a, " + locator, out var group));
        var citation = Assert.Single(group!.Citations);
        return DeepLinks.PageOf(citation.Locator, citation.LocatorLabel);
    }

    [Theory]
    [InlineData("p. 4", 4)]
    [InlineData("pp. 4-5", 4)]
    [InlineData("pp. 12–14", 12)]
    [InlineData("page 4", 4)]
    [InlineData("pages 33-35, 38-39", 33)]
    [InlineData("p4", 4)]
    [InlineData("4", 4)] // Pandoc reads a bare number as a page
    [InlineData("ص 4", 4)]
    [InlineData("ص. 4", 4)]
    [InlineData("صفحة 4", 4)]
    [InlineData("ص ٤", 4)]
    [InlineData("صص ١٢-١٣", 12)]
    [InlineData("الصفحة ٢٠٧", 207)]
    [InlineData("ص ۱۵", 15)] // Extended Arabic-Indic (Persian) digits
    public void A_page_locator_names_its_first_page(string locator, int page) => Assert.Equal(page, PageOfCitation(locator));

    [Theory]
    [InlineData("p. iv")] // roman numerals: the printed page, not the PDF's
    [InlineData("chap. 4")]
    [InlineData("sec. 4")]
    [InlineData("ص. 0")]
    [InlineData("p. 12a")]
    [InlineData("p. 4.2")]
    [InlineData("p. 1234567")]
    [InlineData("{iv, 34}")]
    public void Other_locators_name_no_page(string locator) => Assert.Null(PageOfCitation(locator));

    [Fact]
    public void No_locator_names_no_page()
    {
        Assert.Null(DeepLinks.PageOf(null, null));
        Assert.Null(DeepLinks.PageOf("4", "chapter"));
    }

    [Fact]
    public void A_page_of_a_published_pdf_is_its_path_with_the_page()
    {
        Assert.Equal("documents/leak.pdf#page=4", DeepLinks.PdfPage(Record(file: "documents/leak.pdf"), 4));
        Assert.Equal("documents/LEAK.PDF#page=2", DeepLinks.PdfPage(Record(file: "documents/LEAK.PDF"), 2));
        var link = DeepLinks.For(Record(file: "documents/leak.pdf"), "pp. 4-5", "page")!;
        Assert.Equal(("documents/leak.pdf#page=4", (string?)null, (int?)4), (link.Path, link.Url, link.Page));
    }

    [Fact]
    public void No_page_link_to_a_file_that_is_not_a_pdf_withheld_or_absent()
    {
        Assert.Null(DeepLinks.PdfPage(Record(file: "documents/leak.txt"), 4));
        Assert.Null(DeepLinks.PdfPage(Record(file: "documents/leak.pdf", withheld: true), 4));
        Assert.Null(DeepLinks.PdfPage(Record(), 4));
        Assert.Null(DeepLinks.For(Record(file: "documents/leak.pdf", url: "https://example.org/", quote: "a passage", withheld: true), "p. 4", "page"));
    }

    [Fact]
    public void A_page_locator_on_a_web_source_falls_back_to_its_quote()
    {
        var link = DeepLinks.For(Record(url: "https://example.org/story", quote: "a passage"), "p. 4", "page")!;
        Assert.Equal((null, "https://example.org/story#:~:text=a%20passage", null), (link.Path, link.Url, link.Page));
        Assert.Null(DeepLinks.For(Record(url: "https://example.org/story"), "p. 4", "page"));
    }

    [Theory]
    [InlineData("a-b", "a%2Db")]
    [InlineData("a&b,c", "a%26b%2Cc")]
    [InlineData("50% #1", "50%25%20%231")]
    [InlineData("x._~y", "x._~y")]
    [InlineData("a=b?c/d:e'f(g)!*+;$@", "a%3Db%3Fc%2Fd%3Ae%27f%28g%29%21%2A%2B%3B%24%40")]
    [InlineData("تدمر", "%D8%AA%D8%AF%D9%85%D8%B1")]
    [InlineData("\u202Eevil", "%E2%80%AEevil")]
    public void A_term_is_percent_encoded_except_unreserved_characters_and_the_dash_too(string term, string encoded) =>
        Assert.Equal(encoded, DeepLinks.Encode(term));

    [Fact]
    public void A_quote_is_found_as_a_page_renders_it()
    {
        // White space (newlines, tabs, runs of spaces) collapses; bidirectional marks are dropped.
        Assert.Equal("text=one%20two%20three", DeepLinks.TextDirective("  one\n two\t\tthree \r\n"));
        Assert.Equal("text=%D8%B9%D9%86%20%D8%AA%D8%AF%D9%85%D8%B1", DeepLinks.TextDirective("\u200Fعن  \u202Bتدمر\u202C\u2067"));
        Assert.Null(DeepLinks.TextDirective(" \u200F\n\u2066 "));
    }

    [Fact]
    public void A_long_quote_is_found_by_its_first_and_last_words()
    {
        var words = Enumerable.Range(1, DeepLinks.WordsForRange).Select(i => "w" + i).ToList();
        Assert.Equal("text=w1%20w2%20w3%20w4,w9%20w10%20w11%20w12", DeepLinks.TextDirective(string.Join(' ', words)));
        Assert.Equal("text=" + string.Join("%20", words.Take(DeepLinks.WordsForRange - 1)),
            DeepLinks.TextDirective(string.Join(' ', words.Take(DeepLinks.WordsForRange - 1))));
    }

    [Theory]
    [InlineData("https://example.org/story", "https://example.org/story#:~:text=x%2Dy")]
    [InlineData("https://example.org/story?a=1&b=2", "https://example.org/story?a=1&b=2#:~:text=x%2Dy")]
    [InlineData("http://example.org/story#part-2", "http://example.org/story#part-2:~:text=x%2Dy")]
    public void A_quote_on_a_web_source_links_with_a_text_fragment(string url, string expected) =>
        Assert.Equal(expected, DeepLinks.QuoteLink(Record(url: url, quote: "x-y")));

    [Theory]
    [InlineData("javascript:alert(1)//")]
    [InlineData("java\tscript:alert(1)")]
    [InlineData("data:text/html,x")]
    [InlineData("mailto:someone@example.org")]
    [InlineData("https://example.org/#:~:text=theirs")]
    public void No_text_fragment_on_a_refused_url_or_one_that_has_its_own(string url) =>
        Assert.Null(DeepLinks.QuoteLink(Record(url: url, quote: "a passage")));

    [Fact]
    public void No_text_fragment_without_a_quote_or_on_a_withheld_source()
    {
        Assert.Null(DeepLinks.QuoteLink(Record(url: "https://example.org/")));
        Assert.Null(DeepLinks.QuoteLink(Record(url: "https://example.org/", quote: "a passage", withheld: true)));
    }

    [GeneratedRegex("^text=[A-Za-z0-9._~%]+(,[A-Za-z0-9._~%]+)?$")]
    private static partial Regex SafeDirective();

    [Fact]
    public void Any_quote_gives_a_directive_of_url_safe_characters_that_decodes_to_its_words()
    {
        // Quotes of any characters, among them the directive's own syntax, '#', '%', line breaks and bidi controls.
        var hostile = Gen.OneOf(Gen.Char["-&,#%:~=. \n\r\t\u200E\u200F\u202A\u202E\u2066\u2069<>\"'"], Gen.Char, Gen.Char['ا', 'ي']);
        hostile.Array[0, 80].Select(chars => new string(chars)).Sample(quote =>
        {
            var directive = DeepLinks.TextDirective(quote);
            var words = quote.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
                .Select(w => new string(w.Where(c => !(c is '\u200E' or '\u200F' or '\u061C' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069'))).ToArray()))
                .Where(w => w.Length > 0).ToList();
            if (words.Count == 0) { Assert.Null(directive); return; }
            Assert.Matches(SafeDirective(), directive!);
            var terms = directive!["text=".Length..].Split(',').Select(Uri.UnescapeDataString).ToList();
            // A lone surrogate is written as U+FFFD: compare with what UTF-8 can carry.
            static string Utf8(string s) => System.Text.Encoding.UTF8.GetString(System.Text.Encoding.UTF8.GetBytes(s));
            if (words.Count < DeepLinks.WordsForRange) Assert.Equal([Utf8(string.Join(' ', words))], terms);
            else Assert.Equal([Utf8(string.Join(' ', words.Take(4))), Utf8(string.Join(' ', words.TakeLast(4)))], terms);
        }, iter: 2000);
    }
}
