namespace ReportSite.BrowserTests.Support;

/// <summary>Paths of the repository the tests run from.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Input => Path.Combine(Root, "input");
    public static string Theme => Path.Combine(Root, "theme");

    /// <summary>Where screenshots go (git-ignored), so a person can look at them.</summary>
    public static string Artifacts => Path.Combine(Root, "tests", "artifacts");

    /// <summary>axe-core, installed from tests/tools/package.json by tests/run.sh.</summary>
    public static string AxeScript => Path.Combine(Root, "tests", "tools", "node_modules", "axe-core", "axe.min.js");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ReportSite.sln"))) return dir.FullName;
        throw new InvalidOperationException("ReportSite.sln not found above " + AppContext.BaseDirectory);
    }
}
