using System.Buffers;
using System.Text;
using System.Text.Json;
using CsCheck;
using ReportSite.Search;
using ReportSite.Tests.EndToEnd;

namespace ReportSite.Tests.Search;

/// <summary>The search index: postings that decode to every word's documents and positions, shards by prefix under
/// the budget, and script files that load as data.</summary>
public class SearchIndexTests(SampleSiteFixture site) : IClassFixture<SampleSiteFixture>
{
    private static SearchDocument Doc(string title, string text) => new(SearchKind.Section, 0, "sections/s.html", title, text, "");

    /// <summary>Postings decoded back to key → document → (positions, flags).</summary>
    private static Dictionary<string, Dictionary<int, (List<int> Positions, int Flags)>> Decode(SearchIndex index)
    {
        var decoded = new Dictionary<string, Dictionary<int, (List<int>, int)>>(StringComparer.Ordinal);
        foreach (var (key, postings) in index.Postings)
        {
            var documents = decoded[key] = [];
            var document = 0;
            var at = 0;
            foreach (var entry in postings.Documents)
            {
                document += entry >> 2;
                var count = postings.Positions[at++];
                var positions = new List<int>();
                var position = 0;
                for (var p = 0; p < count; p++) positions.Add(position += postings.Positions[at++]);
                Assert.False(documents.ContainsKey(document), $"document {document} listed twice under '{key}'");
                documents[document] = (positions, entry & 3);
            }
            Assert.Equal(postings.Positions.Count, at); // nothing left over: the two lists pair up
        }
        return decoded;
    }

    /// <summary>What the postings must say, computed the plain way from the documents.</summary>
    private static Dictionary<string, Dictionary<int, (List<int> Positions, int Flags)>> Expected(IReadOnlyList<SearchDocument> documents)
    {
        var expected = new Dictionary<string, Dictionary<int, (List<int>, int)>>(StringComparer.Ordinal);
        for (var d = 0; d < documents.Count; d++)
        {
            var title = SearchText.Words(documents[d].Title).Select(w => documents[d].Title.Substring(w.Start, w.Length)).ToList();
            var text = SearchText.Words(documents[d].Text).Select(w => documents[d].Text.Substring(w.Start, w.Length)).ToList();
            var words = title.Select((w, i) => (w, i, true)).Concat(text.Select((w, i) => (w, title.Count + 1 + i, false)));
            foreach (var (word, position, inTitle) in words)
            {
                var normalised = SearchText.Normalise(word);
                if (normalised.Length == 0) continue;
                foreach (var key in SearchText.Keys(normalised).Where(k => k.Length > 0))
                {
                    var byDocument = expected.TryGetValue(key, out var found) ? found : expected[key] = [];
                    var (positions, flags) = byDocument.TryGetValue(d, out var entry) ? entry : ([], 0);
                    positions.Add(position);
                    byDocument[d] = (positions, flags | (key == normalised ? SearchIndex.ExactFlag : 0) | (inTitle ? SearchIndex.TitleFlag : 0));
                }
            }
        }
        return expected;
    }

    private static void AssertSame(Dictionary<string, Dictionary<int, (List<int> Positions, int Flags)>> expected,
        Dictionary<string, Dictionary<int, (List<int> Positions, int Flags)>> actual)
    {
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, documents) in expected)
        {
            Assert.Equal(documents.Keys.Order(), actual[key].Keys.Order());
            foreach (var (document, (positions, flags)) in documents)
            {
                Assert.Equal(positions, actual[key][document].Positions);
                Assert.Equal(flags, actual[key][document].Flags);
            }
        }
    }

    [Fact]
    public void Title_words_count_from_zero_and_text_words_from_one_past_the_title()
    {
        var index = SearchIndex.Build([Doc("oil trade", "trade routes and oil"), Doc("", "oil")]);
        var decoded = Decode(index);
        // "oil": title position 0 in document 0 (exact, in the title), text position 3 + 3 = 6; in document 1 (no title) position 0 + 1.
        Assert.Equal([0, 6], decoded["oil"][0].Positions);
        Assert.Equal(SearchIndex.ExactFlag | SearchIndex.TitleFlag, decoded["oil"][0].Flags);
        Assert.Equal([1], decoded["oil"][1].Positions);
        Assert.Equal(SearchIndex.ExactFlag, decoded["oil"][1].Flags);
        Assert.Equal([1, 3], decoded[SearchText.Normalise("trade")][0].Positions);
    }

    [Fact]
    public void Postings_decode_to_every_words_documents_and_positions() =>
        Gen.Select(Gen.Int[0, 3], Gen.Int[0, 12]).Array[1, 12]
            .Select(Gen.Int[0, 1_000_000], (shape, seed) => (shape, seed))
            .Sample(input =>
            {
                var random = new Random(input.seed);
                string[] vocabulary = ["النفط", "والنفط", "نفط", "تدمر", "Palmyra", "palmyra", "oil", "sources", "source", "٢٠١٩", "2019", "مفاوضات", "أبو", "ابو", "x"];
                string Words(int count) => string.Join(random.Next(3) == 0 ? ", " : " ", Enumerable.Range(0, count).Select(_ => vocabulary[random.Next(vocabulary.Length)]));
                var documents = input.shape.Select(s => Doc(Words(s.Item1), Words(s.Item2))).ToList();
                AssertSame(Expected(documents), Decode(SearchIndex.Build(documents)));
            }, iter: 200);

    [Fact]
    public void A_small_report_has_one_shard_for_every_key()
    {
        var index = SearchIndex.Build([Doc("تدمر", "النفط والغاز"), Doc("Palmyra", "oil")]);
        Assert.Equal([""], index.Shards);
        Assert.Equal(index.Postings.Count, index.KeysByShard()[0].Count);
    }

    public static TheoryData<int> Budgets => new() { 40, 200, 1000, 4000 };

    [Theory]
    [MemberData(nameof(Budgets))]
    public void Shards_split_by_prefix_until_each_fits_its_budget_and_each_key_lives_in_its_longest_prefix(int budget)
    {
        var random = new Random(budget);
        string[] letters = ["ا", "ل", "ن", "ف", "ط", "ت", "د", "م", "ر", "a", "b", "o", "9", "😀", "𝒜"];
        var documents = Enumerable.Range(0, 60).Select(_ => Doc("", string.Join(" ",
            Enumerable.Range(0, 20).Select(_ => string.Concat(Enumerable.Range(0, random.Next(1, 6)).Select(_ => letters[random.Next(letters.Length)])))))).ToList();
        var index = SearchIndex.Build(documents, budget);
        var byShard = index.KeysByShard();

        Assert.Equal(index.Shards.Order(StringComparer.Ordinal), index.Shards);
        Assert.Equal(index.Shards.Count, index.Shards.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains("", index.Shards);
        Assert.Equal(index.Postings.Keys.Order(StringComparer.Ordinal), byShard.SelectMany(keys => keys).Order(StringComparer.Ordinal));
        for (var shard = 0; shard < index.Shards.Count; shard++)
        {
            var prefix = index.Shards[shard];
            // A prefix is whole letters: never half of a surrogate pair (it is written as a JSON string).
            Assert.True(prefix.Length == 0 || !char.IsHighSurrogate(prefix[^1]), $"prefix '{prefix}' ends inside a letter");
            foreach (var key in byShard[shard])
            {
                Assert.StartsWith(prefix, key, StringComparison.Ordinal);
                Assert.DoesNotContain(index.Shards, other => other.Length > prefix.Length && key.StartsWith(other, StringComparison.Ordinal));
            }
            var size = byShard[shard].Sum(key => SearchIndex.EntrySize(key, index.Postings[key]));
            // Over budget only when nothing is left to split: every key in it is the prefix itself.
            Assert.True(size <= budget || byShard[shard].All(key => key == prefix), $"shard '{prefix}' holds {size} bytes over {budget}");
        }
        if (budget <= 200) Assert.True(index.Shards.Count > 10, $"only {index.Shards.Count} shards at budget {budget}");
    }

    private static string Written(Action<IBufferWriter<byte>> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        write(buffer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The data a script file hands to ReportSiteSearch.load, and the name it gives.</summary>
    private static (string Name, JsonElement Data) Load(string script)
    {
        Assert.StartsWith("ReportSiteSearch.load(\"", script, StringComparison.Ordinal);
        Assert.EndsWith(");\n", script, StringComparison.Ordinal);
        var nameEnd = script.IndexOf('"', 23);
        var json = script[(nameEnd + 2)..^3];
        return (script[23..nameEnd], JsonDocument.Parse(json).RootElement.Clone());
    }

    [Fact]
    public void Hostile_text_stays_data_in_the_script_files()
    {
        const string hostile = "</script><script>alert(1)</script> <!-- \"); alert(2); (\" `${x}` \\ end";
        using var report = new Support.TempReport()
            .Write("sources/s.yml", $"id: s\ntype: article\ntitle: Source\ndescription: '{hostile.Replace("'", "''")}'\n")
            .Write("sections/01-one.md", "---\ntitle: One\n---\nA claim [@s].\n");
        Assert.True(report.Build().Succeeded);
        var chunk = report.ReadOutput("search/d/0.js");
        var shard = report.ReadOutput("search/t/0.js");
        foreach (var script in new[] { chunk, shard, report.ReadOutput("search/p/0.js"), report.ReadOutput("search/index.js") })
        {
            // Nothing a parser could read as markup or a way out of the string: the data parses back as JSON.
            Assert.DoesNotContain("<", script, StringComparison.Ordinal);
            Assert.NotEqual(JsonValueKind.Undefined, Load(script).Data.ValueKind);
        }
        var source = Load(chunk).Data.EnumerateArray().Single(d => d[0].GetInt32() == (int)SearchKind.Source);
        Assert.Equal("Source", source[3].GetString());
        Assert.Contains(hostile, source[4].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_sample_build_writes_the_index_every_shard_and_every_document_chunk()
    {
        var root = Path.Combine(site.Site, "search");
        var (name, index) = Load(File.ReadAllText(Path.Combine(root, "index.js")));
        Assert.Equal("index", name);
        Assert.Equal(SearchIndexFiles.Version, index.GetProperty("version").GetInt32());
        Assert.Equal("ar", index.GetProperty("language").GetString());
        var count = index.GetProperty("documents").GetInt32();
        var kinds = index.GetProperty("kinds").EnumerateArray().Select(k => k.GetInt32()).ToList();
        Assert.Equal(0, kinds[0]);
        Assert.Equal(61, kinds[2] - kinds[1]); // the sample's claims
        Assert.Equal(11, count - kinds[2]);    // and its sources
        var sections = index.GetProperty("sections").EnumerateArray().ToList();
        Assert.Equal(7, sections.Count);

        var chunkSize = index.GetProperty("chunk").GetInt32();
        var documents = new List<JsonElement>();
        for (var chunk = 0; chunk * chunkSize < count; chunk++)
        {
            var (chunkName, data) = Load(File.ReadAllText(Path.Combine(root, "d", $"{chunk}.js")));
            Assert.Equal($"d/{chunk}", chunkName);
            documents.AddRange(data.EnumerateArray());
        }
        Assert.Equal(count, documents.Count);
        Assert.False(File.Exists(Path.Combine(root, "d", $"{(count + chunkSize - 1) / chunkSize}.js")));
        for (var d = 0; d < count; d++)
        {
            var kind = documents[d][0].GetInt32();
            // A section document's section is the last one that starts at or before it.
            if (kind == 0) Assert.Equal(sections.FindLastIndex(s => s[2].GetInt32() <= d), documents[d][1].GetInt32());
            Assert.Equal(d >= kinds[2] ? 2 : d >= kinds[1] ? 1 : 0, kind);
            var url = documents[d][2].GetString()!;
            var page = url.Split('#')[0];
            Assert.True(File.Exists(Path.Combine(site.Site, page)), $"document {d} links to missing {url}");
            if (url.Contains('#'))
                Assert.NotNull(site.Pages[page].GetElementById(url.Split('#')[1]));
        }

        // Every key of every shard is found under its own shard; a claim's word finds the claim.
        var shards = index.GetProperty("shards").EnumerateArray().Select(s => s.GetString()!).ToList();
        var keys = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        for (var shard = 0; shard < shards.Count; shard++)
        {
            var (termsName, terms) = Load(File.ReadAllText(Path.Combine(root, "t", $"{shard}.js")));
            var (positionsName, positions) = Load(File.ReadAllText(Path.Combine(root, "p", $"{shard}.js")));
            Assert.Equal(($"t/{shard}", $"p/{shard}"), (termsName, positionsName));
            // The positions file has the same keys, each with one count and that many positions per document.
            Assert.Equal(terms.EnumerateObject().Select(e => e.Name), positions.EnumerateObject().Select(e => e.Name));
            foreach (var entry in terms.EnumerateObject())
            {
                keys.Add(entry.Name, entry.Value);
                var list = positions.GetProperty(entry.Name).EnumerateArray().Select(v => v.GetInt32()).ToList();
                var at = 0;
                for (var d = 0; d < entry.Value.GetArrayLength(); d++) at += list[at] + 1;
                Assert.Equal(list.Count, at);
            }
        }
        Assert.False(File.Exists(Path.Combine(root, "t", $"{shards.Count}.js")));
        Assert.False(File.Exists(Path.Combine(root, "p", $"{shards.Count}.js")));
        var palmyra = SearchText.Keys(SearchText.Normalise("تدمر"))[0];
        Assert.True(keys.ContainsKey(palmyra), "no postings for تدمر");
        var firstDocument = keys[palmyra][0].GetInt32() >> 2;
        Assert.Contains("تدمر", documents[firstDocument][3].GetString() + documents[firstDocument][4].GetString(), StringComparison.Ordinal);
    }
}
