using ReportSite.Site;

namespace ReportSite.Corrections;

/// <summary>What corrections do to the report's dates: it was updated when it was last corrected.</summary>
public static class CorrectionDates
{
    /// <summary>The newest correction's date (null when there is none).</summary>
    public static string? Newest(IReadOnlyList<Correction> corrections) =>
        corrections.Count == 0 ? null : corrections.Select(c => c.Date).Max(StringComparer.Ordinal);

    /// <summary>
    /// <paramref name="site"/> with <c>updated</c> at the newest correction, unless site.yml's <c>updated</c> is later.
    /// ISO dates compare as text, and a partial date before a full one of its own period ("2024-03" and "2024-03-05"):
    /// the correction's day is the more precise.
    /// </summary>
    public static SiteConfig Updating(SiteConfig site, IReadOnlyList<Correction> corrections) =>
        Newest(corrections) is { } newest && (site.Updated is null || string.CompareOrdinal(site.Updated, newest) < 0)
            ? site with { Updated = newest }
            : site;
}
