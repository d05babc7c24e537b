using System.Buffers;
using System.Text;
using System.Text.Json;
using ReportSite.Exports;
using ReportSite.Urls;

namespace ReportSite.Search;

/// <summary>
/// Writes the index as script files that call <c>ReportSiteSearch.load(name, data)</c> (docs/search.md): a page loads
/// them with <c>&lt;script&gt;</c>, which works from <c>file://</c> where <c>fetch()</c> does not.
/// </summary>
public static class SearchIndexFiles
{
    public const int Version = 2;

    /// <summary>Documents per chunk file. The first results of a query lie in up to 30 chunks (10 per kind), so a
    /// chunk is small: 16 documents are ~4.5 KB on report-22k.</summary>
    public const int ChunkSize = 16;

    public static int ChunkCount(SearchDocuments documents) => (documents.All.Count + ChunkSize - 1) / ChunkSize;

    // The exports' JSON options (Arabic readable, HTML-significant characters escaped), on one line: these files
    // are read by a script, not a person, and are the bytes a query waits for.
    private static readonly JsonWriterOptions Options = GraphExports.Options with { Indented = false };

    /// <summary>Every file of a report's index, by site path, with how to write it: the pipeline writes them, the bench
    /// profile times them.</summary>
    public static IReadOnlyList<(string Path, Action<IBufferWriter<byte>> Write)> All(Graph.ReportGraph graph)
    {
        var documents = SearchDocuments.From(graph);
        var index = SearchIndex.Build(documents.All);
        var keys = index.KeysByShard();
        var files = new List<(string, Action<IBufferWriter<byte>>)> { (SitePaths.SearchIndex, output => WriteIndex(documents, index, graph.Site.Language, output)) };
        for (var shard = 0; shard < keys.Count; shard++)
        {
            var n = shard;
            files.Add((SitePaths.SearchShard(n), output => WriteShard(index, keys[n], n, output)));
            files.Add((SitePaths.SearchPositions(n), output => WritePositions(index, keys[n], n, output)));
        }
        for (var chunk = 0; chunk < ChunkCount(documents); chunk++)
        {
            var n = chunk;
            files.Add((SitePaths.SearchChunk(n), output => WriteChunk(documents, n, output)));
        }
        return files;
    }

    public static void WriteIndex(SearchDocuments documents, SearchIndex index, string language, IBufferWriter<byte> output) =>
        Script(output, "index", json =>
        {
            json.WriteStartObject();
            json.WriteNumber("version", Version);
            json.WriteString("language", language);
            json.WriteNumber("documents", documents.All.Count);
            json.WriteStartArray("kinds");
            json.WriteNumberValue(0);
            json.WriteNumberValue(documents.FirstClaim);
            json.WriteNumberValue(documents.FirstSource);
            json.WriteEndArray();
            json.WriteNumber("chunk", ChunkSize);
            json.WriteStartArray("shards");
            foreach (var prefix in index.Shards) json.WriteStringValue(prefix);
            json.WriteEndArray();
            json.WriteStartArray("sections");
            foreach (var (title, url, first) in documents.Sections)
            {
                json.WriteStartArray();
                json.WriteStringValue(title);
                json.WriteStringValue(url);
                json.WriteNumberValue(first);
                json.WriteEndArray();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        });

    public static void WriteShard(SearchIndex index, IReadOnlyList<string> keys, int shard, IBufferWriter<byte> output) =>
        WriteKeys(output, $"t/{shard}", keys, key => index.Postings[key].Documents);

    /// <summary>The positions of a shard's keys: loaded only by a phrase query.</summary>
    public static void WritePositions(SearchIndex index, IReadOnlyList<string> keys, int shard, IBufferWriter<byte> output) =>
        WriteKeys(output, $"p/{shard}", keys, key => index.Postings[key].Positions);

    private static void WriteKeys(IBufferWriter<byte> output, string name, IReadOnlyList<string> keys, Func<string, List<int>> values) =>
        Script(output, name, json =>
        {
            json.WriteStartObject();
            foreach (var key in keys)
            {
                json.WriteStartArray(key);
                foreach (var value in values(key)) json.WriteNumberValue(value);
                json.WriteEndArray();
            }
            json.WriteEndObject();
        });

    public static void WriteChunk(SearchDocuments documents, int chunk, IBufferWriter<byte> output) =>
        Script(output, $"d/{chunk}", json =>
        {
            json.WriteStartArray();
            foreach (var document in documents.All.Skip(chunk * ChunkSize).Take(ChunkSize))
            {
                json.WriteStartArray();
                json.WriteNumberValue((int)document.Kind);
                json.WriteNumberValue(document.Section);
                json.WriteStringValue(document.Url);
                json.WriteStringValue(document.Title);
                json.WriteStringValue(document.Text);
                json.WriteStringValue(document.Status);
                json.WriteEndArray();
            }
            json.WriteEndArray();
        });

    private static void Script(IBufferWriter<byte> output, string name, Action<Utf8JsonWriter> data)
    {
        output.Write(Encoding.UTF8.GetBytes($"ReportSiteSearch.load(\"{name}\","));
        using (var json = new Utf8JsonWriter(output, Options)) data(json);
        output.Write(");\n"u8);
    }
}
