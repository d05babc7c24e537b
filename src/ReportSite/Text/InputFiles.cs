using System.Text;
using ReportSite.Diagnostics;
using ReportSite.Input;

namespace ReportSite.Text;

/// <summary>Reads authors' files strictly: text must be UTF-8 (a BOM is allowed and dropped).</summary>
public static class InputFiles
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The file's text with line endings normalised to '\n', or null after reporting RS0004 (or RS0014: unreadable).</summary>
    public static string? ReadText(InputFile file, DiagnosticBag diagnostics)
    {
        byte[] bytes;
        try { bytes = file.ReadAllBytes(); }
        catch (DiagnosticException error)
        {
            diagnostics.Add(error.Diagnostic);
            return null;
        }
        var start = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        try
        {
            return StrictUtf8.GetString(bytes, start, bytes.Length - start).Replace("\r\n", "\n").Replace('\r', '\n');
        }
        catch (DecoderFallbackException error)
        {
            var (line, column) = PositionOfByte(bytes, start, start + Math.Max(error.Index, 0));
            diagnostics.Error(new SourceLocation(file.Display, line, column), DiagnosticCodes.FileNotUtf8,
                "file is not valid UTF-8; save it as UTF-8");
            return null;
        }
    }

    // Columns count characters, as in every other diagnostic: decode the valid part of the line before the bad byte.
    private static (int Line, int Column) PositionOfByte(byte[] bytes, int start, int index)
    {
        var line = 1;
        var lineStart = start;
        for (var i = start; i < Math.Min(index, bytes.Length); i++)
            if (bytes[i] == (byte)'\n') { line++; lineStart = i + 1; }
        var characters = Encoding.UTF8.GetCharCount(bytes, lineStart, Math.Max(0, Math.Min(index, bytes.Length) - lineStart));
        return (line, characters + 1);
    }
}
