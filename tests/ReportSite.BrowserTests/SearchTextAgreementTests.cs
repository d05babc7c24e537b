using System.Text.Json;
using ReportSite.BrowserTests.Support;
using ReportSite.Corpus;
using ReportSite.Search;

namespace ReportSite.BrowserTests;

/// <summary>
/// The index is built by the C# normaliser and queried by its JavaScript twin in theme/assets/search.js: a word the two
/// read differently is a word search cannot find. Both run here over every distinct word of the sample report, the
/// English fixture and the report-22k corpus, plus hostile strings, and must give identical words, forms and keys.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SearchTextAgreementTests(BrowserFixture browser)
{
    private const int Batch = 4000;

    /// <summary>Strings that tempt the two sides apart: ligatures NFKD expands, case rules that depend on context or
    /// locale, marks alone, astral letters, lone surrogates, every Arabic letter with every mark.</summary>
    private static IEnumerable<string> Hostile()
    {
        string[] samples =
        [
            "ﻻ", "ﷲ", "ﷺ", "ﬁ", "ﬀ", "İ", "ı", "ß", "ẞ", "ΣΑΣ", "ς", "ǅ", "Ⅻ", "①", "㎏", "ﾊ", "\u0301", "\u064B\u064C",
            "𝒜", "𝔸𝔹", "\uD800", "a\uDC00b", "ـــ", "٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹", "i\u0307", "ǰ", "ŉ", "ﭐ", "ﺃ", "ﻷ", "ٵ", "ٶ", "ٷ", "ٸ",
        ];
        foreach (var sample in samples) yield return sample;
        for (var letter = 0x0621; letter <= 0x064A; letter++)
            for (var mark = 0x064B; mark <= 0x0655; mark++)
                yield return "ال" + (char)letter + (char)mark + "ات";
    }

    private static IEnumerable<string> WordsOfFiles(string folder, params string[] patterns) =>
        patterns.SelectMany(pattern => Directory.EnumerateFiles(folder, pattern, SearchOption.AllDirectories))
            .SelectMany(file => { var text = File.ReadAllText(file); return SearchText.Words(text).Select(w => text.Substring(w.Start, w.Length)); });

    public static TheoryData<string> Reports => new() { BuiltReport.Sample, BuiltReport.English, "report-22k", "hostile" };

    [Theory]
    [MemberData(nameof(Reports))]
    public async Task The_javascript_normaliser_reads_every_word_as_the_csharp_one_does(string report)
    {
        List<string> texts;
        if (report == "hostile") texts = [.. Hostile()];
        else if (report == "report-22k")
        {
            var input = Directory.CreateTempSubdirectory("reportsite-22k-").FullName;
            try
            {
                CorpusGenerator.Write(CorpusShape.Report22k, input);
                texts = [.. WordsOfFiles(input, "*.md", "*.yml")];
            }
            finally { Directory.Delete(input, recursive: true); }
        }
        else
        {
            // Every word the index holds: the search documents' titles and texts, as the build wrote them.
            var site = browser.Site(report, BrowserFixture.FileTransport).Report.SiteFolder;
            texts = [.. WordsOfFiles(site, "*.html"), .. WordsOfFiles(Path.Combine(site, "search"), "*.js")];
        }
        var words = texts.Distinct(StringComparer.Ordinal).ToList();
        Assert.True(report == "hostile" || words.Count > 300, $"only {words.Count} words in {report}");

        var page = await browser.Browser.NewPageAsync();
        try
        {
            await page.AddScriptTagAsync(new() { Content = File.ReadAllText(Path.Combine(Repo.Theme, "assets", "search.js")) });
            var differences = new List<string>();
            foreach (var batch in words.Chunk(Batch))
            {
                // Strings pass as UTF-16 code units: a lone surrogate would not survive JSON text.
                var json = JsonSerializer.Serialize(batch.Select(w => w.Select(c => (int)c)));
                var script = await page.EvaluateAsync<string[]>("""
                    json => JSON.parse(json).map(units => String.fromCharCode(...units)).map(w => {
                      const t = window.ReportSiteSearchText, n = t.normalise(w);
                      return JSON.stringify([t.words(w), n, t.keys(n)]);
                    })
                    """, json);
                for (var i = 0; i < batch.Length && differences.Count < 20; i++)
                {
                    var normalised = SearchText.Normalise(batch[i]);
                    var expected = JsonSerializer.Serialize(new object[]
                    {
                        SearchText.Words(batch[i]).Select(w => new[] { w.Start, w.Length }), normalised, SearchText.Keys(normalised),
                    }, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
                    if (!JsonElement.DeepEquals(JsonDocument.Parse(expected).RootElement, JsonDocument.Parse(script[i]).RootElement))
                        differences.Add($"{JsonSerializer.Serialize(batch[i])}: C# {expected} JS {script[i]}");
                }
            }
            Assert.True(differences.Count == 0, $"{differences.Count}+ of {words.Count} words differ:\n" + string.Join("\n", differences));
        }
        finally { await page.CloseAsync(); }
    }
}
