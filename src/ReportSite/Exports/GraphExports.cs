using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using ReportSite.Graph;

namespace ReportSite.Exports;

/// <summary>
/// The claim/source graph as data for fact-checkers: claims.json and sources.json. Every field is always present
/// (null when unknown), so the shape is stable for scripts. Arabic stays readable; HTML-significant characters
/// are still escaped.
/// </summary>
public static class GraphExports
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static string ClaimsJson(ReportGraph graph) => JsonSerializer.Serialize(new
    {
        Claims = graph.Claims.Select(c => new
        {
            c.Id,
            Section = c.SectionSlug,
            c.Text,
            c.Url,
            Citations = c.Citations.Select(x => new
            {
                Source = x.SourceId,
                x.Locator,
                x.LocatorLabel,
                x.Prefix,
                x.Suffix,
                x.SuppressAuthor,
            }),
        }),
    }, Options);

    public static string SourcesJson(ReportGraph graph) => JsonSerializer.Serialize(new
    {
        Sources = graph.Sources.Select(s => new
        {
            s.Id,
            s.Type,
            s.Title,
            s.TitleTranslated,
            s.Authors,
            s.Publisher,
            s.Date,
            s.Language,
            s.Verification,
            s.VerificationNote,
            s.Description,
            s.Quote,
            s.Url,
            s.ArchiveUrl,
            s.Accessed,
            s.File,
            Sha256 = s.ComputedSha256 ?? s.Sha256,
            s.PartOf,
            Page = "sources/" + s.PageName,
            CitedBy = graph.CitedBy(s.Id).Select(c => c.Id),
        }),
    }, Options);
}
