using System.Diagnostics;
using System.Text.Json;
using Microsoft.Playwright;
using ReportSite.Search;

namespace ReportSite.Bench;

/// <summary>
/// bench search SITE: the search page of a built site in Debian's Chromium over file://, for generated queries (a word
/// of a random document, fixed seed). For each query, in a fresh page (search.html?q=…): the bytes of index files its
/// first run loaded to find the results (index.js and shards) and to show the first page of them (and the document
/// chunks those results live in), then the time of the same query again once its shards are loaded
/// (through <c>ReportSiteSearch.search</c>).
/// </summary>
public static class SearchBench
{
    public static async Task<int> Run(string[] args)
    {
        if (args.Length == 0) { Console.Error.WriteLine("usage: bench search SITE [--queries N]"); return 2; }
        var site = Path.GetFullPath(args[0]);
        var count = args.SkipWhile(a => a != "--queries").Skip(1).Select(int.Parse).FirstOrDefault(100);
        var queries = Queries(site, count);
        var searchFolder = Path.Combine(site, "search");
        var total = Directory.EnumerateFiles(searchFolder, "*.js", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        Console.WriteLine($"index: {Directory.EnumerateFiles(searchFolder, "*.js", SearchOption.AllDirectories).Count()} files, {total / 1024.0 / 1024:0.0} MiB "
            + $"(shards {Size(Path.Combine(searchFolder, "t")) / 1024.0 / 1024:0.0} MiB, documents {Size(Path.Combine(searchFolder, "d")) / 1024.0 / 1024:0.0} MiB)");

        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--allow-file-access-from-files"],
        });
        var queryBytes = new List<double>();
        var pageBytes = new List<double>();
        var times = new List<double>();
        foreach (var query in queries)
        {
            // A fresh context per query: nothing cached. search.html?q= runs the query and shows its first results.
            await using var context = await browser.NewContextAsync();
            var page = await context.NewPageAsync();
            // Every index file the page asked for (the resource timing list leaves out file:// scripts).
            var requested = new HashSet<string>(StringComparer.Ordinal);
            page.Request += (_, request) => { if (request.Url.Contains("/search/", StringComparison.Ordinal)) requested.Add(request.Url); };
            await page.GotoAsync(new Uri(Path.Combine(site, "search.html")).AbsoluteUri + "?q=" + Uri.EscapeDataString(query));
            await page.WaitForFunctionAsync(
                "q => { const r = document.querySelector('[data-search-results]'); return r && r.dataset.query === q && r.getAttribute('aria-busy') === 'false'; }",
                query);
            var loaded = requested.Select(url => new Uri(url).LocalPath).ToList();
            double Kilobytes(IEnumerable<string> files) => files.Sum(f => new FileInfo(f).Length) / 1024.0;
            var documentChunk = Path.DirectorySeparatorChar + "d" + Path.DirectorySeparatorChar;
            queryBytes.Add(Kilobytes(loaded.Where(f => !f.Contains(documentChunk, StringComparison.Ordinal))));
            pageBytes.Add(Kilobytes(loaded));
            times.Add(await page.EvaluateAsync<double>(
                "async q => { const t = performance.now(); await window.ReportSiteSearch.search(q); return performance.now() - t; }", query));
        }
        Report("first query, index bytes to find the results (index.js + shards, KB)", queryBytes);
        Report("first query, index bytes to show the first results (+ document chunks, KB)", pageBytes);
        Report("query time with shards loaded (ms)", times);
        var over = queries.Select((q, i) => (q, kb: pageBytes[i])).Where(x => x.kb > 300).OrderByDescending(x => x.kb).ToList();
        Console.WriteLine($"queries over 300 KB to show their first results: {over.Count} of {queries.Count}"
            + string.Concat(over.Take(10).Select(x => $"\n  {x.q}: {x.kb:0} KB")));
        return 0;
    }

    private static long Size(string folder) => Directory.EnumerateFiles(folder).Sum(f => new FileInfo(f).Length);

    private static void Report(string what, List<double> values)
    {
        values.Sort();
        double At(double q) => values[Math.Min(values.Count - 1, (int)Math.Ceiling(q * values.Count) - 1)];
        Console.WriteLine($"{what}: median {At(0.5):0.0}, p90 {At(0.9):0.0}, p95 {At(0.95):0.0}, max {values[^1]:0.0} over {values.Count} queries");
    }

    /// <summary>A word of at least three letters from a random document, for <paramref name="count"/> documents (fixed seed).</summary>
    public static List<string> Queries(string site, int count)
    {
        var documents = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(site, "search", "d"), "*.js").Order(StringComparer.Ordinal))
        {
            var script = File.ReadAllText(file);
            var json = script[(script.IndexOf(',') + 1)..^3];
            foreach (var document in JsonDocument.Parse(json).RootElement.EnumerateArray())
                documents.Add(document[3].GetString() + " " + document[4].GetString());
        }
        var random = new Random(2026);
        var queries = new List<string>();
        while (queries.Count < count)
        {
            var text = documents[random.Next(documents.Count)];
            var words = SearchText.Words(text).Select(w => text.Substring(w.Start, w.Length)).Where(w => w.Length >= 3 && !w.All(char.IsDigit)).ToList();
            if (words.Count > 0) queries.Add(words[random.Next(words.Count)]);
        }
        return queries;
    }
}
