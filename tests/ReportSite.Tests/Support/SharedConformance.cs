namespace ReportSite.Tests.Support;

/// <summary>
/// The conformance data kept beside the repository, in <c>../shared/conformance/</c> (not part of the project: read in
/// place, never copied). From a git worktree, "beside the repository" is beside its main checkout, which the
/// worktree's <c>.git</c> file names.
/// </summary>
public static class SharedConformance
{
    /// <summary>The file's path, or null when no checkout has it (the tests that need it then say they were skipped).</summary>
    public static string? Find(string name) =>
        Checkouts().Select(root => Path.GetFullPath(Path.Combine(root, "..", "shared", "conformance", name))).FirstOrDefault(File.Exists);

    private static IEnumerable<string> Checkouts()
    {
        yield return Repo.Root;
        // A worktree's .git is a file: "gitdir: <main>/.git/worktrees/<name>".
        var gitFile = Path.Combine(Repo.Root, ".git");
        if (!File.Exists(gitFile)) yield break;
        var line = File.ReadLines(gitFile).FirstOrDefault() ?? "";
        if (!line.StartsWith("gitdir:", StringComparison.Ordinal)) yield break;
        var gitDir = new DirectoryInfo(Path.GetFullPath(line["gitdir:".Length..].Trim(), Repo.Root));
        if (gitDir.Parent?.Name == "worktrees" && gitDir.Parent.Parent?.Parent is { } main) yield return main.FullName;
    }
}
