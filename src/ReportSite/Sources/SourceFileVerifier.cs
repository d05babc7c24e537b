using System.Security.Cryptography;
using ReportSite.Diagnostics;
using ReportSite.Safety;

namespace ReportSite.Sources;

/// <summary>
/// Checks a record's local file: relative, inside the input folder (also after following symlinks), present;
/// computes its SHA-256 and compares it with the declared one. Fact-checkers rely on that hash.
/// </summary>
public static class SourceFileVerifier
{
    public static SourceRecord Verify(SourceRecord record, string inputRoot, DiagnosticBag diagnostics)
    {
        // A hash without a file is allowed: it documents a file that is not published (a withheld source).
        if (record.File is null) return record;

        var at = record.LocationOf("file");
        var path = ResolveInside(record.File, inputRoot, out var problem);
        if (path is null)
        {
            diagnostics.Error(at, DiagnosticCodes.FileOutsideInput, $"'file' {problem}: '{record.File}'");
            return record with { File = null };
        }
        if (!File.Exists(path))
        {
            diagnostics.Error(at, DiagnosticCodes.FileNotFound, $"file not found: '{record.File}' (paths are relative to the input folder)");
            return record with { File = null };
        }

        string computed;
        using (var stream = File.OpenRead(path))
            computed = Convert.ToHexStringLower(SHA256.HashData(stream));
        if (record.Sha256 is { } declared && RecordFields.IsSha256Hex(declared) && declared != computed)
            diagnostics.Error(record.LocationOf("sha256"), DiagnosticCodes.Sha256Mismatch,
                $"sha256 does not match '{record.File}': declared {declared}, file has {computed}");
        return record with { ComputedSha256 = computed };
    }

    /// <summary>The absolute path of <paramref name="relative"/> if it stays inside <paramref name="root"/>, else null with the reason.</summary>
    public static string? ResolveInside(string relative, string root, out string problem)
    {
        problem = "";
        if (Path.IsPathRooted(relative) || relative.StartsWith('/') || relative.Contains(':'))
        {
            problem = "must be a path relative to the input folder, not an absolute path";
            return null;
        }
        var rootFull = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        var full = Path.GetFullPath(Path.Combine(rootFull, relative));
        if (full == rootFull || !Paths.IsSameOrInside(full, rootFull))
        {
            problem = "escapes the input folder";
            return null;
        }
        // A symlink inside input/ may still point outside it: follow every link on the way.
        if (File.Exists(full) && !Paths.IsSameOrInside(Paths.RealPath(full), Paths.RealPath(rootFull)))
        {
            problem = "is a link that points outside the input folder";
            return null;
        }
        return full;
    }
}
