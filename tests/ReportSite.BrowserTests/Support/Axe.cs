using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace ReportSite.BrowserTests.Support;

/// <summary>axe-core (tests/tools/node_modules/axe-core), injected into a page and run with the WCAG 2.x A and AA rules.</summary>
public static class Axe
{
    /// <summary>The rule tags run: WCAG 2.0, 2.1 and 2.2, levels A and AA.</summary>
    public static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    public sealed record Violation(string Id, string Impact, string Help, string HelpUrl, IReadOnlyList<Node> Nodes);

    public sealed record Node(string Target, string Summary);

    public sealed record Result(string Url, IReadOnlyList<Violation> Violations, int Passes)
    {
        /// <summary>Each violation with its id, help and the targets it was found on, for a failure message.</summary>
        public string Describe()
        {
            var text = new StringBuilder();
            text.Append(Url).Append(": ").Append(Violations.Count).Append(" axe violation(s)");
            foreach (var v in Violations)
            {
                text.Append("\n  ").Append(v.Id).Append(" (").Append(v.Impact).Append("): ").Append(v.Help).Append(" <").Append(v.HelpUrl).Append('>');
                foreach (var node in v.Nodes)
                {
                    text.Append("\n    ").Append(node.Target);
                    if (node.Summary.Length > 0) text.Append(" — ").Append(node.Summary.ReplaceLineEndings(" "));
                }
            }
            return text.ToString();
        }
    }

    private const string Run = """
        async (tags) => {
          const results = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
          return {
            passes: results.passes.length,
            violations: results.violations.map(v => ({
              id: v.id, impact: v.impact || '', help: v.help, helpUrl: v.helpUrl,
              nodes: v.nodes.map(n => ({ target: n.target.join(' '), summary: n.failureSummary || '' }))
            }))
          };
        }
        """;

    public static async Task<Result> RunAsync(IPage page)
    {
        if (!File.Exists(Repo.AxeScript))
            throw new InvalidOperationException(
                $"axe-core is missing ({Repo.AxeScript}): run 'npm ci' in tests/tools (tests/run.sh does).");
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = Repo.AxeScript });
        var json = await page.EvaluateAsync<JsonElement>(Run, Tags);
        var violations = json.GetProperty("violations").EnumerateArray().Select(v => new Violation(
            v.GetProperty("id").GetString()!,
            v.GetProperty("impact").GetString()!,
            v.GetProperty("help").GetString()!,
            v.GetProperty("helpUrl").GetString()!,
            v.GetProperty("nodes").EnumerateArray()
                .Select(n => new Node(n.GetProperty("target").GetString()!, n.GetProperty("summary").GetString()!)).ToList())).ToList();
        return new Result(page.Url, violations, json.GetProperty("passes").GetInt32());
    }
}
