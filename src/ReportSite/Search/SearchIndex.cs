using System.Text;

namespace ReportSite.Search;

/// <summary>
/// The inverted index of a report's search documents: for each key (a normalised word or one of its stems) the
/// documents and word positions it occurs at, and the shards the keys are split into by prefix (docs/search.md,
/// "Index format").
/// </summary>
public sealed class SearchIndex
{
    /// <summary>A shard's budget: its keys' postings written as JSON stay under this unless one key alone is bigger.
    /// Small enough that a query's first shards load fast from a USB stick; big enough that a small report has one.</summary>
    public const int DefaultShardBudget = 48 * 1024;

    public const int ExactFlag = 1;
    public const int TitleFlag = 2;

    /// <summary>Every key with its postings (docs/search.md, "Postings").</summary>
    public IReadOnlyDictionary<string, KeyPostings> Postings => _postings;

    /// <summary>The shards' prefixes, sorted (ordinal); "" is the shard for keys no longer prefix claims.</summary>
    public IReadOnlyList<string> Shards { get; }

    private readonly Dictionary<string, KeyPostings> _postings;

    private SearchIndex(Dictionary<string, KeyPostings> postings, IReadOnlyList<string> shards) => (_postings, Shards) = (postings, shards);

    public static SearchIndex Build(IReadOnlyList<SearchDocument> documents, int shardBudget = DefaultShardBudget)
    {
        var builders = new Dictionary<string, KeyPostings>(StringComparer.Ordinal);
        var keysOf = new Dictionary<string, (string Normalised, IReadOnlyList<string> Keys)>(StringComparer.Ordinal);
        for (var document = 0; document < documents.Count; document++)
        {
            var title = SearchText.Words(documents[document].Title);
            Add(documents[document].Title, title, document, 0, title: true);
            Add(documents[document].Text, SearchText.Words(documents[document].Text), document, title.Count + 1, title: false);
        }
        return new(builders, Split(builders, shardBudget));

        void Add(string text, List<(int Start, int Length)> words, int document, int firstPosition, bool title)
        {
            for (var i = 0; i < words.Count; i++)
            {
                var word = text.Substring(words[i].Start, words[i].Length);
                if (!keysOf.TryGetValue(word, out var known))
                {
                    var normalised = SearchText.Normalise(word);
                    keysOf[word] = known = (normalised, normalised.Length == 0 ? [] : SearchText.Keys(normalised));
                }
                foreach (var key in known.Keys)
                {
                    if (key.Length == 0) continue;
                    if (!builders.TryGetValue(key, out var builder)) builders[key] = builder = new KeyPostings();
                    builder.Add(document, firstPosition + i, (key == known.Normalised ? ExactFlag : 0) | (title ? TitleFlag : 0));
                }
            }
        }
    }

    /// <summary>The keys of each shard, in key order (ordinal).</summary>
    public IReadOnlyList<IReadOnlyList<string>> KeysByShard()
    {
        var byShard = Shards.Select(_ => new List<string>()).ToList();
        var lookup = new ShardLookup(Shards);
        foreach (var key in _postings.Keys.Order(StringComparer.Ordinal)) byShard[lookup.Of(key)].Add(key);
        return byShard;
    }

    /// <summary>About how many bytes a key's entry takes in a shard file (its documents; positions go apart).</summary>
    public static int EntrySize(string key, KeyPostings postings)
    {
        var size = Encoding.UTF8.GetByteCount(key) + 6;
        foreach (var value in postings.Documents) size += Digits(value) + 1;
        return size;
    }

    private static int Digits(int value) => value < 10 ? 1 : value < 100 ? 2 : value < 1000 ? 3 : value < 10000 ? 4 : value.ToString(System.Globalization.CultureInfo.InvariantCulture).Length;

    // One shard for everything while it fits; a shard over budget hands its longer keys to children by their next
    // letter (a whole Unicode scalar, so a prefix is always valid text), recursively. Keys equal to the prefix stay.
    private static List<string> Split(Dictionary<string, KeyPostings> postings, int budget)
    {
        var entries = postings.Select(pair => (Key: pair.Key, Size: EntrySize(pair.Key, pair.Value)))
            .OrderBy(entry => entry.Key, StringComparer.Ordinal).ToList();
        var shards = new List<string>();
        var pending = new Stack<(string Prefix, List<(string Key, int Size)> Entries)>();
        pending.Push(("", entries));
        while (pending.Count > 0)
        {
            var (prefix, group) = pending.Pop();
            shards.Add(prefix);
            if (group.Sum(entry => (long)entry.Size) <= budget) continue;
            foreach (var child in group.Where(entry => entry.Key.Length > prefix.Length)
                         .GroupBy(entry => prefix + NextLetter(entry.Key, prefix.Length), StringComparer.Ordinal))
                pending.Push((child.Key, child.ToList()));
        }
        shards.Sort(StringComparer.Ordinal);
        return shards;
    }

    private static string NextLetter(string key, int at) =>
        char.IsHighSurrogate(key[at]) && at + 1 < key.Length && char.IsLowSurrogate(key[at + 1]) ? key.Substring(at, 2) : key.Substring(at, 1);

    /// <summary>Finds a key's shard by walking its prefixes, longest first, in a set: fast for any number of shards.</summary>
    private sealed class ShardLookup(IReadOnlyList<string> shards)
    {
        private readonly Dictionary<string, int> _index = shards.Select((prefix, i) => (prefix, i)).ToDictionary(p => p.prefix, p => p.i, StringComparer.Ordinal);

        public int Of(string key)
        {
            for (var length = key.Length; length >= 0; length--)
                if (_index.TryGetValue(key[..length], out var shard)) return shard;
            throw new InvalidOperationException("no shard for key"); // unreachable: "" is always a shard
        }
    }

}

/// <summary>
/// One key's postings as they are written, in two parallel lists so a query that needs no positions (no phrase)
/// never loads them. <see cref="Documents"/>: per document <c>documentDelta × 4 + flags</c> (documents ascending).
/// <see cref="Positions"/>: per document, in the same order, <c>count, positionDelta…</c> (positions ascending, the
/// first from 0).
/// </summary>
public sealed class KeyPostings
{
    public List<int> Documents { get; } = [];
    public List<int> Positions { get; } = [];
    private int _document = -1, _countAt, _position;

    /// <summary>Adds one occurrence; documents come in ascending order, positions ascending within one.</summary>
    public void Add(int document, int position, int flags)
    {
        if (document != _document)
        {
            Documents.Add((_document < 0 ? document : document - _document) << 2);
            _countAt = Positions.Count;
            Positions.Add(0);
            _document = document;
            _position = 0;
        }
        Documents[^1] |= flags;
        Positions[_countAt]++;
        Positions.Add(position - _position);
        _position = position;
    }
}
