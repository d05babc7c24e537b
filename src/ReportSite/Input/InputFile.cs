using System.Security.Cryptography;
using Microsoft.Win32.SafeHandles;
using ReportSite.Diagnostics;

namespace ReportSite.Input;

/// <summary>A regular file of an input or theme folder, as listed: where it really is and which file it was.</summary>
/// <param name="Relative">Its path in the folder, with '/' (through a link to a folder, the link's name).</param>
/// <param name="RealPath">Its absolute path with every link resolved: what is opened.</param>
/// <param name="Display">Its path as diagnostics show it.</param>
public sealed record InputFile(string Relative, string RealPath, string Display, FileStatus Status)
{
    /// <summary>
    /// Opens the file for reading, refusing anything but the regular file listed (a FIFO or another file swapped in
    /// since), with a located error (RS0014) instead of a crash or a hang.
    /// </summary>
    public SafeFileHandle OpenRead()
    {
        SafeFileHandle handle;
        FileStatus opened;
        try { (handle, opened) = FileStatus.OpenRead(RealPath); }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException) { throw Unreadable(error); }
        if (opened != Status)
        {
            handle.Dispose();
            throw Changed();
        }
        return handle;
    }

    /// <summary>The whole file.</summary>
    public byte[] ReadAllBytes() => Read(stream =>
    {
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes); // a file cut short meanwhile: EndOfStreamException, an IOException
        return bytes;
    });

    /// <summary>The file's SHA-256, lower-case hex.</summary>
    public string Sha256() => Hash().Sha256;

    /// <summary>The file's SHA-256 (lower-case hex) and its size in bytes, from one read.</summary>
    public (string Sha256, long Size) Hash() => Read(stream => (Convert.ToHexStringLower(SHA256.HashData(stream)), stream.Position));

    private T Read<T>(Func<Stream, T> read)
    {
        using var handle = OpenRead();
        using var stream = new FileStream(handle, FileAccess.Read, bufferSize: 0);
        try { return read(stream); }
        catch (IOException error) { throw Unreadable(error); }
    }

    public DiagnosticException Unreadable(Exception error) =>
        new(SourceLocation.WholeFile(Display), DiagnosticCodes.InputFileUnreadable, $"cannot be read: {error.Message}");

    public DiagnosticException Changed() => new(SourceLocation.WholeFile(Display), DiagnosticCodes.InputFileUnreadable,
        "changed while the build was reading it (replaced, or its content no longer the one verified): build again");
}
