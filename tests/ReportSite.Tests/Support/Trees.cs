using System.Security.Cryptography;

namespace ReportSite.Tests.Support;

/// <summary>Snapshots of folder trees, to assert that a build left files byte-identical.</summary>
public static class Trees
{
    /// <summary>
    /// Every entry under <paramref name="root"/> (not following links): a file's SHA-256, a link's target, "dir" for
    /// a folder. Equal snapshots mean the same names, kinds and bytes.
    /// </summary>
    public static SortedDictionary<string, string> Snapshot(string root)
    {
        var snapshot = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (!Directory.Exists(root)) return snapshot;
        foreach (var entry in new DirectoryInfo(root).EnumerateFileSystemInfos("*", new EnumerationOptions
        { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            var relative = Path.GetRelativePath(root, entry.FullName);
            snapshot[relative] = entry.LinkTarget is { } target ? "link -> " + target
                : entry is DirectoryInfo ? "dir"
                // Not opened: an empty file may be a build's lock, which .NET's own shared lock on open would meet.
                : ((FileInfo)entry).Length == 0 ? "empty"
                : Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(entry.FullName)));
        }
        return snapshot;
    }

    /// <summary>The names directly in <paramref name="folder"/>, sorted.</summary>
    public static List<string> Names(string folder) =>
        [.. Directory.EnumerateFileSystemEntries(folder).Select(path => Path.GetFileName(path)).Order(StringComparer.Ordinal)];
}
