using System.Collections.Concurrent;
using System.Text.Json;
using ReportSite.Exports;
using ReportSite.Input;
using ReportSite.Output;
using ReportSite.Urls;

namespace ReportSite.Verification;

/// <summary>What is wrong with one file of a mirror.</summary>
public enum MirrorProblemKind
{
    /// <summary>The site has no readable manifest.json (or it is damaged): nothing else can be checked.</summary>
    NoManifest,
    /// <summary>The manifest names a path a site never has (absolute, "..", a backslash, a control character).</summary>
    UnsafePath,
    Missing,
    /// <summary>Its size or SHA-256 differs from the manifest's.</summary>
    Changed,
    /// <summary>In the mirror, not in the manifest: added after the build.</summary>
    NotInManifest,
    /// <summary>A link, FIFO or device: a site holds only regular files and folders.</summary>
    NotAFile,
    /// <summary>A published evidence file whose SHA-256 is not the one its source record gives (sources.json).</summary>
    EvidenceMismatch,
}

public sealed record MirrorProblem(string Path, MirrorProblemKind Kind, string Detail);

/// <param name="Files">Files of the manifest found as listed.</param>
/// <param name="Evidence">Evidence files (a record's <c>file</c>) that match their record's SHA-256.</param>
public sealed record MirrorReport(int Files, int Evidence, IReadOnlyList<MirrorProblem> Problems)
{
    public bool Verified => Problems.Count == 0;
}

/// <summary>
/// Checks a downloaded copy of a site against the manifest.json it was built with: every listed file present with
/// its size and SHA-256, nothing added, no links; and every published evidence file against the SHA-256 of the
/// record that cites it (sources.json). The mirror may come from anyone: it is read, never trusted — no link is
/// followed, no FIFO opened, no path of the manifest leaves the folder.
/// </summary>
public static class SiteVerifier
{
    // A manifest is a few MB even for a 22,000-source report; anything far larger is not one.
    private const long MaxManifestBytes = 512L << 20;

    public static MirrorReport Verify(string site)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(site));
        var problems = new List<MirrorProblem>();
        if (FileStatus.OfTarget(root).Kind != FileKind.Directory)
            return Fail(SitePaths.Manifest, "the site folder does not exist");

        var manifestPath = Path.Combine(root, SitePaths.Manifest);
        if (FileStatus.OfEntry(manifestPath).Kind != FileKind.Regular)
            return Fail(SitePaths.Manifest, "missing: this is not a site reportsite built, or only part of one was downloaded");
        if (new FileInfo(manifestPath).Length > MaxManifestBytes)
            return Fail(SitePaths.Manifest, "is too large to be a manifest");
        var (files, problem) = SiteManifest.Read(File.ReadAllBytes(manifestPath));
        if (files is null) return Fail(SitePaths.Manifest, problem!);

        var listed = new Dictionary<string, SiteFile>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (!IsSitePath(file.Path)) problems.Add(new(file.Path, MirrorProblemKind.UnsafePath, "the manifest lists a path outside the site"));
            else if (!listed.TryAdd(file.Path, file)) problems.Add(new(file.Path, MirrorProblemKind.UnsafePath, "the manifest lists this path twice"));
        }

        var found = Walk(root, problems);
        foreach (var path in listed.Keys.Where(p => !found.Contains(p)))
            problems.Add(new(path, MirrorProblemKind.Missing, "listed in the manifest, not in the mirror"));
        var hashes = new ConcurrentDictionary<string, string?>(StringComparer.Ordinal);
        Parallel.ForEach(listed.Keys.Where(found.Contains), path => hashes[path] = FileStatus.Sha256OfRegularFile(Path.Combine(root, path)));
        var matching = 0;
        foreach (var (path, sha) in hashes.OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            var expected = listed[path];
            var size = new FileInfo(Path.Combine(root, path)).Length;
            if (sha is null) problems.Add(new(path, MirrorProblemKind.NotAFile, "could not be read"));
            else if (size != expected.Size || sha != expected.Sha256)
                problems.Add(new(path, MirrorProblemKind.Changed,
                    size != expected.Size ? $"is {size} bytes; the manifest says {expected.Size}" : $"SHA-256 is {sha}; the manifest says {expected.Sha256}"));
            else matching++;
        }
        foreach (var path in found.Where(p => !listed.ContainsKey(p) && p != SitePaths.Manifest && p != OutputFolder.MarkerName).Order(StringComparer.Ordinal))
            problems.Add(new(path, MirrorProblemKind.NotInManifest, "in the mirror, not in the manifest: added after the build"));

        var evidence = CheckEvidence(root, hashes, problems);
        return new MirrorReport(matching, evidence, [.. problems.OrderBy(p => p.Path, StringComparer.Ordinal).ThenBy(p => p.Kind)]);

        MirrorReport Fail(string path, string detail) => new(0, 0, [new MirrorProblem(path, MirrorProblemKind.NoManifest, detail)]);
    }

    /// <summary>
    /// Every regular file under the root, as '/'-separated relative paths; links and special files are problems. The
    /// walk keeps its own stack (a mirror may nest deeper than the call stack would allow).
    /// </summary>
    private static HashSet<string> Walk(string root, List<MirrorProblem> problems)
    {
        var files = new HashSet<string>(StringComparer.Ordinal);
        var folders = new Stack<string>([root]);
        while (folders.TryPop(out var folder))
        {
            foreach (var entry in Directory.EnumerateFileSystemEntries(folder))
            {
                var relative = Path.GetRelativePath(root, entry).Replace('\\', '/');
                switch (FileStatus.OfEntry(entry).Kind)
                {
                    case FileKind.Regular: files.Add(relative); break;
                    case FileKind.Directory: folders.Push(entry); break;
                    case FileKind.Link: problems.Add(new(relative, MirrorProblemKind.NotAFile, "is a link: a site holds no links, and this one may point anywhere")); break;
                    default: problems.Add(new(relative, MirrorProblemKind.NotAFile, "is not a regular file (a FIFO or device)")); break;
                }
            }
        }
        return files;
    }

    /// <summary>
    /// The published evidence files (each record's <c>file</c> and <c>capture</c> in sources.json, when the site publishes it) against the
    /// SHA-256 in their record. Returns how many match.
    /// </summary>
    private static int CheckEvidence(string root, ConcurrentDictionary<string, string?> hashes, List<MirrorProblem> problems)
    {
        // sources.json was itself checked against the manifest; a changed one is already reported.
        if (!hashes.TryGetValue(SitePaths.SourcesJson, out var sourcesSha) || sourcesSha is null) return 0;
        JsonDocument sources;
        try
        {
            sources = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(root, SitePaths.SourcesJson)));
        }
        catch (JsonException error)
        {
            // Damaged, and already named when its hash differs from the manifest's: once per file is enough.
            if (!problems.Any(p => p.Path == SitePaths.SourcesJson))
                problems.Add(new(SitePaths.SourcesJson, MirrorProblemKind.Changed, $"is not valid JSON ({error.Message})"));
            return 0;
        }
        using (sources)
        {
            if (!sources.RootElement.TryGetProperty("sources", out var list) || list.ValueKind != JsonValueKind.Array) return 0;
            var matching = 0;
            foreach (var source in list.EnumerateArray())
                foreach (var (pathKey, hashKey) in EvidenceKeys)
                {
                    if (source.ValueKind != JsonValueKind.Object
                        || !source.TryGetProperty(pathKey, out var file) || file.ValueKind != JsonValueKind.String
                        || !source.TryGetProperty(hashKey, out var sha) || sha.ValueKind != JsonValueKind.String) continue;
                    var path = SitePaths.InputFile(file.GetString()!);
                    // A file the site does not publish (withheld) has only its hash in the record: nothing to compare.
                    if (!hashes.TryGetValue(path, out var actual) || actual is null) continue;
                    var id = source.TryGetProperty("id", out var idValue) && idValue.ValueKind == JsonValueKind.String ? idValue.GetString() : "?";
                    if (actual == sha.GetString()) matching++;
                    else problems.Add(new(path, MirrorProblemKind.EvidenceMismatch, $"SHA-256 is {actual}; source '{id}' records {sha.GetString()}"));
                }
            return matching;
        }
    }

    /// <summary>The local copies sources.json lists, each with the key of its recorded SHA-256.</summary>
    private static readonly (string Path, string Hash)[] EvidenceKeys = [("file", "sha256"), ("capture", "capture_sha256")];

    /// <summary>A relative path a site can hold: '/'-separated names, none empty, "." or "..", no backslash or control character.</summary>
    public static bool IsSitePath(string path) =>
        path.Length > 0 && !path.StartsWith('/') && !path.Contains('\\')
        && !path.Any(char.IsControl)
        && path.Split('/').All(name => name is not ("" or "." or ".."));
}
