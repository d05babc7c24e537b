using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace ReportSite.Output;

/// <summary>
/// The rules for the folder a build replaces: it may only be replaced when it is absent, empty, or a site written by
/// ReportSite (marked by <see cref="MarkerName"/>, or, for a site built before the marker, recorded in
/// <c>.reportsite-cache/</c>). The staging and old folders a build keeps beside it carry the marker too, so that
/// what an interrupted build leaves is recognised and cleaned up by the next one, and nothing else is.
/// </summary>
public static partial class OutputFolder
{
    public const string MarkerName = ".reportsite";

    private const string MarkerText = "This folder was written by reportsite. The next build replaces it whole.\n";

    /// <summary>Marks <paramref name="folder"/> as a site ReportSite wrote (and may replace).</summary>
    public static void Mark(string folder) => File.WriteAllText(MarkerPath(folder), MarkerText);

    public static bool IsMarker(string folder, string path) => path == MarkerPath(folder);

    /// <summary>True when the folder holds the marker, as a plain file with the text a build writes.</summary>
    public static bool IsMarked(string folder)
    {
        var marker = new FileInfo(MarkerPath(folder));
        try
        {
            return marker.Exists && marker.LinkTarget is null && marker.Length == MarkerText.Length
                && File.ReadAllText(marker.FullName) == MarkerText;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>True when a build may replace the existing folder: it is empty, or a site ReportSite wrote.</summary>
    public static bool IsReplaceable(string folder) =>
        IsMarked(folder) || File.Exists(BuildManifest.PathFor(folder)) || !Directory.EnumerateFileSystemEntries(folder).Any();

    /// <summary>A fresh staging folder's path, beside the output.</summary>
    public static string StagingPath(string output) => $"{Trimmed(output)}.building-{Environment.ProcessId}-{Guid.NewGuid():N}";

    /// <summary>Where the two-rename swap moves the current site aside.</summary>
    public static string OldPath(string output) => $"{Trimmed(output)}.old-{Guid.NewGuid():N}";

    /// <summary>
    /// Finishes what an interrupted build left beside <paramref name="output"/>: a site moved aside by a swap cut short
    /// between its two renames is put back, and every staging or old folder is removed. Only folders named as a
    /// build names them and either marked or empty are touched. The caller holds the output's <see cref="Lock"/>.
    /// </summary>
    public static void Recover(string output)
    {
        var parent = Path.GetDirectoryName(Trimmed(output))!;
        if (!Directory.Exists(parent)) return;
        var name = Path.GetFileName(Trimmed(output));
        var leftovers = new DirectoryInfo(parent).EnumerateDirectories()
            .Where(d => d.LinkTarget is null && IsLeftoverName(name, d.Name))
            .ToList();
        if (!Directory.Exists(output) && !File.Exists(output) &&
            leftovers.FirstOrDefault(d => d.Name.StartsWith(name + ".old-", StringComparison.Ordinal) && IsMarked(d.FullName)) is { } old)
        {
            old.MoveTo(output);
            leftovers.Remove(old);
        }
        foreach (var leftover in leftovers)
        {
            if (IsMarked(leftover.FullName)) leftover.Delete(recursive: true);
            // Killed between creating the staging folder and marking it.
            else if (!leftover.EnumerateFileSystemInfos().Any()) leftover.Delete();
        }
    }

    private static bool IsLeftoverName(string output, string name) =>
        name.StartsWith(output + ".", StringComparison.Ordinal) && LeftoverSuffix().IsMatch(name[(output.Length + 1)..]);

    [GeneratedRegex("^(building-[0-9]+-[0-9a-f]{32}|old-[0-9a-f]{32})$")]
    private static partial Regex LeftoverSuffix();

    /// <summary>
    /// Replaces the site at <paramref name="output"/> with the one in <paramref name="staging"/> so that at every
    /// instant one of them is there: one atomic exchange on Linux, else two renames that <see cref="Recover"/> undoes
    /// if cut short. The old site is then removed.
    /// </summary>
    public static void Swap(string staging, string output)
    {
        if (!Directory.Exists(output))
        {
            Directory.Move(staging, output);
            return;
        }
        // The old site leaves under a leftover's name: marked, the next build removes it if this one cannot.
        if (!IsMarked(output)) Mark(output);
        string old;
        if (Exchange(staging, output))
            old = staging;
        else
        {
            old = OldPath(output);
            Directory.Move(output, old);
            Directory.Move(staging, output);
        }
        try
        {
            Directory.Delete(old, recursive: true);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // The new site is in place; the next build removes the old one.
        }
    }

    // renameat2(RENAME_EXCHANGE): false where the system or the file system cannot exchange two folders.
    private static bool Exchange(string a, string b)
    {
        if (!OperatingSystem.IsLinux()) return false;
        if (Native.renameat2(Native.AtCurrentFolder, a, Native.AtCurrentFolder, b, Native.RenameExchange) == 0) return true;
        var errno = Marshal.GetLastPInvokeError();
        if (errno is Native.EINVAL or Native.ENOSYS) return false;
        throw new IOException(Marshal.GetPInvokeErrorMessage(errno) + $" : '{b}'");
    }

    /// <summary>
    /// Takes the lock of <paramref name="output"/> (a file in <c>.reportsite-cache/</c>), held until disposed, so that
    /// two builds of one output never remove each other's staging folder. Null when another build holds it.
    /// The kernel releases it when the process dies, however it dies.
    /// </summary>
    public static IDisposable? Lock(string output)
    {
        var path = Path.ChangeExtension(BuildManifest.PathFor(output), ".lock");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Elsewhere, .NET's own lock of a file opened for no sharing (a second build meets an I/O error instead).
        if (!OperatingSystem.IsLinux()) return File.Open(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        // Opened with libc, not .NET, which takes a shared lock of its own on open (and would fail where we must wait
        // for nothing); read-only so that a site on a read-only file system still gets its located write error.
        var fd = Native.open(path, Native.OpenReadOnly | Native.OpenCreate | Native.OpenCloseOnExec, 0b110_100_100);
        if (fd < 0) throw new IOException(Marshal.GetLastPInvokeErrorMessage() + $" : '{path}'");
        if (Native.flock(fd, Native.LockExclusive | Native.LockNonBlocking) == 0) return new Descriptor(fd);
        var errno = Marshal.GetLastPInvokeError();
        Native.close(fd);
        if (errno == Native.EWOULDBLOCK) return null;
        throw new IOException(Marshal.GetPInvokeErrorMessage(errno) + $" : '{path}'");
    }

    private sealed class Descriptor(int fd) : IDisposable
    {
        public void Dispose() => Native.close(fd);
    }

    private static string MarkerPath(string folder) => Path.Combine(folder, MarkerName);

    private static string Trimmed(string path) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));

    // Linux (x86-64 and arm64) values.
    private static class Native
    {
        internal const int AtCurrentFolder = -100;
        internal const uint RenameExchange = 2;
        internal const int OpenReadOnly = 0, OpenCreate = 0x40, OpenCloseOnExec = 0x80000;
        internal const int LockExclusive = 2, LockNonBlocking = 4;
        internal const int EWOULDBLOCK = 11, EINVAL = 22, ENOSYS = 38;

        [DllImport("libc", SetLastError = true)]
        internal static extern int renameat2(int oldFolder, string oldPath, int newFolder, string newPath, uint flags);

        [DllImport("libc", SetLastError = true)]
        internal static extern int open(string path, int flags, int mode);

        [DllImport("libc", SetLastError = true)]
        internal static extern int flock(int fd, int operation);

        [DllImport("libc")]
        internal static extern int close(int fd);
    }
}
