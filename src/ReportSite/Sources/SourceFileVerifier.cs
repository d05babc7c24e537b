using ReportSite.Diagnostics;
using ReportSite.Input;

namespace ReportSite.Sources;

/// <summary>
/// Checks a record's local files (<c>file</c> and <c>capture</c>): relative, inside the input folder (also after
/// following symlinks: the input is listed by <see cref="InputTree"/>, which keeps only what stays inside), present;
/// computes their SHA-256 and size, and compares the file's hash with the declared one. Fact-checkers rely on them.
/// </summary>
public static class SourceFileVerifier
{
    public static SourceRecord Verify(SourceRecord record, InputTree input, DiagnosticBag diagnostics)
    {
        // A hash without a file is allowed: it documents a file that is not in the input at all.
        var file = Hash(record, "file", record.File, input, diagnostics);
        var capture = Hash(record, "capture", record.Capture, input, diagnostics);
        if (file is not null && record.Sha256 is { } declared && RecordFields.IsSha256Hex(declared) && declared != file.Sha256)
            diagnostics.Error(record.LocationOf("sha256"), DiagnosticCodes.Sha256Mismatch,
                $"sha256 does not match '{record.File}': declared {declared}, file has {file.Sha256}");
        return record with
        {
            File = file?.Path,
            LocalFile = file,
            Capture = capture?.Path,
            LocalCapture = capture,
        };
    }

    /// <summary>The file at <paramref name="path"/> hashed, or null (reported) when it is not a readable file of the input.</summary>
    private static HashedFile? Hash(SourceRecord record, string key, string? path, InputTree input, DiagnosticBag diagnostics)
    {
        if (path is null) return null;
        var at = record.LocationOf(key);
        var problem =
            Path.IsPathRooted(path) || path.StartsWith('/') || path.Contains(':') ? "must be a path relative to the input folder, not an absolute path"
            : input.Escapes(path) ? "escapes the input folder"
            : input.LeadsOutside(path) ? "is a link that points outside the input folder"
            : null;
        if (problem is not null)
        {
            diagnostics.Error(at, DiagnosticCodes.FileOutsideInput, $"'{key}' {problem}: '{path}'");
            return null;
        }
        if (input.Find(path) is not { } found)
        {
            // Anything else refused when listed (a FIFO, a dangling link …) is reported at the file itself.
            if (!input.IsRefused(path))
                diagnostics.Error(at, DiagnosticCodes.FileNotFound, $"{key} not found: '{path}' (paths are relative to the input folder)");
            return null;
        }
        try
        {
            var (sha256, size) = found.Hash();
            return new HashedFile(path, sha256, size);
        }
        catch (DiagnosticException error)
        {
            diagnostics.Add(error.Diagnostic);
            return null;
        }
    }
}
