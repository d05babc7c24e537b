using System.IO.Enumeration;
using ReportSite.Diagnostics;
using ReportSite.Engine;
using ReportSite.Safety;

namespace ReportSite.Input;

/// <summary>
/// THE way the build sees an input or theme folder: listed once, at the start, with one lstat per entry. Only
/// regular files and folders inside the folder are kept; links are followed only when they stay inside it. Everything
/// else is a located error, never followed, opened or read: a link leading outside (RS0010), dangling, looping or
/// nested in a linked folder (RS0011), a FIFO, device or socket (RS0012), a name with control characters (RS0013).
/// </summary>
public sealed class InputTree
{
    private readonly string _root;
    private readonly BuildSettings _settings;
    private readonly SortedDictionary<string, InputFile> _files = new(StringComparer.Ordinal);
    private readonly HashSet<string> _refused = new(StringComparer.Ordinal);
    private readonly HashSet<string> _outside = new(StringComparer.Ordinal);

    private InputTree(string root, BuildSettings settings)
    {
        _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        _settings = settings;
    }

    /// <summary>How diagnostics show <paramref name="relative"/> (a path in this folder, listed or not).</summary>
    public string Display(string relative) => _settings.Display(Path.Combine(_root, relative));

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

    // ── Layering: a report's theme/ folder over the base theme ──

    // The trees this one was layered from, lowest first (null for a folder as listed).
    private IReadOnlyList<InputTree>? _layers;

    /// <summary>
    /// The files at <paramref name="relative"/> in each layer, lowest first (the base theme's, then the report's): for
    /// what merges rather than replaces (interface strings). A tree not layered has at most its own file.
    /// </summary>
    public IEnumerable<InputFile> Layers(string relative) =>
        _layers is null ? Find(relative) is { } file ? [file] : [] : _layers.SelectMany(layer => layer.Layers(relative));

    /// <summary>
    /// This tree with <paramref name="upper"/>'s files over it: a file of <paramref name="upper"/> takes the place of the
    /// one at the same relative path here; what either refused stays refused. Paths that name no file are shown in this
    /// tree (the base theme).
    /// </summary>
    public InputTree WithOverrides(InputTree upper)
    {
        var layered = new InputTree(_root, _settings) { _layers = [this, upper] };
        foreach (var tree in new[] { this, upper })
        {
            foreach (var file in tree.Files) layered._files[file.Relative] = file;
            layered._refused.UnionWith(tree._refused);
            layered._outside.UnionWith(tree._outside);
        }
        return layered;
    }

    /// <summary>
    /// The part of this tree under <paramref name="folder"/>, as a tree of its own rooted there (relative paths without
    /// "folder/"; diagnostics still show the full path). A file reached through a link that leads out of that folder,
    /// even to elsewhere in this one, is refused (RS0010): the sub-folder is read as its own folder is.
    /// </summary>
    public InputTree Subtree(string folder, DiagnosticBag diagnostics)
    {
        var sub = new InputTree(Path.Combine(_root, folder), _settings);
        var prefix = folder + "/";
        string? realSub = null;
        foreach (var file in Under(folder, recursive: true))
        {
            var relative = file.Relative[prefix.Length..];
            realSub ??= Paths.RealPath(sub._root);
            if (!Paths.IsSameOrInside(file.RealPath, realSub))
            {
                sub._outside.Add(relative);
                sub._refused.Add(relative);
                diagnostics.Error(SourceLocation.WholeFile(file.Display), DiagnosticCodes.LinkOutsideFolder,
                    $"is a link to '{file.RealPath}', outside the report's {folder}/ folder: nothing outside it is read there; copy the file in instead");
                continue;
            }
            sub._files[relative] = file with { Relative = relative };
        }
        foreach (var (from, to) in new[] { (_refused, sub._refused), (_outside, sub._outside) })
            to.UnionWith(from.Where(r => r.StartsWith(prefix, StringComparison.Ordinal)).Select(r => r[prefix.Length..]));
        return sub;
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
        var tree = new InputTree(root, settings);
        if (Directory.Exists(tree._root))
        {
            var real = Paths.RealPath(tree._root);
            new Walker(tree, real, diagnostics).Walk(real, "", [real], throughLink: null);
        }
        return tree;
    }

    private sealed class Walker(InputTree tree, string realRoot, DiagnosticBag diagnostics)
    {
        // `ancestors`: the real folders on the way down, so a link back to one of them is a loop, not an endless walk.
        // `throughLink`: the folder link this folder was reached through. Folder links do not nest: inside a linked
        // folder, another one is refused, so the listing is at most one copy of a folder per link (links to links
        // to links … would otherwise multiply it exponentially).
        public void Walk(string realFolder, string relativeFolder, List<string> ancestors, string? throughLink)
        {
            List<string> names;
            try
            {
                names = new FileSystemEnumerable<string>(realFolder, (ref FileSystemEntry entry) => entry.FileName.ToString(),
                    new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = false }).ToList();
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                Refuse(relativeFolder, DiagnosticCodes.InputFileUnreadable, $"folder cannot be read: {error.Message}");
                return;
            }
            foreach (var name in names)
            {
                var relative = relativeFolder.Length == 0 ? name : relativeFolder + "/" + name;
                if (HasControlCharacter(name))
                {
                    tree._refused.Add(relative);
                    // The name as it is: every printer shows its controls visibly (Diagnostic.ToString, VisibleText).
                    diagnostics.Error(SourceLocation.WholeFile(tree.Display(relative)),
                        DiagnosticCodes.ControlCharacterInName,
                        "the name holds a control character or bytes that are not UTF-8 (shown as <U+…>): rename it");
                    continue;
                }
                var real = Path.Combine(realFolder, name);
                FileStatus status;
                bool link;
                try
                {
                    status = FileStatus.OfEntry(real);
                    link = status.Kind == FileKind.Link;
                    if (link && !Follow(ref real, ref status, relative, ancestors, throughLink)) continue;
                }
                catch (Exception error) when (error is IOException or UnauthorizedAccessException)
                {
                    Refuse(relative, DiagnosticCodes.InputFileUnreadable, $"cannot be read: {error.Message}");
                    continue;
                }
                switch (status.Kind)
                {
                    case FileKind.Regular:
                        tree._files[relative] = new InputFile(relative, real, tree.Display(relative), status);
                        break;
                    case FileKind.Directory:
                        Walk(real, relative, [.. ancestors, real], throughLink ?? (link ? relative : null));
                        break;
                    case FileKind.Missing: break; // deleted while listed
                    default:
                        Refuse(relative, DiagnosticCodes.NotARegularFile,
                            "is not a regular file or folder (a FIFO, device or socket): reading it could block the build forever; remove it");
                        break;
                }
            }
        }

        // A link is kept as what it leads to, when that is inside the folder and not a folder it is already in.
        private bool Follow(ref string real, ref FileStatus status, string relative, List<string> ancestors, string? throughLink)
        {
            var target = FileStatus.OfTarget(real);
            if (target.Kind is FileKind.Missing or FileKind.Loop)
            {
                Refuse(relative, DiagnosticCodes.BrokenLink, target.Kind == FileKind.Missing
                    ? "is a link to nothing (its target does not exist): fix or remove it"
                    : "is a link that leads back to itself (a link loop): fix or remove it");
                return false;
            }
            var resolved = Paths.RealPath(real);
            if (!Paths.IsSameOrInside(resolved, realRoot))
            {
                tree._outside.Add(relative);
                Refuse(relative, DiagnosticCodes.LinkOutsideFolder,
                    $"is a link to '{resolved}', outside the folder: nothing outside it is read; copy the file in instead");
                return false;
            }
            if (target.Kind == FileKind.Directory && ancestors.Any(a => Paths.IsSameOrInside(a, resolved)))
            {
                Refuse(relative, DiagnosticCodes.BrokenLink, "is a link to a folder it is itself in (a link loop): fix or remove it");
                return false;
            }
            if (target.Kind == FileKind.Directory && throughLink is not null)
            {
                Refuse(relative, DiagnosticCodes.BrokenLink,
                    $"is a link to a folder inside a folder reached through a link ({tree.Display(throughLink)}): links to folders do not nest; link to the folder directly");
                return false;
            }
            (real, status) = (resolved, target);
            return true;
        }

        private void Refuse(string relative, string code, string message)
        {
            tree._refused.Add(relative);
            diagnostics.Error(SourceLocation.WholeFile(tree.Display(relative)), code, message);
        }
    }

    /// <summary>The name with its control characters escaped (<c>\n</c>, <c>\u001b</c>), or null when it has none.</summary>
    // A slug or a diagnostic line must not break over two lines; U+FFFD stands for bytes that are not UTF-8.
    private static bool HasControlCharacter(string name) => name.Any(c => char.IsControl(c) || c == '\uFFFD');
}

/// <summary>
/// The two folders a build reads: the report's input and the theme. <see cref="Theme"/> is the base theme (the default
/// or --theme) with the report's own <c>theme/</c> folder (<see cref="ThemeOverrides"/>) layered over it, file by file.
/// </summary>
public sealed record InputFolders(InputTree Input, InputTree Theme)
{
    /// <summary>The folder inside the input whose files override the base theme's (input/theme/layouts/source.html).</summary>
    public const string ThemeOverrides = "theme";

    public static InputFolders Read(BuildSettings settings, DiagnosticBag diagnostics)
    {
        var input = InputTree.Read(settings.InputRoot, settings, diagnostics);
        var theme = InputTree.Read(settings.ThemeRoot, settings, diagnostics);
        return new(input, theme.WithOverrides(input.Subtree(ThemeOverrides, diagnostics)));
    }
}
