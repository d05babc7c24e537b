using ReportSite.Tests.Support;

namespace ReportSite.Tests.Templates;

/// <summary>
/// The default theme stays light: its JavaScript, minified as a site would ship it (terser, from tests/tools), weighs
/// under 10 KB in all. A size budget, not a timing: it fails when a script grows past it.
/// </summary>
public sealed class ThemeWeightTests
{
    private const int JavaScriptBudget = 10 * 1024;

    private static readonly string Terser = Path.Combine(Repo.Root, "tests", "tools", "node_modules", "terser", "bin", "terser");

    [Fact]
    public void The_default_theme_s_javascript_minified_is_under_10_KB()
    {
        Assert.True(File.Exists(Terser), $"terser is missing ({Terser}): run 'npm ci' in tests/tools (tests/run.sh does)");
        var scripts = Directory.GetFiles(Path.Combine(Repo.Root, "theme", "assets"), "*.js");
        Assert.NotEmpty(scripts);
        var sizes = scripts.ToDictionary(s => Path.GetFileName(s), Minified);
        Assert.All(sizes, size => Assert.True(size.Value > 0, $"{size.Key} minified to nothing"));
        Assert.True(sizes.Values.Sum() < JavaScriptBudget,
            $"the theme's JavaScript is {sizes.Values.Sum()} bytes minified (budget {JavaScriptBudget}): " +
            string.Join(", ", sizes.Select(s => $"{s.Key} {s.Value}")));
    }

    private static int Minified(string script)
    {
        var (exit, output, error) = Processes.Run("node", null, [Terser, script, "--compress", "--mangle"]);
        Assert.True(exit == 0, $"terser failed on {script}: {error}");
        return System.Text.Encoding.UTF8.GetByteCount(output);
    }
}
