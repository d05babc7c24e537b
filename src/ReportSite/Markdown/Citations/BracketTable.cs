using Markdig.Parsers;

namespace ReportSite.Markdown.Citations;

/// <summary>
/// The closing bracket of every '[' in a block: balanced brackets, skipping backslash escapes and code spans. A group
/// must close in the same block, and a bracket still open at an unclosed code span never closes. A bracket holding
/// brackets nested more than MaxInnerDepth deep is no citation: each '[' of "[[[[…@a]]]]" would otherwise read all
/// that follows it.
/// </summary>
internal sealed class BracketTable
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

    /// <summary>
    /// The table of the block <paramref name="processor"/> is in, built in one pass when its first '[' is met and kept
    /// in the processor's state for the parser at <paramref name="index"/>: scanning to the end of the block from each
    /// '[' was quadratic ("[[[[…" 100,000 times hung the build).
    /// </summary>
    public static BracketTable For(InlineProcessor processor, int index, string text, int open, int end)
    {
        if (processor.ParserStates[index] is not BracketTable table || !table.Covers(processor.Block, text, open, end))
            processor.ParserStates[index] = table = new BracketTable(processor.Block, text, open, end);
        return table;
    }

    private bool Covers(object? block, string text, int open, int end) =>
        ReferenceEquals(block, _block) && ReferenceEquals(text, _text) && end == _end && open >= _start;

    public int Close(int open) => _close.TryGetValue(open, out var close) ? close : -1;
}
