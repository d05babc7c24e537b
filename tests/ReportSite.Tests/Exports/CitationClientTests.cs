using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using ReportSite.Tests.Support;
using BuiltReport = ReportSite.BrowserTests.Support.BuiltReport;

namespace ReportSite.Tests.Exports;

/// <summary>
/// sources.csl.json read by the clients fact-checkers and authors use: Pandoc's citeproc (Debian's pandoc, installed by
/// tests/run.sh) and citeproc-js (npm "citeproc", in tests/tools). Each renders a bibliography entry for every source
/// of the sample and of the English fixture, with no error or warning.
/// </summary>
public sealed partial class CitationClientTests(ExportedSites sites) : IClassFixture<ExportedSites>
{
    private const string Marker = "BIBLIOGRAPHY-FOLLOWS";

    [Fact]
    public void Pandoc_citeproc_renders_an_entry_for_every_source_without_a_warning()
    {
        foreach (var report in sites.All)
        {
            var records = ExportedSites.Records(report);
            var folder = Directory.CreateTempSubdirectory("reportsite-pandoc-").FullName;
            try
            {
                // Every id cited once, then the bibliography where the marker says.
                var document = string.Join("\n\n", records.Keys.Select(id => $"See [@{id}]."))
                    + $"\n\n{Marker}\n\n::: {{#refs}}\n:::\n";
                File.WriteAllText(Path.Combine(folder, "doc.md"), document);
                var (exit, stdout, stderr) = Processes.Run("pandoc", folder,
                    ["--citeproc", "--bibliography", ExportedSites.PathOf(report, "sources.csl.json"), "-f", "markdown", "-t", "plain", "--wrap=none", "doc.md"]);
                Assert.True(exit == 0, $"{report.Name}: pandoc exited {exit}: {stderr}");
                Assert.True(stderr.Trim().Length == 0, $"{report.Name}: pandoc warned: {stderr}");
                var bibliography = stdout[(stdout.IndexOf(Marker, StringComparison.Ordinal) + Marker.Length)..];
                var entries = bibliography.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                Assert.Equal(records.Count, entries.Length);
                foreach (var (id, record) in records)
                    Assert.True(entries.Count(e => Normal(e).Contains(Normal(Title(record)), StringComparison.Ordinal)) >= 1,
                        $"{report.Name}: no bibliography entry has the title of {id}:\n{bibliography}");
            }
            finally { Directory.Delete(folder, recursive: true); }
        }
    }

    [Fact]
    public void Citeproc_js_renders_an_entry_for_every_source_without_an_error()
    {
        var script = Path.Combine(Repo.Root, "tests", "tools", "csl-render.js");
        foreach (var report in sites.All)
        {
            var records = ExportedSites.Records(report);
            var (exit, stdout, stderr) = Processes.Run("node", Path.GetDirectoryName(script), [script, ExportedSites.PathOf(report, "sources.csl.json")]);
            Assert.True(exit == 0, $"{report.Name}: citeproc-js failed ({exit}): {stderr}");
            using var output = JsonDocument.Parse(stdout);
            Assert.Empty(output.RootElement.GetProperty("errors").EnumerateArray());
            var ids = output.RootElement.GetProperty("ids").EnumerateArray().Select(i => i[0].GetString()!).ToList();
            var entries = output.RootElement.GetProperty("entries").EnumerateArray().Select(e => Normal(WebUtility.HtmlDecode(Tags().Replace(e.GetString()!, "")))).ToList();
            Assert.Equal(records.Keys.Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
            foreach (var (id, entry) in ids.Zip(entries))
                Assert.True(entry.Contains(Normal(Title(records[id])), StringComparison.Ordinal), $"{report.Name}: the entry of {id} lacks its title: {entry}");
        }
    }

    private static string Title(JsonElement record) => record.GetProperty("title").GetString()!;

    /// <summary>What a style may change in a title: case (title case for English), quotes made typographic, spacing.</summary>
    private static string Normal(string text) =>
        Spaces().Replace(text.Replace('’', '\'').Replace('‘', '\'').Replace('“', '"').Replace('”', '"'), " ").ToLowerInvariant();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();
}
