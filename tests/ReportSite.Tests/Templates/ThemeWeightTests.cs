using ReportSite.Tests.Support;

namespace ReportSite.Tests.Templates;

/// <summary>
/// The default theme stays light. The scripts a page loads before the reader acts, minified as a site would ship them
/// (terser, from tests/tools), weigh under 10 KB in all; search.js, which search-box.js loads only when a reader reaches
/// for the search box, has a budget of its own. Size budgets, not timings: they fail when a script grows past them.
/// </summary>
public sealed class ThemeWeightTests
{
    private const int PageLoadBudget = 10 * 1024;
    private const int OnDemandBudget = 12 * 1024;
    private static readonly string[] OnDemand = ["search.js"];

    private static readonly string Terser = Path.Combine(Repo.Root, "tests", "tools", "node_modules", "terser", "bin", "terser");

    [Fact]
    public void The_scripts_a_page_loads_minified_are_under_10_KB()
    {
        var sizes = MinifiedScripts().Where(s => !OnDemand.Contains(s.Key)).ToList();
        Assert.NotEmpty(sizes);
        Assert.True(sizes.Sum(s => s.Value) < PageLoadBudget,
            $"the theme's page-load JavaScript is {sizes.Sum(s => s.Value)} bytes minified (budget {PageLoadBudget}): " +
            string.Join(", ", sizes.Select(s => $"{s.Key} {s.Value}")));
    }

    [Fact]
    public void Scripts_loaded_on_demand_are_under_their_budget_and_no_layout_loads_them_with_the_page()
    {
        var sizes = MinifiedScripts();
        foreach (var name in OnDemand)
        {
            Assert.True(sizes.TryGetValue(name, out var size), $"{name} is missing from theme/assets");
            Assert.True(size < OnDemandBudget, $"{name} is {size} bytes minified (budget {OnDemandBudget})");
        }
        // A <script src> naming an on-demand script in a layout would load it with every page that uses the layout.
        var layouts = Directory.GetFiles(Path.Combine(Repo.Root, "theme", "layouts"), "*.html", SearchOption.AllDirectories);
        foreach (var layout in layouts)
        {
            var text = File.ReadAllText(layout);
            Assert.DoesNotContain("<script src=\"{{ url paths.search_script }}", text, StringComparison.Ordinal);
        }
    }

    private static Dictionary<string, int> MinifiedScripts()
    {
        Assert.True(File.Exists(Terser), $"terser is missing ({Terser}): run 'npm ci' in tests/tools (tests/run.sh does)");
        var scripts = Directory.GetFiles(Path.Combine(Repo.Root, "theme", "assets"), "*.js");
        Assert.NotEmpty(scripts);
        var sizes = scripts.ToDictionary(s => Path.GetFileName(s), Minified);
        Assert.All(sizes, size => Assert.True(size.Value > 0, $"{size.Key} minified to nothing"));
        return sizes;
    }

    private static int Minified(string script)
    {
        var (exit, output, error) = Processes.Run("node", null, [Terser, script, "--compress", "--mangle"]);
        Assert.True(exit == 0, $"terser failed on {script}: {error}");
        return System.Text.Encoding.UTF8.GetByteCount(output);
    }
}
