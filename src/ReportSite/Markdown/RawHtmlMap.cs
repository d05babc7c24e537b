using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ReportSite.Markdown;

/// <summary>
/// Where the author's raw HTML (HTML blocks and inline tags) is in a section's rendered HTML, line by line, and where
/// each of those lines is in the Markdown: a position a browser-like parser gives in the page maps back to the author's
/// file. Everything else of the rendered HTML is Markdig's own markup.
/// </summary>
public sealed class RawHtmlMap
{
    private readonly Dictionary<MarkdownObject, int> _writtenFrom = new(ReferenceEqualityComparer.Instance);
    private readonly List<Piece> _pieces = [];
    private bool _sorted = true;

    /// <summary>A run of characters that is the same in the rendered HTML and in the Markdown.</summary>
    private readonly record struct Piece(int Rendered, int Source, int Length);

    /// <summary>Notes, while <paramref name="renderer"/> renders into <paramref name="writer"/>, where each raw HTML object starts being written.</summary>
    public static RawHtmlMap Record(HtmlRenderer renderer, StringWriter writer)
    {
        var map = new RawHtmlMap();
        renderer.ObjectWriteBefore += (_, written) =>
        {
            if (written is HtmlBlock or HtmlInline) map._writtenFrom[written] = writer.GetStringBuilder().Length;
        };
        return map;
    }

    public bool IsEmpty => _pieces.Count == 0;

    /// <summary>
    /// Adds a raw HTML object whose text <paramref name="raw"/> (its lines joined by '\n') starts at
    /// <paramref name="sourceStart"/> of <paramref name="source"/>. Each later line is found by its text, as the
    /// Markdown has container markers (<c>&gt; </c>, list indentation) between them. An object that was not rendered is skipped.
    /// </summary>
    public void Add(MarkdownObject written, string raw, string html, string source, int sourceStart)
    {
        if (raw.Length == 0 || !_writtenFrom.TryGetValue(written, out var from)) return;
        var lines = raw.Split('\n');
        var rendered = html.IndexOf(lines[0], from, StringComparison.Ordinal); // the renderer may write a newline first
        if (rendered < 0) return;
        var at = sourceStart;
        foreach (var line in lines)
        {
            // Container markers are short: a line is looked for just after the previous one, never further away.
            var window = Math.Min(source.Length - at, line.Length + 100);
            if (source.IndexOf(line, at, window, StringComparison.Ordinal) is var found and >= 0) at = found;
            if (_pieces.Count > 0 && rendered < _pieces[^1].Rendered) _sorted = false;
            _pieces.Add(new Piece(rendered, at, line.Length));
            rendered += line.Length + 1;
            at += line.Length;
        }
    }

    /// <summary>The Markdown offset of a rendered offset inside raw HTML, or null for Markdig's own markup.</summary>
    public int? SourceOf(int rendered)
    {
        if (!_sorted)
        {
            _pieces.Sort((a, b) => a.Rendered.CompareTo(b.Rendered));
            _sorted = true;
        }
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
