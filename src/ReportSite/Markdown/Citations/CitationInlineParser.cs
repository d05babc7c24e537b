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
        var close = FindClosingBracket(processor, text, open, slice.End);
        if (close < 0) return false;
        var after = close + 1;
        if (after <= slice.End && text[after] is '(' or '[') return false; // a link, not a citation

        var content = text.Substring(open + 1, close - open - 1);
        var result = CitationSyntax.TryParse(content, out var group);
        if (result == CitationParse.NotACitation) return false;
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

    private bool HoldsInnerCitation(InlineProcessor processor, string text, int open, int close)
    {
        var table = (BracketTable)processor.ParserStates[Index];
        for (var i = text.IndexOf('[', open + 1, close - open - 1); i >= 0; i = text.IndexOf('[', i + 1, close - i - 1))
        {
            var innerClose = table.Close(i);
            if (innerClose < 0 || text[i - 1] == '!' || text[innerClose + 1] is '(' or '[') continue; // escaped, in code, an image or a link
            if (CitationSyntax.TryParse(text.Substring(i + 1, innerClose - i - 1), out _) != CitationParse.NotACitation) return true;
            i = innerClose; // brackets inside a bracket that is no citation hold none either: CitationSyntax read them
        }
        return false;
    }

    /// <summary>
    /// The closing bracket of every '[' in a block, found in one pass when its first '[' is met and kept in the
    /// processor's state for this parser: scanning to the end of the block from each '[' was quadratic
    /// ("[[[[…" 100,000 times hung the build).
    /// </summary>
    private int FindClosingBracket(InlineProcessor processor, string text, int open, int end)
    {
        if (processor.ParserStates[Index] is not BracketTable table || !table.Covers(processor.Block, text, open, end))
            processor.ParserStates[Index] = table = new BracketTable(processor.Block, text, open, end);
        return table.Close(open);
    }

    // Balanced brackets, skipping backslash escapes and code spans; a group must close in the same block, and a
    // bracket still open at an unclosed code span never closes. A bracket holding brackets nested more than
    // MaxInnerDepth deep is no citation: each '[' of "[[[[…@a]]]]" would otherwise read all that follows it.
    private sealed class BracketTable
    {
        private readonly object? _block;
        private readonly string _text;
        private readonly int _start, _end;
        private const int MaxInnerDepth = 8;
        private readonly Dictionary<int, int> _close = [];

        public BracketTable(object? block, string text, int start, int end)
        {
            (_block, _text, _start, _end) = (block, text, start, end);
            var open = new Stack<(int At, int InnerDepth)>();
            var unclosedRuns = new HashSet<int>(); // backtick run lengths with no closing run left in the block
            for (var i = start; i <= end; i++)
            {
                switch (text[i])
                {
                    case '\\': i++; break;
                    case '`':
                        var run = 0;
                        while (i + run <= end && text[i + run] == '`') run++;
                        var closeFence = unclosedRuns.Contains(run) ? -1
                            : text.IndexOf(new string('`', run), i + run, end + 1 - (i + run), StringComparison.Ordinal);
                        if (closeFence < 0)
                        {
                            unclosedRuns.Add(run);
                            open.Clear(); // those brackets stay unclosed (their Close is -1)
                            i += run - 1;
                        }
                        else i = closeFence + run - 1;
                        break;
                    case '[': open.Push((i, 0)); break;
                    case ']' when open.Count > 0:
                        var (at, innerDepth) = open.Pop();
                        if (innerDepth <= MaxInnerDepth) _close[at] = i;
                        if (open.TryPop(out var parent)) open.Push((parent.At, Math.Max(parent.InnerDepth, innerDepth + 1)));
                        break;
                }
            }
        }

        public bool Covers(object? block, string text, int open, int end) =>
            ReferenceEquals(block, _block) && ReferenceEquals(text, _text) && end == _end && open >= _start;

        public int Close(int open) => _close.TryGetValue(open, out var close) ? close : -1;
    }
}
