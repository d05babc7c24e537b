using Markdig.Syntax;

namespace ReportSite.Markdown.Citations;

/// <summary>
/// Makes every group's offsets exact. Markdig maps inline positions to the source through tab stops, and drifts
/// after a tab in some blocks ("## \tTitle [@a]" lands on another line); its block spans are right. So each group is
/// found by its own text inside its block, after the previous group of the same block.
/// </summary>
public static class CitationLocator
{
    public static void Locate(MarkdownDocument document, string text)
    {
        var searchFrom = new Dictionary<int, int>();
        foreach (var group in document.Descendants<CitationGroupInline>())
        {
            var from = searchFrom.TryGetValue(group.BlockStart, out var next) ? next : group.BlockStart;
            var found = group.RawText.Length == 0 ? -1 : text.IndexOf(group.RawText, Math.Min(from, text.Length), StringComparison.Ordinal);
            // Not found as written (a group broken across lines inside a quote or list): keep Markdig's offsets.
            if (found < 0 || found > group.BlockEnd) continue;
            searchFrom[group.BlockStart] = found + 1;
            group.KeyOffsets = group.Group?.Citations.Select(c => found + 1 + c.KeyOffset).ToList() ?? [];
            group.Offset = found;
        }
    }
}
