using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace ReportSite.Input;

public enum FileKind { Regular, Directory, Link, Other, Missing, Loop }

/// <summary>What a path or an open handle is (one stat call), and which file it is (device and inode).</summary>
public readonly record struct FileStatus(FileKind Kind, ulong Device, ulong Inode)
{
    /// <summary>The entry itself, a link not followed (lstat).</summary>
    public static FileStatus OfEntry(string path) => Stat(path, follow: false);

    /// <summary>What a path leads to, links followed (stat): Missing for a dangling link, Loop for a link loop.</summary>
    public static FileStatus OfTarget(string path) => Stat(path, follow: true);

    /// <summary>
    /// Opens a file for reading without ever blocking (a FIFO opened for reading waits for a writer) and returns the
    /// handle with what it turned out to be, so the caller reads only the regular file it listed.
    /// </summary>
    public static (SafeFileHandle Handle, FileStatus Status) OpenRead(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            var handle = File.OpenHandle(path);
            return (handle, Stat(path, follow: true));
        }
        var fd = Native.open(path, Native.O_RDONLY | Native.O_NONBLOCK | Native.O_CLOEXEC);
        if (fd < 0) throw new IOException(Native.Describe(Marshal.GetLastPInvokeError()));
        var opened = new SafeFileHandle(fd, ownsHandle: true);
        if (Native.statx(fd, "", Native.AT_EMPTY_PATH, Native.STATX_TYPE | Native.STATX_INO, out var status) != 0)
        {
            var error = Marshal.GetLastPInvokeError();
            opened.Dispose();
            throw new IOException(Native.Describe(error));
        }
        return (opened, From(status));
    }

    /// <summary>
    /// The SHA-256 (lower-case hex) of the regular file at <paramref name="path"/>; null when it is anything else (a
    /// FIFO put in a previous site must not hang the build that checks it) or cannot be read.
    /// </summary>
    public static string? Sha256OfRegularFile(string path)
    {
        try
        {
            var (handle, status) = OpenRead(path);
            using (handle)
            {
                if (status.Kind != FileKind.Regular) return null;
                using var stream = new FileStream(handle, FileAccess.Read, bufferSize: 0);
                return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream));
            }
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static FileStatus Stat(string path, bool follow)
    {
        if (!OperatingSystem.IsLinux()) return Managed(path, follow);
        var flags = follow ? 0 : Native.AT_SYMLINK_NOFOLLOW;
        if (Native.statx(Native.AT_FDCWD, path, flags, Native.STATX_TYPE | Native.STATX_INO, out var status) == 0) return From(status);
        return Marshal.GetLastPInvokeError() switch
        {
            Native.ELOOP => new FileStatus(FileKind.Loop, 0, 0),
            Native.ENOENT or Native.ENOTDIR => new FileStatus(FileKind.Missing, 0, 0),
            var error => throw new IOException(Native.Describe(error)),
        };
    }

    private static FileStatus From(Native.Statx status) => new((status.Mode & Native.S_IFMT) switch
    {
        Native.S_IFREG => FileKind.Regular,
        Native.S_IFDIR => FileKind.Directory,
        Native.S_IFLNK => FileKind.Link,
        _ => FileKind.Other,
    }, ((ulong)status.DeviceMajor << 32) | status.DeviceMinor, status.Inode);

    // Elsewhere (Windows, macOS) only what .NET can tell: FIFOs and devices are not told apart from files there.
    private static FileStatus Managed(string path, bool follow)
    {
        FileSystemInfo info = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
        if (!info.Exists && info.LinkTarget is null) return new FileStatus(FileKind.Missing, 0, 0);
        if (info.LinkTarget is not null)
        {
            if (!follow) return new FileStatus(FileKind.Link, 0, 0);
            try { info = info.ResolveLinkTarget(returnFinalTarget: true) ?? info; }
            catch (IOException) { return new FileStatus(FileKind.Loop, 0, 0); }
            if (!info.Exists) return new FileStatus(FileKind.Missing, 0, 0);
        }
        return new FileStatus(info is DirectoryInfo ? FileKind.Directory : FileKind.Regular, 0, 0);
    }

    private static class Native
    {
        internal const int AT_FDCWD = -100, AT_SYMLINK_NOFOLLOW = 0x100, AT_EMPTY_PATH = 0x1000;
        internal const uint STATX_TYPE = 0x1, STATX_INO = 0x100;
        internal const int O_RDONLY = 0, O_NONBLOCK = 0x800, O_CLOEXEC = 0x80000; // the same on every Linux architecture .NET runs on
        internal const int S_IFMT = 0xF000, S_IFREG = 0x8000, S_IFDIR = 0x4000, S_IFLNK = 0xA000;
        internal const int ENOENT = 2, ENOTDIR = 20, ELOOP = 40;

        // struct statx has one layout on every architecture (unlike struct stat).
        [StructLayout(LayoutKind.Explicit, Size = 256)]
        internal struct Statx
        {
            [FieldOffset(28)] public ushort Mode;
            [FieldOffset(32)] public ulong Inode;
            [FieldOffset(136)] public uint DeviceMajor;
            [FieldOffset(140)] public uint DeviceMinor;
        }

        [DllImport("libc", SetLastError = true)]
        internal static extern int statx(int dirfd, string path, int flags, uint mask, out Statx status);

        [DllImport("libc", SetLastError = true)]
        internal static extern int open(string path, int flags);

        [DllImport("libc")]
        private static extern IntPtr strerror(int error);

        internal static string Describe(int error) => Marshal.PtrToStringUTF8(strerror(error)) ?? $"error {error}";
    }
}
