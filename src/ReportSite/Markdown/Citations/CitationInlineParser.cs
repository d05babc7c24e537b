using Markdig.Helpers;
using Markdig.Parsers;

namespace ReportSite.Markdown.Citations;

/// <summary>
/// Recognises <c>[…@key…]</c> groups. Runs before Markdig's link parser; gives way when the bracket is a link
/// (<c>[text](url)</c>, <c>[text][ref]</c>) or an image, or holds no valid citation, so ordinary Markdown is
/// untouched. Code spans, autolinks and e-mail addresses are not citations; <c>\[@key]</c> is escaped by Markdig
/// before this parser sees it.
/// </summary>
public sealed class CitationInlineParser : InlineParser
{
    public CitationInlineParser() => OpeningCharacters = ['[', '!'];

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        var text = slice.Text;
        if (text[slice.Start] == '!') return MatchBang(processor, ref slice);
        var open = slice.Start;
        var close = FindClosingBracket(processor, text, open, slice.End);
        if (close < 0) return false;
        var after = close + 1;
        if (after <= slice.End && text[after] is '(' or '[') return false; // a link or an image, not a citation

        var content = text.Substring(open + 1, close - open - 1);
        var result = CitationSyntax.TryParse(content, out var group);
        if (result == CitationParse.NotACitation)
        {
            // "[@a; see below]": the author meant a citation, but a part has no key. Its keys may still be read in the
            // text; whatever is not is reported (see SectionRenderer), not lost in silence.
            if (processor.Context is CitationContext context && CitationSyntax.WhyNotACitation(content) is { } why)
                foreach (var (offset, key) in CitationSyntax.KeysIn(content))
                    context.Unread.Add(new UnreadCitation(processor.GetSourcePosition(open + 1 + offset), key, why));
            return false;
        }
        // Brackets nest as Pandoc nests them: the innermost bracketed span that holds a citation is the group, and the
        // text around it belongs to the sentence ("See [this [@a; @b] and more]." cites a and b, not a with a prefix
        // "this [" and b lost in a suffix). So an outer bracket gives way; the inner one is matched when it is reached.
        if (HoldsInnerCitation(processor, text, open, close)) return false;

        var end = after;
        string? explicitId = null;
        if (after + 1 <= slice.End && text[after] == '{' && text[after + 1] == '#')
        {
            var idClose = text.IndexOf('}', after, slice.End + 1 - after);
            if (idClose > 0 && idClose <= slice.End)
            {
                var id = text[(after + 2)..idClose].Trim();
                explicitId = id.StartsWith("claim-", StringComparison.Ordinal) ? id["claim-".Length..] : id;
                end = idClose + 1;
            }
        }

        var keyStarts = (group?.Citations ?? []).Select(c => 1 + c.KeyOffset).ToList();
        processor.Inline = CitationGroupInline.Create(processor, text, group, explicitId, open, end, keyStarts);
        slice.Start = end;
        return true;
    }

    /// <summary>
    /// "Wow![@a]": a '!' before a group that is no image (no "(…)" or "[…]" after its bracket) is text, and the group a
    /// citation, as Pandoc reads it (jgm/pandoc#8254); Markdig would otherwise open an image there and lose the group.
    /// </summary>
    private bool MatchBang(InlineProcessor processor, ref StringSlice slice)
    {
        var text = slice.Text;
        var open = slice.Start + 1;
        if (open > slice.End || text[open] != '[') return false;
        var close = FindClosingBracket(processor, text, open, slice.End);
        if (close < 0 || (close + 1 <= slice.End && text[close + 1] is '(' or '[')) return false;
        if (CitationSyntax.TryParse(text.Substring(open + 1, close - open - 1), out _) == CitationParse.NotACitation) return false;
        processor.GetSourcePosition(slice.Start, out var line, out var column);
        processor.Inline = new Markdig.Syntax.Inlines.LiteralInline("!")
        {
            Span = new Markdig.Syntax.SourceSpan(processor.GetSourcePosition(slice.Start), processor.GetSourcePosition(slice.Start)),
            Line = line,
            Column = column,
        };
        slice.Start = open;
        return true;
    }

    private bool HoldsInnerCitation(InlineProcessor processor, string text, int open, int close)
    {
        var table = (BracketTable)processor.ParserStates[Index];
        for (var i = text.IndexOf('[', open + 1, close - open - 1); i >= 0; i = text.IndexOf('[', i + 1, close - i - 1))
        {
            var innerClose = table.Close(i);
            if (innerClose < 0 || text[innerClose + 1] is '(' or '[') continue; // escaped, in code, an image or a link
            if (CitationSyntax.TryParse(text.Substring(i + 1, innerClose - i - 1), out _) != CitationParse.NotACitation) return true;
            i = innerClose; // brackets inside a bracket that is no citation hold none either: CitationSyntax read them
        }
        return false;
    }

    private int FindClosingBracket(InlineProcessor processor, string text, int open, int end) =>
        BracketTable.For(processor, Index, text, open, end).Close(open);
}
