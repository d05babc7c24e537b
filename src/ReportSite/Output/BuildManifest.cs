using System.Text.Json;
using System.Text.Json.Serialization;
using ReportSite.Diagnostics;

namespace ReportSite.Output;

/// <summary>One file of a built site: its hash and size.</summary>
public sealed record ManifestEntry(string Sha256, long Size);

/// <summary>
/// What the last successful build of an output folder produced: the fingerprint of its inputs, every file's hash,
/// and its stats and diagnostics. Kept in <c>.reportsite-cache/</c> beside the output folder (not inside it, so the
/// published site holds only the site). It lets a rebuild skip unchanged writes, and skip all work when nothing
/// that the site depends on changed.
/// </summary>
public sealed record BuildManifest(
    string Fingerprint,
    Dictionary<string, ManifestEntry> Files,
    int Sections, int Sources, int Claims, int Citations,
    List<Diagnostic> Diagnostics)
{
    /// <summary>Where the manifest of <paramref name="outputFolder"/> lives.</summary>
    public static string PathFor(string outputFolder)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outputFolder));
        return Path.Combine(Path.GetDirectoryName(full)!, ".reportsite-cache", Path.GetFileName(full) + ".json");
    }

    public static BuildManifest? Load(string outputFolder)
    {
        var path = PathFor(outputFolder);
        if (!File.Exists(path) || !Directory.Exists(outputFolder)) return null;
        try
        {
            var manifest = JsonSerializer.Deserialize(File.ReadAllBytes(path), BuildManifestJson.Default.BuildManifest);
            return manifest is not null && manifest.IsWhole() ? manifest : null;
        }
        catch (Exception error) when (error is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return null; // a damaged cache only costs a full build
        }
    }

    // JSON may leave out or null any field; such a record is damaged, not trusted.
    private bool IsWhole() =>
        Fingerprint is not null && Files is not null && Diagnostics is not null &&
        Files.Values.All(entry => entry?.Sha256 is not null) && Diagnostics.All(d => d?.File is not null && d.Code is not null && d.Message is not null);

    public void Save(string outputFolder)
    {
        var path = PathFor(outputFolder);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(this, BuildManifestJson.Default.BuildManifest));
        File.Move(temporary, path, overwrite: true);
    }

    public static void Delete(string outputFolder)
    {
        var path = PathFor(outputFolder);
        if (File.Exists(path)) File.Delete(path);
    }

    /// <summary>
    /// True when every file the manifest lists is still in the output folder with the same content, and nothing else
    /// is (but the <see cref="OutputFolder.MarkerName"/> marker). Contents are hashed, in parallel: a file edited in
    /// place keeping its size and time stamp is a change too.
    /// </summary>
    public bool MatchesFolder(string outputFolder)
    {
        var root = Path.GetFullPath(outputFolder);
        var files = new List<FileInfo>();
        foreach (var entry in new DirectoryInfo(root).EnumerateFileSystemInfos("*", SearchOption.AllDirectories))
        {
            // A site holds no links; one put there would publish what it points to.
            if (entry.Attributes.HasFlag(FileAttributes.ReparsePoint)) return false;
            if (entry is FileInfo file && !OutputFolder.IsMarker(root, file.FullName)) files.Add(file);
        }
        if (files.Count != Files.Count) return false;
        var matches = true;
        Parallel.ForEach(files, (file, loop) =>
        {
            if (!Files.TryGetValue(Path.GetRelativePath(root, file.FullName).Replace('\\', '/'), out var entry) ||
                file.Length != entry.Size || Input.FileStatus.Sha256OfRegularFile(file.FullName) != entry.Sha256)
            {
                matches = false;
                loop.Stop();
            }
        });
        return matches;
    }
}

/// <summary>The manifest's JSON, generated at compile time (no reflection: the CLI is published ahead of time).</summary>
[JsonSerializable(typeof(BuildManifest))]
internal sealed partial class BuildManifestJson : JsonSerializerContext;
