using System.Runtime.InteropServices;

namespace ReportSite.Safety;

/// <summary>Path containment with symlinks resolved, for the checks that keep reads and writes where they belong.</summary>
public static class Paths
{
    /// <summary>
    /// The path with every symlink on it resolved, as the kernel resolves it (a ".." after a link is the link
    /// target's parent, not the link's). For a path that does not exist (yet), the deepest existing ancestor is
    /// resolved and the rest appended (an output folder about to be created).
    /// </summary>
    public static string RealPath(string path)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        if (Resolve(full) is { } real) return real;
        var parent = Path.GetDirectoryName(full);
        if (parent is null) return full; // the root
        var current = Path.Combine(RealPath(parent), Path.GetFileName(full));
        // Windows has no realpath: follow this entry's own link, if it is one.
        if (!OperatingSystem.IsWindows() || (!File.Exists(current) && !Directory.Exists(current))) return current;
        FileSystemInfo info = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
        var target = info.LinkTarget is null ? null : info.ResolveLinkTarget(returnFinalTarget: true);
        return target is null ? current : RealPath(target.FullName);
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="folder"/> or lies inside it (both already real paths).</summary>
    public static bool IsSameOrInside(string path, string folder) =>
        path == folder || path.StartsWith(folder.EndsWith(Path.DirectorySeparatorChar) ? folder : folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>
    /// A relative path in one spelling ('/' between names, no "." or empty names, "a/../" read away), so that two
    /// spellings of one file are one (a record's <c>file:</c>, an output destination). A leading '/' is kept, and a
    /// path that leaves its folder is left as written, for the caller to refuse and quote.
    /// </summary>
    public static string Normalise(string path)
    {
        path = path.Replace('\\', '/');
        var names = new List<string>();
        foreach (var name in path.Split('/'))
        {
            if (name is "" or ".") continue;
            if (name == ".." && names.Count > 0 && names[^1] != "..") names.RemoveAt(names.Count - 1);
            else names.Add(name);
        }
        return names.FirstOrDefault() == ".." ? path : (path.StartsWith('/') ? "/" : "") + string.Join('/', names);
    }

    // The real path of an existing path (realpath(3)), or null.
    private static string? Resolve(string full)
    {
        if (OperatingSystem.IsWindows()) return null;
        var resolved = Native.realpath(full, IntPtr.Zero);
        if (resolved == IntPtr.Zero) return null;
        try { return Marshal.PtrToStringUTF8(resolved); }
        finally { Native.free(resolved); }
    }

    private static class Native
    {
        [DllImport("libc", SetLastError = true)]
        internal static extern IntPtr realpath(string path, IntPtr resolved);

        [DllImport("libc")]
        internal static extern void free(IntPtr pointer);
    }
}
