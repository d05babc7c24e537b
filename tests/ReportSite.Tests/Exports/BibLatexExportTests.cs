using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ReportSite.Sources;
using ReportSite.Tests.Support;
using BuiltReport = ReportSite.BrowserTests.Support.BuiltReport;

namespace ReportSite.Tests.Exports;

/// <summary>
/// sources.bib: one entry per record, keyed by its id, with the entry type of its source type; parsed back here (braces
/// counted as BibTeX counts them, ignoring backslashes) and by Pandoc's BibLaTeX reader, it gives back every value,
/// hostile ones included.
/// </summary>
public sealed partial class BibLatexExportTests(ExportedSites sites) : IClassFixture<ExportedSites>
{
    private const string HostileTitle = "Close } and open { \\end{document} @misc{x, 100% #1 & $5_a^b~c\nsecond line\r\n\tthird 𝔘😀 تدمر";
    private const string HostileAuthor = "Ann} and {Bob";
    // Braces that pair up are written \{ \}: balanced for BibTeX, and read back by Pandoc too.
    private const string PairedTitle = "{x} & y \\{z}";

    [Fact]
    public void Every_record_is_one_entry_keyed_by_its_id_with_its_title_date_and_authors()
    {
        foreach (var report in sites.All)
        {
            var records = ExportedSites.Records(report);
            var entries = Parse(File.ReadAllText(ExportedSites.PathOf(report, "sources.bib"), Encoding.UTF8));
            Assert.Equal(records.Keys.Order(StringComparer.Ordinal), entries.Select(e => e.Key).Order(StringComparer.Ordinal));
            foreach (var entry in entries)
            {
                var record = records[entry.Key];
                Assert.True(YamlEnum<SourceType>.TryParse(record.GetProperty("type").GetString()!, out var type));
                Assert.Equal(type.BibLatex(), entry.Type);
                Assert.Equal(record.GetProperty("title").GetString(), Unescape(entry.Fields["title"]));
                Assert.Equal(Text(record, "date"), entry.Fields.GetValueOrDefault("date"));
                Assert.Equal(Text(record, "part_of"), entry.Fields.GetValueOrDefault("xref"));
                Assert.Equal(Text(record, "url"), entry.Fields.GetValueOrDefault("url"));
                var authors = record.GetProperty("authors").EnumerateArray().Select(a => a.GetString()!).ToList();
                if (authors.Count == 0) Assert.False(entry.Fields.ContainsKey("author"));
                else Assert.Equal(authors.Count, entry.Fields["author"].Split(" and ").Length);
            }
        }
        var english = Parse(File.ReadAllText(ExportedSites.PathOf(sites.English, "sources.bib"))).ToDictionary(e => e.Key);
        Assert.Equal("Example, Ann", english["harbour-gazette"].Fields["author"]);
        var sample = Parse(File.ReadAllText(ExportedSites.PathOf(sites.Sample, "sources.bib"))).ToDictionary(e => e.Key);
        Assert.Equal("{أفضال أشرف}", sample["afzal-ashraf-rusi"].Fields["author"]);
    }

    private static string? Text(JsonElement record, string key) =>
        record.GetProperty(key) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    [Fact]
    public void Hostile_values_leave_every_entry_well_formed_and_read_back_as_written()
    {
        using var report = HostileReport();
        var result = report.Build();
        Assert.True(result.Written, string.Join("\n", result.Diagnostics));
        var bib = report.ReadOutput("sources.bib");
        var entries = Parse(bib);
        Assert.Equal(["a", "b"], entries.Select(e => e.Key));
        var a = entries[0];
        Assert.Equal(Collapse(HostileTitle), Unescape(a.Fields["title"]));
        // One name in braces: its "and" is not a separator and its braces do not end it.
        Assert.Equal("{" + HostileAuthor + "}", Unescape(a.Fields["author"]));
        Assert.Equal("https://example.org/a%7Bb%7D", a.Fields["url"]);
        Assert.Equal(PairedTitle, Unescape(entries[1].Fields["title"]));
    }

    [Fact]
    public void Pandocs_biblatex_reader_reads_the_hostile_entries_back()
    {
        using var report = HostileReport();
        Assert.True(report.Build().Written);
        var (exit, stdout, stderr) = Processes.Run("pandoc", report.Output, ["-f", "biblatex", "-t", "csljson", "sources.bib"]);
        Assert.True(exit == 0, $"pandoc exited {exit}: {stderr}");
        Assert.True(stderr.Trim().Length == 0, $"pandoc warned: {stderr}");
        var items = JsonDocument.Parse(stdout).RootElement.EnumerateArray().ToDictionary(i => i.GetProperty("id").GetString()!);
        Assert.Equal(["a", "b"], items.Keys);
        // Unpaired braces are written as \textbraceleft{} and \textbraceright{}, which Pandoc 2.17's reader drops; it
        // reads every other character back (its case aside: it sentence-cases English titles).
        Assert.Equal(Collapse(HostileTitle).Replace("{", "").Replace("}", ""), items["a"].GetProperty("title").GetString(), ignoreCase: true);
        Assert.Equal(HostileAuthor.Replace("{", "").Replace("}", ""), items["a"].GetProperty("author").EnumerateArray().Single().GetProperty("literal").GetString());
        Assert.Equal("https://example.org/a%7Bb%7D", items["a"].GetProperty("URL").GetString());
        Assert.Equal(PairedTitle, items["b"].GetProperty("title").GetString(), ignoreCase: true);
    }

    private static TempReport HostileReport() => new TempReport()
        .Write("sources/a.yml", $$"""
            - id: a
              type: article
              title: {{JsonSerializer.Serialize(HostileTitle)}}
              author: {{JsonSerializer.Serialize(HostileAuthor)}}
              url: "https://example.org/a{b}"
            - id: b
              type: book
              title: {{JsonSerializer.Serialize(PairedTitle)}}
            """)
        .Write("sections/01-a.md", "---\ntitle: A\n---\nA [@a; @b].\n");

    private static string Collapse(string text) => Whitespace().Replace(text.Trim(), " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    // ---- a small BibTeX reader: what the file must be, independently of how the export writes it ----

    private sealed record Entry(string Type, string Key, Dictionary<string, string> Fields);

    /// <summary>
    /// Entries as BibTeX reads them: <c>@type{key, name = {value}, …}</c>, a value's braces counted with no regard to
    /// backslashes. Fails on anything else: a brace left open, text between entries, a field without a value.
    /// </summary>
    private static List<Entry> Parse(string bib)
    {
        var entries = new List<Entry>();
        var i = 0;
        void SkipSpace() { while (i < bib.Length && char.IsWhiteSpace(bib[i])) i++; }
        string Until(char stop)
        {
            var start = i;
            while (i < bib.Length && bib[i] != stop) i++;
            Assert.True(i < bib.Length, $"expected '{stop}' after offset {start}");
            return bib[start..i++].Trim();
        }
        for (SkipSpace(); i < bib.Length; SkipSpace())
        {
            Assert.True(bib[i] == '@', $"text outside an entry at offset {i}: {bib[i..Math.Min(bib.Length, i + 40)]}");
            i++;
            var type = Until('{');
            var key = Until(',');
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            for (SkipSpace(); bib[i] != '}'; SkipSpace())
            {
                var name = Until('=');
                SkipSpace();
                Assert.True(bib[i] == '{', $"{key}.{name}: a value must be in braces");
                var start = ++i;
                for (var depth = 1; depth > 0; i++)
                {
                    Assert.True(i < bib.Length, $"{key}.{name}: a brace is never closed");
                    depth += bib[i] switch { '{' => 1, '}' => -1, _ => 0 };
                }
                Assert.True(fields.TryAdd(name, bib[start..(i - 1)]), $"{key}: '{name}' twice");
                SkipSpace();
                if (bib[i] == ',') i++;
            }
            i++;
            entries.Add(new Entry(type, key, fields));
        }
        return entries;
    }

    private static string Unescape(string latex) => Escapes().Replace(latex, m => m.Groups["command"].Value switch
    {
        "textbackslash" => "\\",
        "textbraceleft" => "{",
        "textbraceright" => "}",
        "textasciicircum" => "^",
        "textasciitilde" => "~",
        _ => m.Groups["char"].Value,
    });

    [GeneratedRegex(@"\\(?:(?<command>textbackslash|textbraceleft|textbraceright|textasciicircum|textasciitilde)\{\}|(?<char>[%#&$_{}]))")]
    private static partial Regex Escapes();
}
