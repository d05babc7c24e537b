namespace ReportSite.Safety;

/// <summary>Path containment with symlinks resolved, for the checks that keep reads and writes where they belong.</summary>
public static class Paths
{
    /// <summary>
    /// The path with every symlink on it resolved. For a path that does not exist yet, the deepest existing ancestor
    /// is resolved and the rest appended (an output folder about to be created).
    /// </summary>
    public static string RealPath(string path)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        var parent = Path.GetDirectoryName(full);
        if (parent is null) return full; // the root
        var current = Path.Combine(RealPath(parent), Path.GetFileName(full));
        if (!File.Exists(current) && !Directory.Exists(current)) return current;
        FileSystemInfo info = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
        if (info.LinkTarget is null) return current;
        var target = info.ResolveLinkTarget(returnFinalTarget: true);
        return target is null ? current : RealPath(target.FullName);
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="folder"/> or lies inside it (both already real paths).</summary>
    public static bool IsSameOrInside(string path, string folder) =>
        path == folder || path.StartsWith(folder.EndsWith(Path.DirectorySeparatorChar) ? folder : folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
