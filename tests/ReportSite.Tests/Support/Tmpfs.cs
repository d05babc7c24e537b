namespace ReportSite.Tests.Support;

/// <summary>
/// A small real tmpfs mounted by a test (we run as root), for a disk that fills up or turns read-only under a build.
/// <see cref="TryMount"/> returns null, with the reason printed, where mounting is not allowed.
/// </summary>
public sealed class Tmpfs : IDisposable
{
    public string Path { get; }

    private Tmpfs(string path) => Path = path;

    public static Tmpfs? TryMount(string path, string size, Action<string> skip)
    {
        Directory.CreateDirectory(path);
        var (exit, _, stderr) = Processes.Run("mount", null, ["-t", "tmpfs", "-o", $"size={size}", "tmpfs", path]);
        if (exit == 0) return new Tmpfs(path);
        skip($"SKIPPED: cannot mount a tmpfs here ({stderr.Trim()})");
        return null;
    }

    public void RemountReadOnly() => Run("mount", "-o", "remount,ro", Path);

    public void Dispose() => Run("umount", "-l", Path);

    private static void Run(string program, params string[] args)
    {
        var (exit, _, stderr) = Processes.Run(program, null, args);
        if (exit != 0) throw new InvalidOperationException($"{program} {string.Join(' ', args)}: {stderr}");
    }
}
