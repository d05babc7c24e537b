using System.IO.Enumeration;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Win32.SafeHandles;
using ReportSite.Diagnostics;
using ReportSite.Engine;
using ReportSite.Safety;

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
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    });

    /// <summary>The file's SHA-256, lower-case hex.</summary>
    public string Sha256() => Read(stream => Convert.ToHexStringLower(SHA256.HashData(stream)));

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

/// <summary>
/// THE way the build sees an input or theme folder: listed once, at the start, with one lstat per entry. Only
/// regular files and folders inside the folder are kept; links are followed only when they stay inside it. Everything
/// else is a located error, never followed, opened or read: a link leading outside (RS0010), dangling or looping
/// (RS0011), a FIFO, device or socket (RS0012), a name with control characters (RS0013).
/// </summary>
public sealed class InputTree
{
    private readonly string _root;
    private readonly SortedDictionary<string, InputFile> _files = new(StringComparer.Ordinal);
    private readonly HashSet<string> _refused = new(StringComparer.Ordinal);
    private readonly HashSet<string> _outside = new(StringComparer.Ordinal);

    private InputTree(string root) => _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));

    /// <summary>Every file kept, in ordinal order of <see cref="InputFile.Relative"/>.</summary>
    public IEnumerable<InputFile> Files => _files.Values;

    /// <summary>The files under <paramref name="folder"/> (relative, '/'), in order; with <paramref name="recursive"/> false, only those directly in it.</summary>
    public IEnumerable<InputFile> Under(string folder, bool recursive) =>
        _files.Values.Where(f => f.Relative.StartsWith(folder + "/", StringComparison.Ordinal)
                                 && (recursive || f.Relative.IndexOf('/', folder.Length + 1) < 0));

    /// <summary>The file at <paramref name="relative"/> (any spelling that stays inside the folder), or null.</summary>
    public InputFile? Find(string relative) => _files.GetValueOrDefault(Normalize(relative));

    /// <summary>True when <paramref name="relative"/> or a folder on its way was refused (and reported) when listed.</summary>
    public bool IsRefused(string relative) => OnTheWay(Normalize(relative)).Any(_refused.Contains);

    /// <summary>True when <paramref name="relative"/> or a folder on its way is a link that leads outside the folder.</summary>
    public bool LeadsOutside(string relative) => OnTheWay(Normalize(relative)).Any(_outside.Contains);

    /// <summary>True when <paramref name="relative"/> (absolute, or with ".." in it) names the folder itself or lies outside it.</summary>
    public bool Escapes(string relative)
    {
        var full = Path.GetFullPath(Path.Combine(_root, relative));
        return !full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    private string Normalize(string relative) =>
        Path.GetRelativePath(_root, Path.GetFullPath(Path.Combine(_root, relative))).Replace('\\', '/');

    private static IEnumerable<string> OnTheWay(string relative)
    {
        for (var end = relative.IndexOf('/'); end >= 0; end = relative.IndexOf('/', end + 1)) yield return relative[..end];
        yield return relative;
    }

    /// <summary>Lists <paramref name="root"/> (nothing when it does not exist), reporting each entry it refuses.</summary>
    public static InputTree Read(string root, BuildSettings settings, DiagnosticBag diagnostics)
    {
        var tree = new InputTree(root);
        if (FileStatus.OfTarget(tree._root).Kind == FileKind.Directory)
            tree.Walk(Paths.RealPath(tree._root), "", [Paths.RealPath(tree._root)], settings, diagnostics);
        return tree;
    }

    // `ancestors`: the real folders on the way down, so a link back to one of them is a loop, not an endless walk.
    private void Walk(string realFolder, string relativeFolder, List<string> ancestors, BuildSettings settings, DiagnosticBag diagnostics)
    {
        List<string> names;
        try
        {
            names = new FileSystemEnumerable<string>(realFolder, (ref FileSystemEntry entry) => entry.FileName.ToString(),
                new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = false }).ToList();
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            Refuse(relativeFolder, settings, diagnostics, DiagnosticCodes.InputFileUnreadable, $"folder cannot be read: {error.Message}");
            return;
        }
        foreach (var name in names)
        {
            var relative = relativeFolder.Length == 0 ? name : relativeFolder + "/" + name;
            if (VisibleName(name) is { } visible)
            {
                var display = settings.Display(Path.Combine(_root, relativeFolder)) + "/" + visible;
                _refused.Add(relative);
                diagnostics.Error(SourceLocation.WholeFile(display), DiagnosticCodes.ControlCharacterInName,
                    "the name holds a control character or bytes that are not UTF-8 (shown escaped): rename it");
                continue;
            }
            var real = Path.Combine(realFolder, name);
            FileStatus status;
            try
            {
                status = FileStatus.OfEntry(real);
                if (status.Kind == FileKind.Link && !FollowLink(ref real, ref status, relative, ancestors, settings, diagnostics)) continue;
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                Refuse(relative, settings, diagnostics, DiagnosticCodes.InputFileUnreadable, $"cannot be read: {error.Message}");
                continue;
            }
            switch (status.Kind)
            {
                case FileKind.Regular:
                    _files[relative] = new InputFile(relative, real, settings.Display(Path.Combine(_root, relative)), status);
                    break;
                case FileKind.Directory:
                    Walk(real, relative, [.. ancestors, real], settings, diagnostics);
                    break;
                case FileKind.Missing: break; // deleted while listed
                default:
                    Refuse(relative, settings, diagnostics, DiagnosticCodes.NotARegularFile,
                        "is not a regular file or folder (a FIFO, device or socket): reading it could block the build forever; remove it");
                    break;
            }
        }
    }

    // A link is kept as what it leads to, when that is inside the folder and not a folder it is already in.
    private bool FollowLink(ref string real, ref FileStatus status, string relative, List<string> ancestors, BuildSettings settings, DiagnosticBag diagnostics)
    {
        var target = FileStatus.OfTarget(real);
        if (target.Kind is FileKind.Missing or FileKind.Loop)
        {
            Refuse(relative, settings, diagnostics, DiagnosticCodes.BrokenLink, target.Kind == FileKind.Missing
                ? "is a link to nothing (its target does not exist): fix or remove it"
                : "is a link that leads back to itself (a link loop): fix or remove it");
            return false;
        }
        var resolved = Paths.RealPath(real);
        if (!Paths.IsSameOrInside(resolved, ancestors[0]))
        {
            _outside.Add(relative);
            Refuse(relative, settings, diagnostics, DiagnosticCodes.LinkOutsideFolder,
                $"is a link to '{resolved}', outside the folder: nothing outside it is read; copy the file in instead");
            return false;
        }
        if (target.Kind == FileKind.Directory && ancestors.Any(a => Paths.IsSameOrInside(a, resolved)))
        {
            Refuse(relative, settings, diagnostics, DiagnosticCodes.BrokenLink,
                "is a link to a folder it is itself in (a link loop): fix or remove it");
            return false;
        }
        (real, status) = (resolved, target);
        return true;
    }

    private void Refuse(string relative, BuildSettings settings, DiagnosticBag diagnostics, string code, string message)
    {
        _refused.Add(relative);
        diagnostics.Error(SourceLocation.WholeFile(settings.Display(Path.Combine(_root, relative))), code, message);
    }

    /// <summary>The name with its control characters escaped (<c>\n</c>, <c>\u001b</c>), or null when it has none.</summary>
    private static string? VisibleName(string name)
    {
        if (!name.Any(c => char.IsControl(c) || c == '\uFFFD')) return null; // U+FFFD: bytes that are not UTF-8
        var visible = new StringBuilder();
        foreach (var c in name)
            visible.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) || c == '\uFFFD' => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        return visible.ToString();
    }
}

/// <summary>The two folders a build reads: the report's input and the theme.</summary>
public sealed record InputFolders(InputTree Input, InputTree Theme)
{
    public static InputFolders Read(BuildSettings settings, DiagnosticBag diagnostics) =>
        new(InputTree.Read(settings.InputRoot, settings, diagnostics), InputTree.Read(settings.ThemeRoot, settings, diagnostics));
}
