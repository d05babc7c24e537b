using ReportSite.Diagnostics;
using ReportSite.Text;

namespace ReportSite.Sources;

/// <summary>Checks across all records: unique ids, existing part_of parents, no part_of cycles, no look-alike ids.</summary>
public static class SourceGraphValidator
{
    /// <summary>Returns the records keyed by id (the first of duplicates wins, the others are reported).</summary>
    public static IReadOnlyDictionary<string, SourceRecord> Validate(IEnumerable<SourceRecord> records, DiagnosticBag diagnostics)
    {
        var byId = new Dictionary<string, SourceRecord>(StringComparer.Ordinal);
        var pages = new Dictionary<string, SourceRecord>(StringComparer.OrdinalIgnoreCase);
        foreach (var record in records.OrderBy(r => r.Location.File, StringComparer.Ordinal).ThenBy(r => r.Location.Line))
        {
            if (byId.TryGetValue(record.Id, out var first))
            {
                diagnostics.Error(record.LocationOf("id"), DiagnosticCodes.DuplicateSourceId,
                    $"duplicate source id '{record.Id}' (first defined at {first.LocationOf("id").File}({first.LocationOf("id").Line},{first.LocationOf("id").Column}))");
                continue;
            }
            // Pages are files: two ids that differ only by case would overwrite each other on some file systems.
            if (pages.TryGetValue(record.PageName, out var clash))
            {
                diagnostics.Error(record.LocationOf("id"), DiagnosticCodes.DuplicateSourceId,
                    $"source id '{record.Id}' differs from '{clash.Id}' only by letter case; their pages would collide");
                continue;
            }
            byId[record.Id] = record;
            pages[record.PageName] = record;
        }

        foreach (var record in byId.Values)
        {
            if (record.PartOf is { } parent && !byId.ContainsKey(parent))
                diagnostics.Error(record.LocationOf("part_of"), DiagnosticCodes.UnknownParent,
                    $"part_of names unknown source '{parent}'{Suggestions.Hint(parent, byId.Keys)}");
        }

        ReportCycles(byId, diagnostics);
        ReportWithheldPublished(byId.Values, diagnostics);
        LookAlikes.Warn(byId.Values.Select(r => (r.Id, r.LocationOf("id"))), "source id", diagnostics);
        return byId;
    }

    /// <summary>
    /// A file one record withholds must not be published through another record that points to it: the page of the
    /// withheld source says the file is not public, and the other would put it on the site.
    /// </summary>
    private static void ReportWithheldPublished(IEnumerable<SourceRecord> records, DiagnosticBag diagnostics)
    {
        var withheld = new Dictionary<string, SourceRecord>(StringComparer.Ordinal);
        foreach (var record in records.Where(r => r.IsWithheld).OrderBy(r => r.Id, StringComparer.Ordinal))
            foreach (var path in new[] { record.File, record.Capture }.OfType<string>())
                withheld.TryAdd(path, record);
        if (withheld.Count == 0) return;
        foreach (var record in records.Where(r => !r.IsWithheld).OrderBy(r => r.Id, StringComparer.Ordinal))
            foreach (var (key, path) in new[] { ("file", record.File), ("capture", record.Capture) })
                if (path is not null && withheld.TryGetValue(path, out var owner))
                    diagnostics.Error(record.LocationOf(key), DiagnosticCodes.WithheldFilePublished,
                        $"'{path}' is withheld by source '{owner.Id}' but this public record would publish it; withhold this source too, or point to another file");
    }

    private static void ReportCycles(Dictionary<string, SourceRecord> byId, DiagnosticBag diagnostics)
    {
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in byId.Values.OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            var path = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var current = start;
            while (current?.PartOf is { } parent && byId.TryGetValue(parent, out var next))
            {
                if (!seen.Add(current.Id)) break;
                path.Add(current.Id);
                if (next.Id == start.Id)
                {
                    // Report each cycle once, at its alphabetically first member.
                    if (path.All(reported.Add))
                        diagnostics.Error(start.LocationOf("part_of"), DiagnosticCodes.ParentCycle,
                            $"part_of forms a cycle: {string.Join(" → ", path.Append(start.Id))}");
                    break;
                }
                current = next;
            }
        }
    }
}
