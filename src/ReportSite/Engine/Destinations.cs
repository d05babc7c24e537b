using System.Text;
using ReportSite.Diagnostics;

namespace ReportSite.Engine;

/// <summary>
/// Every output document's destination checked against all others before the Output phase, in one pass: each
/// name must fit in a file name (255 bytes), and no two documents may write one file — compared as a
/// case-insensitive file system (or a mirror on one) would, after "./" and "//" are read away. A problem is
/// reported at the input that chose the destination (<see cref="Document.Origin"/>); the generated pages keep theirs.
/// </summary>
public static class Destinations
{
    /// <summary>The longest file or folder name Linux, macOS and Windows file systems hold, in UTF-8 bytes.</summary>
    public const int MaxNameBytes = 255;

    /// <summary>
    /// Names the build keeps for itself even when no pipeline writes them: sitemap.xml (not written without a base_url),
    /// corrections.xml (not written without corrections) and manifest.json (written after every pipeline, by the builder).
    /// </summary>
    public static readonly IReadOnlyList<string> Reserved = [Urls.SitePaths.Sitemap, Urls.SitePaths.CorrectionsFeed, Urls.SitePaths.Manifest];

    public static void Check(IEnumerable<Document> documents, DiagnosticBag diagnostics)
    {
        var taken = new Dictionary<string, Document>(StringComparer.OrdinalIgnoreCase);
        var all = documents.ToList();
        foreach (var name in Reserved.Where(name => !all.Any(d => d.Origin is null && d.Destination == name)))
            taken[Normalise(name)] = new Document(null, name, null);
        documents = all;
        // The pages the build always writes first, then pages, then copied files: the later one is the one to rename.
        var ordered = documents.Where(d => d.Destination is not null)
            .OrderBy(d => d.Origin is null ? 0 : d.Content is FileCopyContent ? 2 : 1);
        foreach (var document in ordered)
        {
            var at = document.Origin ?? SourceLocation.WholeFile(document.Destination!);
            var key = Normalise(document.Destination!);
            if (key.Split('/').FirstOrDefault(name => Encoding.UTF8.GetByteCount(name) > MaxNameBytes) is { } tooLong)
            {
                diagnostics.Error(at, DiagnosticCodes.OutputNameTooLong,
                    $"'{Shorten(tooLong)}' is {Encoding.UTF8.GetByteCount(tooLong)} bytes: a file name holds at most {MaxNameBytes} (a letter outside ASCII takes 2 to 4); shorten it");
                continue;
            }
            if (taken.TryGetValue(key, out var first))
            {
                var by = first.Origin is { } o ? $"{o.File}({o.Line},{o.Column})" : "a page the build generates";
                diagnostics.Error(at, DiagnosticCodes.OutputCollision,
                    $"this would be written to '{document.Destination}', which {by} already writes (file names are compared ignoring case); rename it");
                continue;
            }
            taken[key] = document;
        }
    }

    /// <summary>The destination as a file system resolves it: without "." or empty names, in one Unicode form.</summary>
    public static string Normalise(string destination) => Safety.Paths.Normalise(destination).Normalize(NormalizationForm.FormC);

    private static string Shorten(string name) => name.Length <= 40 ? name : name[..40] + "…";
}
