using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;

namespace ReportSite.Output;

/// <summary>
/// Writes the site into a fresh staging folder. A file whose bytes equal those of the same path in the previous
/// site is hard-linked instead of written, so an unchanged rebuild writes (almost) nothing while the swap stays
/// atomic: the staging folder is always a complete site.
/// </summary>
public sealed class OutputWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly string _root;
    private readonly string? _previous;
    private int _written;
    private int _unchanged;

    /// <param name="root">The staging folder.</param>
    /// <param name="previous">The current site, if any, whose unchanged files are reused.</param>
    public OutputWriter(string root, string? previous)
    {
        _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        _previous = previous is not null && Directory.Exists(previous) ? Path.GetFullPath(previous) : null;
    }

    public int Written => _written;
    public int Unchanged => _unchanged;

    public void WriteText(string relativePath, string text)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Utf8.GetMaxByteCount(text.Length));
        try
        {
            var length = Utf8.GetBytes(text, buffer);
            Write(relativePath, buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public void Write(string relativePath, ReadOnlySpan<byte> bytes)
    {
        var path = Target(relativePath);
        if (_previous is not null && SameAsPrevious(relativePath, bytes, out var previousPath) && TryLink(previousPath, path))
        {
            Interlocked.Increment(ref _unchanged);
            return;
        }
        using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.None))
            stream.Write(bytes);
        Interlocked.Increment(ref _written);
    }

    public void Copy(string relativePath, string sourcePath)
    {
        var path = Target(relativePath);
        var previousPath = _previous is null ? null : Path.Combine(_previous, relativePath);
        if (previousPath is not null && File.Exists(previousPath) && SameFile(sourcePath, previousPath) && TryLink(previousPath, path))
        {
            Interlocked.Increment(ref _unchanged);
            return;
        }
        File.Copy(sourcePath, path);
        Interlocked.Increment(ref _written);
    }

    private string Target(string relativePath)
    {
        var path = Path.GetFullPath(Path.Combine(_root, relativePath));
        if (!path.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new InvalidOperationException($"Refusing to write outside the output folder: {relativePath}");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }

    private bool SameAsPrevious(string relativePath, ReadOnlySpan<byte> bytes, out string previousPath)
    {
        previousPath = Path.Combine(_previous!, relativePath);
        var info = new FileInfo(previousPath);
        if (!info.Exists || info.Length != bytes.Length || info.LinkTarget is not null) return false;
        var buffer = ArrayPool<byte>.Shared.Rent(bytes.Length);
        try
        {
            using var stream = new FileStream(previousPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.None);
            stream.ReadExactly(buffer, 0, bytes.Length);
            return bytes.SequenceEqual(buffer.AsSpan(0, bytes.Length));
        }
        catch (IOException)
        {
            return false;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static bool SameFile(string a, string b)
    {
        var infoA = new FileInfo(a);
        var infoB = new FileInfo(b);
        if (infoA.Length != infoB.Length) return false;
        using var streamA = infoA.OpenRead();
        using var streamB = infoB.OpenRead();
        Span<byte> bufferA = stackalloc byte[8192];
        Span<byte> bufferB = stackalloc byte[8192];
        while (true)
        {
            var read = streamA.Read(bufferA);
            if (read == 0) return true;
            streamB.ReadExactly(bufferB[..read]);
            if (!bufferA[..read].SequenceEqual(bufferB[..read])) return false;
        }
    }

    // Hard links exist on every file system a site is built on here; where they fail, the caller writes a copy.
    private static bool TryLink(string existing, string newPath) =>
        !OperatingSystem.IsWindows() && Native.link(existing, newPath) == 0;

    private static class Native
    {
        [DllImport("libc", SetLastError = true)]
        internal static extern int link(string oldpath, string newpath);
    }
}
