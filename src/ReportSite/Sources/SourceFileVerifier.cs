using ReportSite.Diagnostics;
using ReportSite.Input;

namespace ReportSite.Sources;

/// <summary>
/// Checks a record's local file: relative, inside the input folder (also after following symlinks: the input is
/// listed by <see cref="InputTree"/>, which keeps only what stays inside), present; computes its SHA-256 and compares
/// it with the declared one. Fact-checkers rely on that hash.
/// </summary>
public static class SourceFileVerifier
{
    public static SourceRecord Verify(SourceRecord record, InputTree input, DiagnosticBag diagnostics)
    {
        // A hash without a file is allowed: it documents a file that is not published (a withheld source).
        if (record.File is null) return record;

        var at = record.LocationOf("file");
        var problem =
            Path.IsPathRooted(record.File) || record.File.StartsWith('/') || record.File.Contains(':') ? "must be a path relative to the input folder, not an absolute path"
            : input.Escapes(record.File) ? "escapes the input folder"
            : input.LeadsOutside(record.File) ? "is a link that points outside the input folder"
            : null;
        if (problem is not null)
        {
            diagnostics.Error(at, DiagnosticCodes.FileOutsideInput, $"'file' {problem}: '{record.File}'");
            return record with { File = null };
        }
        if (input.Find(record.File) is not { } file)
        {
            // Anything else refused when listed (a FIFO, a dangling link …) is reported at the file itself.
            if (!input.IsRefused(record.File))
                diagnostics.Error(at, DiagnosticCodes.FileNotFound, $"file not found: '{record.File}' (paths are relative to the input folder)");
            return record with { File = null };
        }

        string computed;
        try { computed = file.Sha256(); }
        catch (DiagnosticException error)
        {
            diagnostics.Add(error.Diagnostic);
            return record with { File = null };
        }
        if (record.Sha256 is { } declared && RecordFields.IsSha256Hex(declared) && declared != computed)
            diagnostics.Error(record.LocationOf("sha256"), DiagnosticCodes.Sha256Mismatch,
                $"sha256 does not match '{record.File}': declared {declared}, file has {computed}");
        return record with { ComputedSha256 = computed };
    }
}
