using ReportSite.Diagnostics;
using ReportSite.Text;

namespace ReportSite.Sources;

/// <summary>
/// Checks across all records: unique ids, existing part_of parents and derived_from sources, no part_of cycles, no
/// cycles through derived_from, no look-alike ids.
/// </summary>
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
            foreach (var origin in record.DerivedFrom.Distinct(StringComparer.Ordinal))
            {
                if (origin == record.Id)
                    diagnostics.Error(record.LocationOf("derived_from"), DiagnosticCodes.DerivedFromSelf,
                        $"source '{record.Id}' is derived_from itself");
                else if (!byId.ContainsKey(origin))
                    diagnostics.Error(record.LocationOf("derived_from"), DiagnosticCodes.UnknownDerivedFrom,
                        $"derived_from names unknown source '{origin}'{Suggestions.Hint(origin, byId.Keys)}");
            }
        }

        ReportCycles(byId, diagnostics);
        ReportWithheldPublished(byId.Values, diagnostics);
        ReportDerivedCycles(byId, diagnostics);
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

    /// <summary>
    /// Cycles through derived_from, also when part_of links close them (origins follow both, so either would loop).
    /// One depth-first pass over both kinds of link (linear in records and links); a cycle of part_of links alone is
    /// RS0212's. Each cycle is reported once, at the derived_from field of the record whose link closes it.
    /// </summary>
    private static void ReportDerivedCycles(Dictionary<string, SourceRecord> byId, DiagnosticBag diagnostics)
    {
        static IEnumerable<(string Target, bool Derived)> Links(SourceRecord record) =>
            record.DerivedFrom.Distinct(StringComparer.Ordinal).Where(id => id != record.Id).Select(id => (id, true))
                .Concat(record.PartOf is { } parent ? [(parent, false)] : []);

        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false: on the path; true: done
        var path = new List<(SourceRecord Record, IEnumerator<(string Target, bool Derived)> Links, bool EnteredByDerived)>();
        foreach (var start in byId.Values.OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            if (state.ContainsKey(start.Id)) continue;
            state[start.Id] = false;
            path.Add((start, Links(start).GetEnumerator(), false));
            while (path.Count > 0)
            {
                var (record, links, _) = path[^1];
                if (!links.MoveNext())
                {
                    state[record.Id] = true;
                    path.RemoveAt(path.Count - 1);
                    continue;
                }
                var (target, derived) = links.Current;
                if (!byId.TryGetValue(target, out var next)) continue; // reported as unknown
                if (!state.TryGetValue(target, out var done))
                {
                    state[target] = false;
                    path.Add((next, Links(next).GetEnumerator(), derived));
                }
                else if (!done)
                {
                    var from = path.FindIndex(p => p.Record.Id == target);
                    var cycle = path.Skip(from).ToList();
                    if (!derived && !cycle.Skip(1).Any(p => p.EnteredByDerived)) continue; // part_of only: RS0212
                    // The last derived_from link of the cycle: where the author can break it.
                    var at = derived ? record : cycle.Last(p => p.EnteredByDerived) is var entered ? path[path.IndexOf(entered) - 1].Record : record;
                    diagnostics.Error(at.LocationOf("derived_from"), DiagnosticCodes.DerivedFromCycle,
                        $"derived_from forms a cycle: {string.Join(" → ", cycle.Select(p => p.Record.Id).Append(target))}");
                }
            }
        }
    }
}
