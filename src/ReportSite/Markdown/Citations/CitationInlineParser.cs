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
    public CitationInlineParser() => OpeningCharacters = ['['];

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        var text = slice.Text;
        var open = slice.Start;
        if (open > 0 && text[open - 1] == '!') return false; // image
        var close = FindClosingBracket(text, open, slice.End);
        if (close < 0) return false;
        var after = close + 1;
        if (after <= slice.End && text[after] is '(' or '[') return false; // a link, not a citation

        var content = text.Substring(open + 1, close - open - 1);
        var result = CitationSyntax.TryParse(content, out var group);
        if (result == CitationParse.NotACitation) return false;

        var end = after;
        string? explicitId = null;
        if (after + 1 <= slice.End && text[after] == '{' && text[after + 1] == '#')
        {
            var idClose = text.IndexOf('}', after);
            if (idClose > 0 && idClose <= slice.End)
            {
                var id = text[(after + 2)..idClose].Trim();
                explicitId = id.StartsWith("claim-", StringComparison.Ordinal) ? id["claim-".Length..] : id;
                end = idClose + 1;
            }
        }

        processor.GetSourcePosition(open, out var line, out var column);
        var keyOffsets = (group?.Citations ?? []).Select(c => processor.GetSourcePosition(open + 1 + c.KeyOffset)).ToList();

        processor.Inline = new CitationGroupInline
        {
            Group = group,
            ExplicitClaimId = explicitId,
            Offset = processor.GetSourcePosition(open),
            KeyOffsets = keyOffsets,
            RawText = text[open..end],
            BlockStart = processor.Block?.Span.Start ?? 0,
            BlockEnd = processor.Block?.Span.End ?? 0,
            Span = new Markdig.Syntax.SourceSpan(processor.GetSourcePosition(open), processor.GetSourcePosition(end - 1)),
            Line = line,
            Column = column,
        };
        slice.Start = end;
        return true;
    }

    // Balanced brackets, skipping backslash escapes and code spans; the group must close in the same block.
    private static int FindClosingBracket(string text, int open, int end)
    {
        var depth = 0;
        for (var i = open; i <= end; i++)
        {
            switch (text[i])
            {
                case '\\': i++; break;
                case '`':
                    var run = 0;
                    while (i + run <= end && text[i + run] == '`') run++;
                    var closeFence = text.IndexOf(new string('`', run), i + run, StringComparison.Ordinal);
                    if (closeFence < 0 || closeFence > end) return -1;
                    i = closeFence + run - 1;
                    break;
                case '[': depth++; break;
                case ']':
                    if (--depth == 0) return i;
                    break;
            }
        }
        return -1;
    }

}
