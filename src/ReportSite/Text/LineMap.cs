namespace ReportSite.Text;

/// <summary>
/// Turns an offset in a text into a 1-based line and column (columns count UTF-16 characters, a tab is one), the
/// way every diagnostic counts. Markdig's own line and column are off inside setext headings and after tabs.
/// </summary>
public sealed class LineMap
{
    private readonly List<int> _starts = [0];
    private readonly int _length;

    public LineMap(string text)
    {
        _length = text.Length;
        for (var i = 0; i < text.Length; i++)
            if (text[i] == '\n') _starts.Add(i + 1);
    }

    public int LineCount => _starts.Count;

    public (int Line, int Column) At(int offset)
    {
        offset = Math.Clamp(offset, 0, _length);
        var index = _starts.BinarySearch(offset);
        if (index < 0) index = ~index - 1;
        return (index + 1, offset - _starts[index] + 1);
    }
}
