using ReportSite.Corrections;
using ReportSite.Graph;
using ReportSite.Urls;

namespace ReportSite.Templates;

/// <summary>
/// A correction as <c>partials/correction</c> and the cover receive it: when, what it says, and what it corrects.
/// </summary>
/// <param name="Date">Its day, YYYY-MM-DD (show it with <c>{{ date … }}</c> inside <c>&lt;time&gt;</c>).</param>
/// <param name="Anchor">The id of its note (<c>correction-&lt;n&gt;</c>, n its place in corrections.yml).</param>
/// <param name="Target">"claim" or "section".</param>
/// <param name="TargetId">The claim's id or the section's slug.</param>
public sealed record CorrectionModel(string Date, string Text, string Anchor, string Target, string TargetId)
{
    /// <summary>What it corrects, as a site path: the claim (<c>sections/x.html#claim-…</c>) or the section's page.</summary>
    public string Path { get; init; } = "";

    /// <summary>The corrected claim's text, or the corrected section's title.</summary>
    public string TargetText { get; init; } = "";

    /// <summary>The title of the section it is in (the claim's section, or the section itself).</summary>
    public string SectionTitle { get; init; } = "";

    internal static CorrectionModel Of(Correction correction) =>
        new(correction.Date, correction.Text, correction.Anchor, correction.Target == CorrectionTarget.Claim ? "claim" : "section", correction.TargetId);

    /// <summary>The graph's corrections with what each corrects, in the order given.</summary>
    internal static CorrectionModel Of(Correction correction, ReportGraph graph, IReadOnlyDictionary<string, Claim> claims)
    {
        var model = Of(correction);
        if (correction.Target == CorrectionTarget.Claim && claims.TryGetValue(correction.TargetId, out var claim))
            return model with
            {
                Path = claim.Url,
                TargetText = claim.Text,
                SectionTitle = graph.Sections.FirstOrDefault(s => s.Slug == claim.SectionSlug)?.Section.Title ?? "",
            };
        var section = graph.Sections.FirstOrDefault(s => s.Slug == correction.TargetId);
        return section is null ? model : model with { Path = SitePaths.Section(section.Slug), TargetText = section.Section.Title, SectionTitle = section.Section.Title };
    }

    /// <summary>Newest first; corrections of one day in the file's order, the later first.</summary>
    internal static IEnumerable<Correction> NewestFirst(IEnumerable<Correction> corrections) =>
        corrections.OrderByDescending(c => c.Date, StringComparer.Ordinal).ThenByDescending(c => c.Number);

    /// <summary>In the order they were made (a claim's or section's notes, read top to bottom).</summary>
    internal static IEnumerable<Correction> OldestFirst(IEnumerable<Correction> corrections) =>
        corrections.OrderBy(c => c.Date, StringComparer.Ordinal).ThenBy(c => c.Number);
}
