using System.Globalization;
using System.Text;

namespace ReportSite.Corpus;

/// <summary>
/// Writes a deterministic synthetic report (fixed seed): mixed Arabic and English prose, realistic front matter,
/// records of every type, collections, locators, and claims closed by citations. The same shape and seed always give
/// byte-identical files, so benchmark numbers are comparable across commits.
/// </summary>
public static class CorpusGenerator
{
    public const int Seed = 20240329;

    private static readonly string[] Types =
        ["article", "report", "document", "letter", "interview", "testimony", "dataset", "image", "video", "webpage", "book", "other"];
    private static readonly string[] Statuses = ["verified", "partially-verified", "unverified", "unverified", "disputed", "retracted"];
    private static readonly string[] ArabicWords =
        ("وثيقة مسربة تظهر اتفاق بين الطرفين على نقل النفط والأسلحة من المدينة إلى المحافظة قبل الهجوم وقال المنشقون إن " +
         "التنظيم أرسل أوامر مكتوبة بخط اليد إلى القادة في المنطقة وتشير الملفات إلى تعاون واسع بين الفصائل والحكومة " +
         "خلال الأشهر الماضية وفق المعلومات المتوفرة لدى فريق التحقيق الذي درس آلاف الوثائق والشهادات").Split(' ');
    private static readonly string[] EnglishWords =
        ("the leaked documents show an agreement between the parties to move oil and weapons out of the city before " +
         "the offensive defectors said the group sent handwritten orders to commanders in the region files point to " +
         "wide cooperation between factions and the government over the past months according to the investigation team").Split(' ');
    private static readonly string[] Locators = ["p. {0}", "pp. {0}-{1}", "ص {0}", "chap. {0}", "صفحة {0}", "§ {0}"];

    /// <summary>Writes the corpus into <paramref name="inputFolder"/> (created; existing files are replaced).</summary>
    public static void Write(CorpusShape shape, string inputFolder)
    {
        var random = new Random(Seed);
        if (Directory.Exists(inputFolder)) Directory.Delete(inputFolder, recursive: true);
        Directory.CreateDirectory(Path.Combine(inputFolder, "sections"));
        Directory.CreateDirectory(Path.Combine(inputFolder, "sources"));
        Directory.CreateDirectory(Path.Combine(inputFolder, "documents"));

        File.WriteAllText(Path.Combine(inputFolder, "site.yml"),
            $"title: \"Synthetic report {shape.Name}\"\nsubtitle: \"تقرير اصطناعي لقياس الأداء\"\nlanguage: ar\n" +
            "authors: [\"Bench Desk\", \"فريق القياس\"]\npublished: 2024-03-29\nupdated: 2024-04-02\n" +
            "description: \"A generated corpus for ReportSite benchmarks.\"\nlicense: CC BY 4.0\n");

        var sourceIds = WriteSources(shape, inputFolder, random);
        WriteSections(shape, inputFolder, sourceIds, random);
    }

    private static List<string> WriteSources(CorpusShape shape, string inputFolder, Random random)
    {
        var ids = new List<string>(shape.Sources);
        if (shape.Sources == 0) return ids;

        // A few local files, so hashing is part of the work.
        var files = new List<(string Path, string Sha)>();
        for (var f = 0; f < Math.Min(20, shape.Sources / 100 + 1); f++)
        {
            var relative = $"documents/file-{f:D3}.txt";
            var content = Encoding.UTF8.GetBytes(Prose(random, 400));
            File.WriteAllBytes(Path.Combine(inputFolder, relative), content);
            files.Add((relative, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content))));
        }

        var collections = Enumerable.Range(1, shape.Collections).Select(c => $"collection-{c:D2}").ToList();
        var inCollections = shape.Sources * 9 / 10; // "most in collections"
        var perCollection = shape.Collections == 0 ? 0 : (inCollections + shape.Collections - 1) / shape.Collections;

        // Collections: one file each holding the collection and its documents (a YAML sequence).
        var next = 0;
        foreach (var collection in collections)
        {
            var text = new StringBuilder();
            AppendRecord(text, collection, "collection", null, random, files, sequence: true);
            ids.Add(collection);
            for (var i = 0; i < perCollection - 1 && next < inCollections - shape.Collections; i++, next++)
            {
                var id = $"{collection}-doc-{i:D4}";
                AppendRecord(text, id, Types[random.Next(Types.Length)], collection, random, files, sequence: true);
                ids.Add(id);
            }
            File.WriteAllText(Path.Combine(inputFolder, "sources", collection + ".yml"), text.ToString());
        }

        // The rest: one record per file (a YAML mapping), in sub-folders of 500.
        for (var i = 0; ids.Count < shape.Sources; i++)
        {
            var id = $"src:{i:D5}";
            var text = new StringBuilder();
            AppendRecord(text, id, Types[random.Next(Types.Length)], null, random, files, sequence: false);
            var folder = Path.Combine(inputFolder, "sources", $"batch-{i / 500:D3}");
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, $"src-{i:D5}.yml"), text.ToString());
            ids.Add(id);
        }
        return ids;
    }

    private static void AppendRecord(StringBuilder text, string id, string type, string? partOf, Random random,
        List<(string Path, string Sha)> files, bool sequence)
    {
        var indent = sequence ? "  " : "";
        text.Append(sequence ? "- " : "").Append("id: ").Append(id).Append('\n');
        void Field(string name, string value) => text.Append(indent).Append(name).Append(": ").Append(value).Append('\n');
        Field("type", type);
        var arabic = random.Next(2) == 0;
        Field("title", Quote(Sentence(random, arabic, 6)));
        if (random.Next(3) == 0) Field("title_translated", Quote(Sentence(random, !arabic, 6)));
        Field("authors", $"[{Quote("Author " + random.Next(500))}, {Quote("كاتب " + random.Next(500))}]");
        if (random.Next(2) == 0) Field("publisher", Quote(arabic ? "ناشر " + random.Next(50) : "Publisher " + random.Next(50)));
        Field("date", random.Next(3) switch
        {
            0 => (2010 + random.Next(14)).ToString(CultureInfo.InvariantCulture),
            1 => $"{2010 + random.Next(14)}-{1 + random.Next(12):D2}",
            _ => $"{2010 + random.Next(14)}-{1 + random.Next(12):D2}-{1 + random.Next(28):D2}",
        });
        Field("language", arabic ? "ar" : "en");
        if (random.Next(2) == 0)
        {
            Field("url", $"https://example.org/{id.Replace(':', '/')}");
            Field("accessed", $"2024-0{1 + random.Next(3)}-1{random.Next(10)}");
        }
        if (random.Next(5) == 0) Field("archive_url", $"https://archive.example.org/{id.Replace(':', '/')}");
        if (random.Next(40) == 0 && files.Count > 0)
        {
            var (path, sha) = files[random.Next(files.Count)];
            Field("file", path);
            Field("sha256", sha);
        }
        if (partOf is not null) Field("part_of", partOf);
        Field("verification", Statuses[random.Next(Statuses.Length)]);
        Field("verification_note", Quote(Sentence(random, arabic, 12)));
        if (random.Next(2) == 0) Field("description", Quote(Sentence(random, arabic, 20)));
        if (random.Next(3) == 0) Field("quote", Quote(Sentence(random, arabic, 15)));
        if (!sequence) return;
        text.Append('\n');
    }

    private static void WriteSections(CorpusShape shape, string inputFolder, List<string> sourceIds, Random random)
    {
        // Every source is cited at least once (no warnings), the rest at random.
        var citations = new List<string>(shape.Citations);
        citations.AddRange(sourceIds);
        while (citations.Count < shape.Citations && sourceIds.Count > 0) citations.Add(sourceIds[random.Next(sourceIds.Count)]);
        Shuffle(citations, random);

        var perSection = shape.Sections == 0 ? 0 : (citations.Count + shape.Sections - 1) / shape.Sections;
        for (var s = 0; s < shape.Sections; s++)
        {
            var mine = citations.Skip(s * perSection).Take(perSection).ToList();
            var text = new StringBuilder();
            var arabic = s % 3 != 2;
            text.Append("---\ntitle: ").Append(Quote(Sentence(random, arabic, 5))).Append('\n')
                .Append("summary: ").Append(Quote(Sentence(random, arabic, 14))).Append("\n---\n\n");

            var words = 0;
            var next = 0;
            var paragraph = 0;
            while (words < shape.WordsPerSection || next < mine.Count)
            {
                if (paragraph > 0 && paragraph % 5 == 0) text.Append("## ").Append(Sentence(random, arabic, 4)).Append("\n\n");
                var sentences = 3 + random.Next(4);
                for (var i = 0; i < sentences; i++)
                {
                    var length = 8 + random.Next(12);
                    text.Append(Sentence(random, arabic ^ (random.Next(6) == 0), length));
                    words += length;
                    if (next < mine.Count && (mine.Count - next) * 8 >= random.Next(12))
                    {
                        text.Append(" [");
                        var keys = 1 + (random.Next(4) == 0 ? 1 : 0);
                        for (var k = 0; k < keys && next < mine.Count; k++, next++)
                        {
                            if (k > 0) text.Append("; ");
                            text.Append('@').Append(mine[next]);
                            if (random.Next(4) == 0)
                            {
                                var page = 1 + random.Next(300);
                                text.Append(", ").Append(string.Format(CultureInfo.InvariantCulture, Locators[random.Next(Locators.Length)], page, page + 1 + random.Next(5)));
                            }
                        }
                        text.Append(']');
                    }
                    text.Append(arabic ? ". " : ". ");
                }
                text.Length--;
                text.Append("\n\n");
                paragraph++;
            }
            File.WriteAllText(Path.Combine(inputFolder, "sections", $"{s + 1:D4}-section-{s + 1}.md"), text.ToString());
        }
    }

    private static string Sentence(Random random, bool arabic, int words)
    {
        var list = arabic ? ArabicWords : EnglishWords;
        var text = new StringBuilder();
        for (var i = 0; i < words; i++)
        {
            if (i > 0) text.Append(' ');
            text.Append(list[random.Next(list.Length)]);
        }
        if (!arabic && text.Length > 0) text[0] = char.ToUpperInvariant(text[0]);
        return text.ToString();
    }

    private static string Prose(Random random, int words) => Sentence(random, random.Next(2) == 0, words) + ".";

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    private static void Shuffle<T>(List<T> list, Random random)
    {
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }
}
