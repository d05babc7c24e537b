using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ReportSite.Markdown;

/// <summary>
/// Where the author's raw HTML (HTML blocks and inline tags) is in a section's rendered HTML, line by line, and where
/// each of those lines is in the Markdown: a position a browser-like parser gives in the page maps back to the author's
/// file. Everything else of the rendered HTML is Markdig's own markup.
/// </summary>
/// <param name="source">The section's Markdown.</param>
public sealed class RawHtmlMap(string source)
{
    private readonly List<(MarkdownObject Written, string Raw, int SourceStart)> _fragments = [];
    private readonly Dictionary<MarkdownObject, int> _writtenFrom = new(ReferenceEqualityComparer.Instance);
    private readonly List<Piece> _pieces = [];

    /// <summary>A run of characters that is the same in the rendered HTML and in the Markdown.</summary>
    private readonly record struct Piece(int Rendered, int Source, int Length);

    public bool IsEmpty => _fragments.Count == 0;

    /// <summary>
    /// Adds a raw HTML object whose text <paramref name="raw"/> (its lines joined by '\n') starts at
    /// <paramref name="sourceStart"/> of the Markdown. Objects are added while reading the parsed document, before
    /// claims regroup its inlines (the objects stay the same).
    /// </summary>
    public void Add(MarkdownObject written, string raw, int sourceStart)
    {
        if (raw.Length > 0) _fragments.Add((written, raw, sourceStart));
    }

    /// <summary>Notes, while <paramref name="renderer"/> renders into <paramref name="writer"/>, where each raw HTML object starts being written.</summary>
    public void Record(HtmlRenderer renderer, StringWriter writer) =>
        renderer.ObjectWriteBefore += (_, written) =>
        {
            if (written is HtmlBlock or HtmlInline) _writtenFrom[written] = writer.GetStringBuilder().Length;
        };

    /// <summary>
    /// Places every fragment in the rendered <paramref name="html"/>, line by line. Each later line is found by its
    /// text, as the Markdown has container markers (<c>&gt; </c>, list indentation) between them. A fragment that was
    /// not rendered is not placed.
    /// </summary>
    public void Locate(string html)
    {
        _pieces.Clear();
        foreach (var (written, raw, sourceStart) in _fragments)
        {
            if (!_writtenFrom.TryGetValue(written, out var from)) continue;
            var lines = raw.Split('\n');
            var rendered = html.IndexOf(lines[0], from, StringComparison.Ordinal); // the renderer may write a newline first
            if (rendered < 0) continue;
            var at = sourceStart;
            foreach (var line in lines)
            {
                // Container markers are short: a line is looked for just after the previous one, never further away.
                var window = Math.Min(source.Length - at, line.Length + 100);
                if (source.IndexOf(line, at, window, StringComparison.Ordinal) is var found and >= 0) at = found;
                _pieces.Add(new Piece(rendered, at, line.Length));
                rendered += line.Length + 1;
                at += line.Length;
            }
        }
        _pieces.Sort((a, b) => a.Rendered.CompareTo(b.Rendered)); // documents list nested blocks out of reading order
    }

    /// <summary>The Markdown offset of a rendered offset inside raw HTML, or null for Markdig's own markup.</summary>
    public int? SourceOf(int rendered)
    {
        int lo = 0, hi = _pieces.Count - 1, best = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (_pieces[mid].Rendered <= rendered) { best = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        if (best < 0) return null;
        var piece = _pieces[best];
        return rendered <= piece.Rendered + piece.Length ? piece.Source + (rendered - piece.Rendered) : null;
    }
}
