using Markdig.Syntax;

namespace ReportSite.Markdown.Citations;

/// <summary>
/// Makes every group's offsets exact: each group is found by its own text inside its block (see
/// <see cref="BlockTextSearch"/>: Markdig's inline offsets drift after a tab in some blocks).
/// </summary>
public static class CitationLocator
{
    public static void Locate(MarkdownDocument document, string text)
    {
        var searches = new Dictionary<int, BlockTextSearch>();
        foreach (var group in document.Descendants<CitationGroupInline>())
        {
            if (!searches.TryGetValue(group.BlockStart, out var search))
                searches[group.BlockStart] = search = new BlockTextSearch(text, group.BlockStart, group.BlockEnd);
            // Not found as written (a group broken across lines inside a quote or list): keep Markdig's offsets.
            if (search.Find(group.RawText) is not { } found) continue;
            group.KeyOffsets = group.KeyStarts.Select(k => found + k).ToList();
            group.Offset = found;
        }
    }
}
