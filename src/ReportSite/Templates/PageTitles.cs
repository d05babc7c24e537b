namespace ReportSite.Templates;

/// <summary>How a page's title and description read in a browser tab, a search result or a shared link.</summary>
public static class PageTitles
{
    /// <summary>Search results and tabs cut titles around here.</summary>
    public const int Limit = 70;

    private const string Separator = " · ";

    /// <summary>
    /// "page · site" when it fits in <see cref="Limit"/>; else the site title shortened at a word (with "…") when a
    /// useful part of it fits, else the page title alone (never cut: it is what the page is). The site title alone
    /// on a page without its own (the cover).
    /// </summary>
    public static string Document(string pageTitle, string siteTitle)
    {
        pageTitle = pageTitle.Trim();
        siteTitle = siteTitle.Trim();
        if (pageTitle.Length == 0 || pageTitle == siteTitle || siteTitle.Length == 0) return pageTitle.Length == 0 ? siteTitle : pageTitle;
        var full = pageTitle + Separator + siteTitle;
        if (full.Length <= Limit) return full;
        var room = Limit - pageTitle.Length - Separator.Length - 1; // 1 for "…"
        if (room < 12) return pageTitle;
        var cut = siteTitle.LastIndexOf(' ', room);
        if (cut < room / 2) cut = room; // one long word: cut within it
        return pageTitle + Separator + siteTitle[..cut].TrimEnd() + "…";
    }

    /// <summary>The text on one line (runs of white space as one space), or null when empty.</summary>
    public static string? OneLine(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
