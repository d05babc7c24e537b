namespace ReportSite.Markdown.Citations;

/// <summary>The outcome of reading a bracket's content as a citation group.</summary>
public enum CitationParse { NotACitation, Citation, Empty }

/// <summary>
/// Reads the content of a bracketed citation group (without the brackets), following Pandoc's Markdown reader:
/// citations separated by ';', each <c>prefix -@key suffix</c>, and a locator read from the start of the suffix
/// as citeproc reads it (<c>, p. 4</c>, <c>, pp. 3-5</c>, <c>, ص 4</c>, a bare number, or <c>{…}</c>).
/// Pure and allocation-light: the Markdig inline parser and the tests call it directly.
/// </summary>
public static class CitationSyntax
{
    /// <summary>Characters Pandoc allows inside a key when followed by a letter, digit or '_'.</summary>
    private const string InternalPunctuation = ":.#$%&-+?<>~/";

    public static CitationParse TryParse(string content, out CitationGroup? group)
    {
        group = null;
        if (content.IndexOf('@') < 0) return CitationParse.NotACitation;
        var trimmed = content.AsSpan().Trim();
        if (trimmed is "@" or "-@") return CitationParse.Empty;

        var citations = new List<Citation>();
        foreach (var (start, end) in Segments(content))
        {
            var citation = ParseSegment(content, start, end);
            if (citation is null) return CitationParse.NotACitation;
            citations.Add(citation);
        }
        group = new CitationGroup(citations);
        return CitationParse.Citation;
    }

    /// <summary>
    /// The bracket after an in-text citation, as Pandoc's <c>textualCite</c> reads it: a whole citation list
    /// (<c>@a [@b; @c]</c>), or the first citation's locator and suffix, then optionally more citations after ';'
    /// (<c>@a [p. 3]</c>, <c>@a [p. 3; @b]</c>). Null when the bracket is neither (it is then read on its own).
    /// </summary>
    public static CitationGroup? ReadInTextBracket(string content, Citation first)
    {
        if (content.AsSpan().IsWhiteSpace()) return null;
        if (content.Contains('@') && TryParse(content, out var list) == CitationParse.Citation)
            return new CitationGroup([first, .. list!.Citations], InText: true);
        var citations = new List<Citation>();
        foreach (var (start, end) in Segments(content))
        {
            if (citations.Count == 0)
            {
                var (locator, label, suffix, asWritten) = ReadSuffix(content.AsSpan(start, end - start));
                citations.Add(first with { Locator = locator, LocatorLabel = label, Suffix = suffix, LocatorAsWritten = asWritten });
                continue;
            }
            if (ParseSegment(content, start, end) is not { } next) return null;
            citations.Add(next);
        }
        return new CitationGroup(citations, InText: true);
    }

    /// <summary>Splits on ';' (or the Arabic '؛') outside braces, brackets, code spans and backslash escapes.</summary>
    private static IEnumerable<(int Start, int End)> Segments(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '\\': i++; break;
                case '`': i = SkipCodeSpan(text, i) - 1; break;
                case '[' or '{': depth++; break;
                case ']' or '}': depth = Math.Max(0, depth - 1); break;
                case ';' or '؛' when depth == 0: // Arabic authors separate with the Arabic semicolon
                    yield return (start, i);
                    start = i + 1;
                    break;
            }
        }
        yield return (start, text.Length);
    }

    private static Citation? ParseSegment(string text, int start, int end)
    {
        if (NextKey(text, start, end) is not var (i, keyEnd, key, suppress)) return null;
        var before = suppress ? i - 1 : i;
        var prefix = Clean(text.AsSpan(start, before - start));
        var (locator, label, suffix, asWritten) = ReadSuffix(text.AsSpan(keyEnd, end - keyEnd));
        return new Citation(key, prefix, locator, label, suffix, suppress ? CitationMode.SuppressAuthor : CitationMode.Normal, i)
        { LocatorAsWritten = asWritten, Braced = text[i + 1] == '{' };
    }

    /// <summary>The first '@key' in text[start..end) that Pandoc reads as a key: not escaped, not in code or &lt;…&gt;, not after a word.</summary>
    private static (int At, int KeyEnd, string Key, bool Suppress)? NextKey(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (c == '\\') { i++; continue; }
            if (c == '`') { i = SkipCodeSpan(text, i) - 1; continue; }
            if (c == '<') { var close = text.IndexOf('>', i); if (close > 0 && close < end) i = close; continue; }
            if (c != '@') continue;

            var suppress = i > start && text[i - 1] == '-';
            var before = suppress ? i - 1 : i;
            // '@' after a letter, digit or '/' is part of an e-mail address or URL, not a citation.
            if (before > start && !char.IsWhiteSpace(text[before - 1]) && text[before - 1] is not ('(' or '[')) continue;

            var keyEnd = ReadKey(text, i + 1, end, out var key);
            if (key is null) continue;
            return (i, keyEnd, key, suppress);
        }
        return null;
    }

    /// <summary>Every '@key' of a bracket's content that reads as a key, with the offset of its '@'.</summary>
    public static IEnumerable<(int Offset, string Key)> KeysIn(string content)
    {
        for (var from = 0; NextKey(content, from, content.Length) is var (at, keyEnd, key, _); from = keyEnd)
            yield return (at, key);
    }

    /// <summary>
    /// Why a bracket that holds a key is not a citation group ("'see below' has no @key"), or null when it holds
    /// no key at all or is one.
    /// </summary>
    public static string? WhyNotACitation(string content)
    {
        if (!KeysIn(content).Any()) return null;
        foreach (var (start, end) in Segments(content))
            if (NextKey(content, start, end) is null)
                return content[start..end].Trim() is { Length: > 0 } part
                    ? $"the part '{part}' between ';' has no @key, so the bracket is not a citation group"
                    : "a part between ';' is empty, so the bracket is not a citation group";
        return null;
    }

    /// <summary>Reads a Pandoc citation key at <paramref name="at"/>; returns the offset after it.</summary>
    internal static int ReadKey(string text, int at, int end, out string? key)
    {
        key = null;
        if (at >= end) return at;
        if (text[at] == '{')
        {
            // The closing brace, skipping backslash escapes as the ';' splitter does, so both read the same text.
            var close = -1;
            for (var j = at + 1; j < end; j++)
            {
                if (text[j] == '\\') { j++; continue; }
                if (text[j] == '}') { close = j; break; }
            }
            if (close < 0 || close == at + 1) return at;
            var braced = text[(at + 1)..close].Trim();
            if (braced.Length == 0) return at; // "@{ }" names nothing
            key = braced;
            return close + 1;
        }
        if (!IsKeyChar(text[at])) return at;
        var i = at + 1;
        while (i < end)
        {
            if (IsKeyChar(text[i])) { i++; continue; }
            // Internal punctuation only: "@doe." ends the key before the period.
            if (InternalPunctuation.Contains(text[i]) && i + 1 < end && IsKeyChar(text[i + 1])) { i += 2; continue; }
            break;
        }
        key = text[at..i];
        return i;
    }

    private static bool IsKeyChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    /// <summary>True when reading <paramref name="suffix"/> right after a locator would extend the locator ("5", "iv").</summary>
    internal static bool WouldExtendLocator(string suffix)
    {
        var end = ReadToken(suffix, 0);
        return end > 0;
    }

    /// <summary>True when <paramref name="suffix"/> alone, after a key, would be read as a locator ("99 years", "p. 3").</summary>
    internal static bool WouldReadAsLocator(string suffix) => ReadSuffix(suffix).Locator is not null;

    /// <summary>The locator's label as written and its value, e.g. ("p.", "4") for "p. 4", ("", "4") for "4".</summary>
    internal static (string Label, string Value) SplitLocator(string locator)
    {
        if (LocatorTerms.Match(locator) is { } term)
            return (locator[..term.Term.Length], locator[term.Term.Length..].TrimStart());
        return ("", locator);
    }

    /// <summary>True when <paramref name="key"/> can be written as a bare @key (otherwise it needs @{…}).</summary>
    public static bool IsBareKey(string key) => key.Length > 0 && ReadKey(key, 0, key.Length, out var read) == key.Length && read == key;

    /// <summary>Splits what follows a key into locator (with its CSL label) and suffix.</summary>
    private static (string? Locator, string? Label, string? Suffix, string? LocatorAsWritten) ReadSuffix(ReadOnlySpan<char> rest)
    {
        var text = rest.TrimStart();
        if (text.IsEmpty) return (null, null, null, null);
        // Arabic authors write the Arabic comma; it separates exactly like ','.
        if (text[0] is ',' or '،') text = text[1..].TrimStart();

        string? label = null;
        var valueStart = 0;
        if (LocatorTerms.Match(text) is { } term)
        {
            label = term.Label;
            valueStart = term.Term.Length;
            while (valueStart < text.Length && char.IsWhiteSpace(text[valueStart])) valueStart++;
        }

        // "[@key{}, 99 years later]": empty braces say that what follows is no locator, only the suffix (Pandoc's MANUAL).
        if (label is null && text.StartsWith("{}"))
        {
            var suffixText = text[2..].TrimStart();
            if (!suffixText.IsEmpty && suffixText[0] is ',' or '،') suffixText = suffixText[1..];
            return (null, null, Clean(suffixText), null);
        }

        // Without a label, only a number or {…} is a locator ("[@key, 4]"); roman numerals need one ("[@key, p. iv]").
        var braced = valueStart < text.Length && text[valueStart] == '{';
        var valueEnd = label is null && !braced && (valueStart >= text.Length || !char.IsDigit(text[valueStart]))
            ? valueStart
            : ReadLocatorValue(text, valueStart);
        if (valueEnd > valueStart)
        {
            var asWritten = Clean(text[..valueEnd]);
            // {…} only delimits the locator: readers see "iv, 34", not "{iv, 34}".
            var locator = braced
                ? Clean(string.Concat(text[..valueStart], text[(valueStart + 1)..(valueEnd - 1)]))
                : asWritten;
            if (braced && text[(valueStart + 1)..(valueEnd - 1)].IsWhiteSpace()) return (null, null, Clean(text), null); // "{ }" locates nothing
            var after = text[valueEnd..].TrimStart();
            if (!after.IsEmpty && after[0] is ',' or '،') after = after[1..];
            return (locator, label ?? "page", Clean(after), braced ? asWritten : null);
        }
        return (null, null, Clean(text), null);
    }

    /// <summary>
    /// A locator value: <c>{anything}</c> (braces may nest), or tokens holding a digit or a roman numeral (4, 3-5,
    /// 12a, iv, compound ones as Pandoc keeps them whole: 123(4)[5]6, 3(a), IV.2A, 4.4.8, and emphasised: **32**),
    /// joined by ',' or '&amp;' when the next token is one too ("pp. 33-35, 38-39", "3(a), 4.4.8").
    /// </summary>
    private static int ReadLocatorValue(ReadOnlySpan<char> text, int start)
    {
        if (start < text.Length && text[start] == '{')
        {
            var depth = 0;
            for (var i = start; i < text.Length; i++)
            {
                if (text[i] == '\\') { i++; continue; }
                if (text[i] == '{') depth++;
                else if (text[i] == '}' && --depth == 0) return i > start + 1 ? i + 1 : start;
            }
            return start;
        }
        var end = ReadToken(text, start);
        if (end == start) return start;
        while (true)
        {
            var next = end;
            while (next < text.Length && char.IsWhiteSpace(text[next])) next++;
            if (next >= text.Length || text[next] is not (',' or '،' or '&')) return end;
            next++;
            while (next < text.Length && char.IsWhiteSpace(text[next])) next++;
            var tokenEnd = ReadToken(text, next);
            if (tokenEnd == next) return end;
            end = tokenEnd;
        }
    }

    // One locator token. Brackets and parentheses belong to it when they close inside it ("123(4)[5]6"); '*' and '_'
    // are emphasis around or inside it ("**32**"), read by CitationAffix.
    private static int ReadToken(ReadOnlySpan<char> text, int start)
    {
        var i = start;
        bool hasDigit = false, digitBefore = false; // a digit anywhere, and up to lastBalanced
        var lastBalanced = start; // the end of the token's last point where every bracket it opened was closed
        var depth = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is '(' or '[') depth++;
            else if (c is ')' or ']') { if (depth == 0) break; depth--; }
            else if (!(char.IsLetterOrDigit(c) || c is '-' or '–' or '—' or '.' or ':' or '/' or '*' or '_')) break;
            hasDigit |= char.IsDigit(c);
            i++;
            if (depth == 0) (lastBalanced, digitBefore) = (i, hasDigit);
        }
        (i, hasDigit) = (lastBalanced, digitBefore);
        // Trailing '.' or '-' belongs to the sentence, not the locator.
        while (i > start && text[i - 1] is '.' or '-' or ':' or '/') i--;
        if (i == start) return start;
        var token = text[start..i];
        return hasDigit || IsRoman(token) ? i : start;
    }

    private static bool IsRoman(ReadOnlySpan<char> token)
    {
        var letters = 0;
        foreach (var c in token)
        {
            if (c is '*' or '_') continue;
            if ("ivxlcdmIVXLCDM-–".IndexOf(c) < 0) return false;
            letters++;
        }
        return letters > 0;
    }

    private static int SkipCodeSpan(string text, int at)
    {
        var run = 0;
        while (at + run < text.Length && text[at + run] == '`') run++;
        var fence = new string('`', run);
        var close = text.IndexOf(fence, at + run, StringComparison.Ordinal);
        return close < 0 ? at + run : close + run;
    }

    private static string? Clean(ReadOnlySpan<char> text)
    {
        var trimmed = text.Trim();
        return trimmed.IsEmpty ? null : trimmed.ToString();
    }
}
