using System.Text;
using ReportSite.Markdown.Citations;
using ReportSite.Safety;
using ReportSite.Sources;

namespace ReportSite.Urls;

/// <summary>
/// Where a citation points inside its source, computed once per citation for the pages: a page locator on a PDF
/// links to that page of the published file (<c>documents/x.pdf#page=4</c>), and otherwise a source's quoted passage
/// on the web links to the passage itself with a text fragment (<c>url#:~:text=…</c>, WICG "URL Fragment Text
/// Directives"). A withheld source has no published file and gets neither.
/// </summary>
public static class DeepLinks
{
    /// <summary>The deep link of one citation of <paramref name="record"/>, or null when there is none.</summary>
    public static DeepLink? For(SourceRecord record, string? locator, string? locatorLabel) =>
        For(record, locator, locatorLabel, QuoteLink(record));

    /// <summary><see cref="For(SourceRecord, string?, string?)"/> with the record's <see cref="QuoteLink"/> computed
    /// once (a source is cited many times).</summary>
    public static DeepLink? For(SourceRecord record, string? locator, string? locatorLabel, string? quoteLink)
    {
        if (record.IsWithheld) return null;
        if (PageOf(locator, locatorLabel) is { } page && PdfPage(record, page) is { } path) return new DeepLink(path, null, page);
        return quoteLink is null ? null : new DeepLink(null, quoteLink, null);
    }

    /// <summary>
    /// The page a locator names, when it is a page (<c>p. 4</c>, <c>pp. 4-5</c>, <c>page 4</c>, <c>ص 4</c>,
    /// <c>صفحة ٤</c>, or a bare number, which Pandoc reads as a page): the first page of a range or list. Null for
    /// anything else: another kind of locator, roman numerals, or a value that is not a plain number (<c>12a</c>).
    /// </summary>
    public static int? PageOf(string? locator, string? locatorLabel)
    {
        if (locator is null || locatorLabel != "page") return null;
        var value = CitationSyntax.SplitLocator(locator.Trim()).Value.AsSpan().Trim();
        var page = 0;
        var digits = 0;
        foreach (var c in value)
        {
            if (DigitValue(c) is not { } digit) break;
            if (++digits > 6) return null; // no document has a million pages; nor does the int overflow
            page = page * 10 + digit;
        }
        if (digits == 0 || page == 0) return null;
        // The number must end there, or be the first of a range or list ("4-5", "4–5", "4, 7", "4 & 9").
        if (digits < value.Length && !(char.IsWhiteSpace(value[digits]) || value[digits] is '-' or '‐' or '‑' or '–' or '—' or ',' or '،' or '&'))
            return null;
        return page;
    }

    // ASCII, Arabic-Indic (٠–٩) and Extended Arabic-Indic (۰–۹, Persian and Urdu) digits.
    private static int? DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= '\u0660' and <= '\u0669' => c - '\u0660',
        >= '\u06F0' and <= '\u06F9' => c - '\u06F0',
        _ => null,
    };

    /// <summary>The site path of <paramref name="page"/> of the record's published PDF, or null when it has none.</summary>
    public static string? PdfPage(SourceRecord record, int page) =>
        !record.IsWithheld && record.LocalFile is { } file && MediaTypes.IsPdf(file.Path)
            ? SitePaths.InputFileLink(file.Path) + "#page=" + page.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : null;

    /// <summary>The record's <c>url</c> with a text fragment for its <c>quote</c>, when it has both and the URL is http(s).</summary>
    public static string? QuoteLink(SourceRecord record)
    {
        if (record.IsWithheld || record.Url is not { } url || record.Quote is not { } quote) return null;
        // The scheme check every URL of the site goes through; and a text fragment means something only on a web page.
        if (!UrlPolicy.IsAllowed(url) || UrlPolicy.SchemeOf(url) is not ("http" or "https")) return null;
        if (TextDirective(quote) is not { } directive) return null;
        var hash = url.IndexOf('#');
        // The author already linked to a passage: keep theirs.
        if (hash >= 0 && url.AsSpan(hash).Contains(":~:", StringComparison.Ordinal)) return null;
        // The directive follows the page's own fragment, if any ("#section:~:text=…").
        return url + (hash < 0 ? "#" : "") + ":~:" + directive;
    }

    /// <summary>Above this many words a quote is linked by its first and last words (textStart,textEnd).</summary>
    public const int WordsForRange = 12;
    /// <summary>How many words each end of a long quote keeps.</summary>
    public const int WordsAtEachEnd = 4;

    /// <summary>
    /// <c>text=…</c> for <paramref name="quote"/>: white space collapsed as a page renders it, bidirectional marks
    /// dropped (authors add them to display a quote, pages seldom hold them), each term percent-encoded. A long quote
    /// becomes <c>text=start,end</c>; null when nothing is left to find.
    /// </summary>
    public static string? TextDirective(string quote)
    {
        var words = quote.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(word => new string(word.Where(c => !IsBidiControl(c)).ToArray()))
            .Where(word => word.Length > 0)
            .ToList();
        if (words.Count == 0) return null;
        if (words.Count < WordsForRange) return "text=" + Encode(string.Join(' ', words));
        return "text=" + Encode(string.Join(' ', words.Take(WordsAtEachEnd))) + "," + Encode(string.Join(' ', words.TakeLast(WordsAtEachEnd)));
    }

    // LRM, RLM, ALM, the embeddings and overrides (U+202A–202E) and the isolates (U+2066–2069).
    private static bool IsBidiControl(char c) =>
        c is '\u200E' or '\u200F' or '\u061C' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    /// <summary>
    /// One term of a text directive, percent-encoded as UTF-8: everything but the unreserved characters of RFC 3986
    /// (letters, digits, <c>.</c>, <c>_</c>, <c>~</c>), and <c>-</c> too, which the directive's syntax uses (as it
    /// uses <c>,</c> and <c>&amp;</c>, which are encoded as well).
    /// </summary>
    public static string Encode(string term)
    {
        var text = new StringBuilder(term.Length * 3);
        // Encoding.UTF8 writes U+FFFD for a lone surrogate: the URL is always valid UTF-8.
        foreach (var b in Encoding.UTF8.GetBytes(term))
        {
            if (char.IsAsciiLetterOrDigit((char)b) || b is (byte)'.' or (byte)'_' or (byte)'~') text.Append((char)b);
            else text.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return text.ToString();
    }
}

/// <summary>
/// A citation's link into its source: either <see cref="Path"/>, the site path of a page of the published PDF
/// (<see cref="Page"/>), or <see cref="Url"/>, the source's web address with a text fragment for its quote.
/// </summary>
public sealed record DeepLink(string? Path, string? Url, int? Page);
