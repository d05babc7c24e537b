namespace ReportSite.Markdown;

/// <summary>
/// Finds inlines by their own text inside their block, in document order. Markdig maps inline positions to the
/// source through tab stops and drifts after a tab in some blocks ("## \tTitle [@a]" lands on another line); its
/// block spans are right. Each find starts after the previous one, so two equal texts in a block get their own places.
/// </summary>
public sealed class BlockTextSearch(string text, int blockStart, int blockEnd)
{
    private int _from = -1;

    /// <summary>The offset of <paramref name="needle"/> in the rest of the block, or null.</summary>
    public int? Find(string needle)
    {
        if (needle.Length == 0) return null;
        var from = Math.Min(_from < 0 ? blockStart : _from, text.Length);
        // Only the block is searched: a needle that is not there must not cost a scan of the rest of the file.
        var count = Math.Min(text.Length, blockEnd + needle.Length) - from;
        if (count < needle.Length) return null;
        var found = text.IndexOf(needle, from, count, StringComparison.Ordinal);
        if (found < 0 || found > blockEnd) return null;
        _from = found + 1;
        return found;
    }

    /// <summary>Markdig's own offset when it lies inside the block, else the block's start.</summary>
    public int Clamp(int markdigOffset) => markdigOffset >= blockStart && markdigOffset <= blockEnd ? markdigOffset : blockStart;
}
