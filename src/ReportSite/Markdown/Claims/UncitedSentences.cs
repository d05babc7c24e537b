using System.Text;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using ReportSite.Markdown.Citations;
using ReportSite.Sources;

namespace ReportSite.Markdown.Claims;

/// <summary>A sentence that reads as factual and cites nothing: where it starts, and what made it read so.</summary>
public sealed record UncitedSentence(int Offset, string Reason);

/// <summary>
/// Finds sentences outside every claim that read as factual — a digit (a figure, a date), a quotation, or the name of
/// an author or publisher of a record — so that an author sees the claims they forgot to cite. A paragraph (or a list,
/// quote or table) right after <c>&lt;!-- no-cite --&gt;</c> is not read. Sentences end as claims do
/// (<see cref="ClaimBuilder"/>); a claim also ends the text before it. Runs after claims are built.
/// </summary>
public static class UncitedSentences
{
    public const string Silencer = "<!-- no-cite -->";

    public static List<UncitedSentence> Find(MarkdownDocument document, string markdown, RecordNames names)
    {
        var found = new List<UncitedSentence>();
        var tables = new HashSet<Table>(); // a table of figures is one warning, not one per cell
        foreach (var paragraph in document.Descendants<ParagraphBlock>())
        {
            if (paragraph.Inline is null || Silenced(paragraph)) continue;
            var table = TableOf(paragraph);
            if (table is not null && tables.Contains(table)) continue;
            var search = new BlockTextSearch(markdown, paragraph.Span.Start, paragraph.Span.End);
            var count = found.Count;
            var sentence = new Sentence(search, names, found);
            Read(paragraph.Inline, sentence);
            sentence.End();
            if (table is not null && found.Count > count)
            {
                found.RemoveRange(count + 1, found.Count - count - 1);
                tables.Add(table);
            }
        }
        found.Sort((a, b) => a.Offset.CompareTo(b.Offset)); // Descendants() is not in reading order for nested blocks
        return found;
    }

    private static Table? TableOf(Block block)
    {
        for (var at = block.Parent; at is not null; at = at.Parent)
            if (at is Table table) return table;
        return null;
    }

    // The comment silences the block right after it, or any block around the paragraph (a list, a quote, a table).
    private static bool Silenced(Block block)
    {
        for (var at = block; at is not null && at is not MarkdownDocument; at = at.Parent)
        {
            if (at.Parent is not { } parent) break;
            var index = parent.IndexOf(at);
            if (index > 0 && parent[index - 1] is HtmlBlock html && IsSilencer(html)) return true;
        }
        return false;
    }

    private static bool IsSilencer(HtmlBlock html) =>
        html.Lines.ToString().Trim().Equals(Silencer, StringComparison.OrdinalIgnoreCase);

    private static void Read(ContainerInline container, Sentence sentence)
    {
        string? hiddenUntil = null; // the end tag of a raw <script> or <style>, whose text no reader sees
        for (var child = container.FirstChild; child is not null; child = child.NextSibling)
        {
            if (hiddenUntil is not null)
            {
                if (child is HtmlInline { Tag: var end } && end.StartsWith(hiddenUntil, StringComparison.OrdinalIgnoreCase)) hiddenUntil = null;
                continue;
            }
            if (child is HtmlInline { Tag: var tag } && HiddenText(tag) is { } name)
            {
                hiddenUntil = "</" + name;
                continue;
            }
            switch (child)
            {
                case ClaimInline: sentence.End(); break; // cited: the text before it was the sentence's start
                case CitationGroupInline: sentence.End(); break;
                case LiteralInline literal: sentence.Add(literal); break;
                case HtmlEntityInline entity: sentence.Add(entity.Transcoded.ToString(), null, 0); break;
                case LineBreakInline: sentence.Add(" ", null, 0); break;
                // Code, URLs and raw HTML hold digits that are not figures of the report.
                case CodeInline or AutolinkInline or HtmlInline: sentence.Add(" ", null, 0); break;
                case LinkInline { IsImage: true }: break;
                case ContainerInline nested: Read(nested, sentence); break;
            }
        }
    }

    private static string? HiddenText(string tag)
    {
        foreach (var name in (string[])["script", "style"])
            if (tag.StartsWith("<" + name, StringComparison.OrdinalIgnoreCase) && tag.Length > name.Length + 1 && !char.IsLetterOrDigit(tag[name.Length + 1]))
                return name;
        return null;
    }

    /// <summary>The sentence being read: its text, and where its first visible character is in the Markdown.</summary>
    private sealed class Sentence(BlockTextSearch search, RecordNames names, List<UncitedSentence> found)
    {
        private readonly StringBuilder _text = new();
        private int? _start;

        public void Add(LiteralInline literal)
        {
            var content = literal.Content.ToString();
            // Where the literal is: found by its text (Markdig drifts after tabs), else Markdig's own offset.
            var at = search.Find(content) ?? search.Clamp(literal.Span.Start);
            var from = 0;
            for (var p = 0; p < content.Length; p++)
            {
                if (!ClaimBuilder.Terminators.Contains(content[p]) || ClaimBuilder.SentenceEnd(content, p) is not (var end and >= 0)) continue;
                Add(content[from..end], at, from);
                End();
                from = end;
                p = end - 1;
            }
            Add(content[from..], at, from);
        }

        public void Add(string text, int? at, int offset)
        {
            if (_start is null && at is not null)
            {
                var first = 0;
                while (first < text.Length && char.IsWhiteSpace(text[first])) first++;
                if (first < text.Length) _start = at + offset + first;
            }
            _text.Append(text);
        }

        public void End()
        {
            if (_start is { } start && Reason(_text.ToString()) is { } reason) found.Add(new UncitedSentence(start, reason));
            _text.Clear();
            _start = null;
        }

        private string? Reason(string text)
        {
            if (HasFigure(text)) return "it has a figure";
            if (HasQuotation(text)) return "it has a quotation";
            if (names.FirstIn(text) is { } name) return $"it names '{name.Name}', {name.Role} of source '{name.SourceId}'";
            return null;
        }
    }

    // A figure is a number standing on its own ("300", "2020", "٣٠٠", "5%", "COVID-19"), not digits inside a word
    // ("item1@item2.org", "@itme1").
    private static bool HasFigure(string text)
    {
        for (var i = 0; i < text.Length; i++)
            if (char.IsDigit(text[i]) && (i == 0 || !char.IsLetterOrDigit(text[i - 1]) && text[i - 1] != '_')) return true;
        return false;
    }

    private static readonly (char Open, char Close)[] Quotes = [('“', '”'), ('«', '»'), ('„', '“'), ('"', '"'), ('‹', '›')];

    // A quotation: an opening mark, a word, a closing mark ("an apostrophe" and "5'11" are not).
    private static bool HasQuotation(string text)
    {
        foreach (var (open, close) in Quotes)
        {
            var start = text.IndexOf(open);
            if (start < 0) continue;
            var end = text.IndexOf(close, start + 1);
            if (end > start + 1 && text.AsSpan(start + 1, end - start - 1).ContainsAnyExcept(' ')) return true;
        }
        return false;
    }
}

/// <summary>
/// The authors' and publishers' names of every record, found in a sentence word by word (indexed by first word, so a
/// sentence costs its length, not the number of names). Matching ignores case, and lets an Arabic name carry a
/// one-letter proclitic (و ف ب ل ك: "وسكاي نيوز").
/// </summary>
public sealed class RecordNames
{
    public sealed record Entry(string Name, string Role, string SourceId, string[] Words);

    private readonly Dictionary<string, List<Entry>> _byFirstWord = new(StringComparer.OrdinalIgnoreCase);

    public RecordNames(IEnumerable<SourceRecord> records)
    {
        foreach (var record in records)
        {
            foreach (var author in record.Authors) Add(author, "author", record.Id);
            if (record.Publisher is { } publisher) Add(publisher, "publisher", record.Id);
        }
    }

    private void Add(string name, string role, string id)
    {
        var words = Words(name).ToArray();
        // One short word ("AP", "UN") matches too much ordinary text to be a signal on its own.
        if (words.Length == 0 || words.Length == 1 && words[0].Length < 4) return;
        if (!_byFirstWord.TryGetValue(words[0], out var list)) _byFirstWord[words[0]] = list = [];
        if (!list.Any(e => e.Name == name)) list.Add(new Entry(name, role, id, words));
    }

    public Entry? FirstIn(string text)
    {
        if (_byFirstWord.Count == 0) return null;
        var words = Words(text).ToArray();
        for (var i = 0; i < words.Length; i++)
            foreach (var candidate in Candidates(words[i]))
                if (RestMatches(candidate.Words, words, i)) return candidate;
        return null;
    }

    // The name's words after its first (which Candidates matched) follow word i of the sentence.
    private static bool RestMatches(string[] name, string[] words, int i)
    {
        if (name.Length > words.Length - i) return false;
        for (var k = 1; k < name.Length; k++)
            if (!string.Equals(name[k], words[i + k], StringComparison.OrdinalIgnoreCase)) return false;
        return true;
    }

    private const string Proclitics = "وفبلك";

    private IEnumerable<Entry> Candidates(string word)
    {
        if (_byFirstWord.TryGetValue(word, out var direct)) foreach (var entry in direct) yield return entry;
        if (word.Length > 2 && Proclitics.Contains(word[0]) && _byFirstWord.TryGetValue(word[1..], out var attached))
            foreach (var entry in attached) yield return entry;
    }

    private static IEnumerable<string> Words(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var letter = i < text.Length && (char.IsLetterOrDigit(text[i]) || char.GetUnicodeCategory(text[i]) is System.Globalization.UnicodeCategory.NonSpacingMark);
            if (letter && start < 0) start = i;
            else if (!letter && start >= 0)
            {
                yield return text[start..i];
                start = -1;
            }
        }
    }
}
