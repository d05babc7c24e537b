using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Microsoft.Win32.SafeHandles;
using ReportSite.Input;

namespace ReportSite.Output;

/// <summary>
/// Writes the site into a fresh staging folder. A file whose hash equals that of the same path in the previous
/// site (per its <see cref="BuildManifest"/>, and verified on the file itself) is hard-linked instead of written, so
/// an unchanged rebuild writes no content while the swap stays atomic: the staging folder is always a complete site.
/// </summary>
public sealed class OutputWriter
{
    private readonly string _root;
    private readonly string? _previous;
    private readonly IReadOnlyDictionary<string, ManifestEntry> _previousFiles;
    private readonly ConcurrentDictionary<string, ManifestEntry> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _folders = new(StringComparer.Ordinal);
    private int _written;
    private int _unchanged;

    /// <param name="root">The staging folder.</param>
    /// <param name="previous">The current site, if any, whose unchanged files are reused.</param>
    /// <param name="previousManifest">What the current site's build recorded; without it every file is written.</param>
    public OutputWriter(string root, string? previous, BuildManifest? previousManifest)
    {
        _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        _previous = previous is not null && Directory.Exists(previous) && previousManifest is not null ? Path.GetFullPath(previous) : null;
        _previousFiles = _previous is null ? new Dictionary<string, ManifestEntry>() : previousManifest!.Files;
    }

    public int Written => _written;
    public int Unchanged => _unchanged;

    /// <summary>Every file written or reused, for the next build's manifest.</summary>
    public Dictionary<string, ManifestEntry> Files => new(_files, StringComparer.Ordinal);

    // One buffer per writing thread, reused for every file it writes (pages are a few KB; the exports tens of MB).
    [ThreadStatic] private static ArrayBufferWriter<byte>? _buffer;

    /// <summary>Writes what <paramref name="produce"/> writes into a reused buffer.</summary>
    public void Write(string relativePath, Action<IBufferWriter<byte>> produce)
    {
        var buffer = _buffer ??= new ArrayBufferWriter<byte>(1 << 16);
        buffer.ResetWrittenCount();
        produce(buffer);
        Write(relativePath, buffer.WrittenSpan);
        // Do not keep an export-sized buffer alive for the small pages that follow.
        if (buffer.Capacity > 1 << 22) _buffer = null;
    }

    public void Write(string relativePath, ReadOnlySpan<byte> bytes)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var path = Target(relativePath);
        if (TryReuse(relativePath, sha, path)) return;
        using var handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write);
        RandomAccess.Write(handle, bytes, fileOffset: 0);
        _files[relativePath] = new ManifestEntry(sha, bytes.Length);
        Interlocked.Increment(ref _written);
    }

    /// <summary>
    /// Copies an input or theme file. What is published is what was hashed: the copy is hashed as it is written, and
    /// a file changed (or swapped for another) since it was hashed fails the build (DiagnosticException, RS0014).
    /// </summary>
    /// <param name="sha256">The file's SHA-256 (lower-case hex) if already known (verified); else it is computed here.</param>
    public void Copy(string relativePath, InputFile source, string? sha256 = null)
    {
        var sha = sha256 ?? source.Sha256(); // first, to find an unchanged file in the previous site
        var path = Target(relativePath);
        if (TryReuse(relativePath, sha, path)) return;
        CopyHashing(source, path, sha);
        Record(relativePath, sha, path);
    }

    private static void CopyHashing(InputFile source, string path, string expectedSha256)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using (var from = source.OpenRead())
        using (var to = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0))
        {
            var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
            try
            {
                long offset = 0;
                int read;
                while ((read = ReadAt(source, from, buffer, offset)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    to.Write(buffer, 0, read);
                    offset += read;
                }
            }
            finally { ArrayPool<byte>.Shared.Return(buffer); }
        }
        if (Convert.ToHexStringLower(hash.GetHashAndReset()) == expectedSha256) return;
        File.Delete(path); // not even the discarded staging folder holds what was not verified
        throw source.Changed();
    }

    private static int ReadAt(InputFile source, SafeFileHandle handle, byte[] buffer, long offset)
    {
        try { return RandomAccess.Read(handle, buffer, offset); }
        catch (IOException error) { throw source.Unreadable(error); }
    }

    private bool TryReuse(string relativePath, string sha, string path)
    {
        if (_previous is null || !_previousFiles.TryGetValue(relativePath, out var entry) || entry.Sha256 != sha) return false;
        // The manifest says what the file held when it was written, not what it holds now: someone may have edited
        // it since, even keeping its size and time stamp. So the link is kept only if what it links has that hash
        // (checked after linking: what is published is what was checked) and is a plain file, not a symlink.
        if (!TryLink(Path.Combine(_previous, relativePath), path)) return false;
        if (new FileInfo(path).LinkTarget is not null || FileStatus.Sha256OfRegularFile(path) != sha)
        {
            File.Delete(path);
            return false;
        }
        _files[relativePath] = entry;
        Interlocked.Increment(ref _unchanged);
        return true;
    }

    private void Record(string relativePath, string sha, string path)
    {
        _files[relativePath] = new ManifestEntry(sha, new FileInfo(path).Length);
        Interlocked.Increment(ref _written);
    }

    private string Target(string relativePath)
    {
        var path = Path.GetFullPath(Path.Combine(_root, relativePath));
        if (!path.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new InvalidOperationException($"Refusing to write outside the output folder: {relativePath}");
        var folder = Path.GetDirectoryName(path)!;
        if (!_folders.ContainsKey(folder))
        {
            Directory.CreateDirectory(folder); // idempotent, so two threads racing here is harmless
            _folders.TryAdd(folder, true);
        }
        return path;
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
