using Markdig.Helpers;
using Markdig.Parsers;

namespace ReportSite.Markdown.Citations;

/// <summary>
/// Recognises in-text citations as Pandoc's <c>textualCite</c> does: <c>@key</c> (author in text), <c>-@key</c>
/// (author suppressed), each optionally followed, after spaces and at most one line break, by a bracket that holds
/// its locator and suffix and more citations (<c>@a [p. 3]</c>, <c>@a [p. 3; @b]</c>, <c>@a [@b]</c>). A bare
/// <c>@word</c> is a citation only when it names a record (<see cref="CitationContext"/>), so "@reuters" in prose
/// stays text; <c>@{key}</c> is always one. An '@' after a letter, digit or one of <c>_@./\:-+=&amp;%</c> is part of
/// an e-mail address, a URL or a word, never a citation.
/// </summary>
public sealed class InTextCitationParser : InlineParser
{
    public InTextCitationParser() => OpeningCharacters = ['@', '-'];

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        var text = slice.Text;
        var start = slice.Start;
        var at = text[start] == '-' ? start + 1 : start;
        if (at > slice.End || text[at] != '@') return false;
        if (start > 0 && !MayPrecede(text[start - 1])) return false;
        var keyEnd = CitationSyntax.ReadKey(text, at + 1, slice.End + 1, out var key);
        if (key is null) return false;
        var braced = text[at + 1] == '{';
        var context = processor.Context as CitationContext;
        if (!braced && context?.IsKnown(key) != true)
        {
            context?.Unread.Add(new UnreadCitation(processor.GetSourcePosition(at), key, Reason: null));
            return false;
        }

        var mode = at > start ? CitationMode.SuppressAuthor : CitationMode.AuthorInText;
        var first = new Citation(key, null, null, null, null, mode, at - start) { Braced = braced };
        var group = new CitationGroup([first], InText: true);
        var keyStarts = new List<int> { at - start };
        var end = keyEnd;
        var open = SkipSpacesAndOneLineBreak(text, keyEnd, slice.End);
        if (open <= slice.End && text[open] == '[' && (open == slice.End || text[open + 1] != '^'))
        {
            var close = BracketTable.For(processor, Index, text, open, slice.End).Close(open);
            if (close > 0 && (close == slice.End || text[close + 1] is not ('(' or '[' or '{'))
                && CitationSyntax.ReadInTextBracket(text.Substring(open + 1, close - open - 1), first) is { } withBracket)
            {
                group = withBracket;
                keyStarts.AddRange(withBracket.Citations.Skip(1).Select(c => open + 1 - start + c.KeyOffset));
                end = close + 1;
            }
        }

        processor.Inline = CitationGroupInline.Create(processor, text, group, explicitClaimId: null, start, end, keyStarts);
        slice.Start = end;
        return true;
    }

    private static bool MayPrecede(char c) => !char.IsLetterOrDigit(c) && "_@./\\:-+=&%".IndexOf(c) < 0;

    private static int SkipSpacesAndOneLineBreak(string text, int i, int end)
    {
        while (i <= end && text[i] is ' ' or '\t') i++;
        if (i <= end && text[i] == '\n')
        {
            i++;
            while (i <= end && text[i] is ' ' or '\t') i++;
        }
        return i;
    }
}
