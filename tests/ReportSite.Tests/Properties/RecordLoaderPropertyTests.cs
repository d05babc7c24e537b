using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using ReportSite.Diagnostics;
using ReportSite.Sections;
using ReportSite.Site;
using ReportSite.Sources;
using ReportSite.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using static ReportSite.Tests.Properties.CitationPropertyTests;

namespace ReportSite.Tests.Properties;

/// <summary>
/// Property-based tests (CsCheck) of the YAML loaders: <see cref="SourceRecordLoader"/>, <see cref="SiteConfigLoader"/>
/// and <see cref="SectionLoader"/> never throw on random or mutated text and locate every diagnostic inside it; valid
/// records printed to YAML load back with the same values (a print/parse round trip).
/// </summary>
public class RecordLoaderPropertyTests
{
    private const string SourcesPath = "input/sources/s.yml";
    private const string SitePath = "input/site.yml";
    private const string SectionPath = "input/sections/01-a.md";

    // ---- random YAML-ish text ----

    private static readonly string[] FieldNames =
        RecordFields.Known.Concat(SiteConfigLoader.Known).Concat(SectionLoader.Known)
            .Concat(["unknown", "Title", "tilte", "x y", "\"quoted key\"", "'k'", "عنوان", "[a]", "{b: c}", "?", "-", "id ", "1"])
            .Distinct().ToArray();

    private static readonly Gen<string> AnyScalar = Gen.OneOf<string>(
        Gen.OneOf("x", "Report", "تقرير عن الأحداث", "2024", "2024-02", "2024-02-30", "2024-13-01", "https://x.org/a?b=c#d",
            "http://", "javascript:alert(1)", "ar", "en", "fr-CA", "rtl", "ltr", "article", "reprot", "verified", "null", "~", "''", "\"\"",
            "\"a: b\"", "'it''s'", "\"unterminated", "'unterminated", "[a, b", "[a, b]", "{a: 1}", "{", "}", "[", "]", ": ", ":", "a: b: c",
            "&anchor x", "*anchor", "*missing", "!!binary x", "!!int x", "!tag x", "|", ">", "|-", "@x", "`x`", "%", "1e999", "NaN", "-1",
            "0x1F", "١٢", "\"\\u0000\"", "\"\\x\"", "\"\\", "- x", "-", "#", " # comment", "\"\\t\"", "0123456789abcdef", "../../etc/passwd",
            "C:\\x", "a\tb"),
        StringOf(Latin + Arabic + Digits + " :-#'\"[]{},&*!|>%@`\\\t.؟،", 0, 12));

    private static readonly Gen<string> YamlLine = Gen.OneOf<string>(
        Gen.Select(Gen.OneOf(FieldNames), Gen.OneOf(": ", ":", " : ", ":\t", ": "), AnyScalar, (key, colon, value) => key + colon + value),
        AnyScalar.Select(value => "- " + value),
        AnyScalar,
        Gen.OneOf("---", "...", "# comment", "%YAML 1.2", "%TAG ! tag:x,2024:", "? a", ": b", "- ", "-", "", "  ", "\t", "authors:",
            "  - a", "- id: x", "  type: article", "  title: T", "description: |", "  text", "[", "]", "{", "}"));

    private static readonly Gen<string> Indent = Gen.Frequency(
        (6, ""), (2, "  "), (1, " "), (1, "    "), (1, "\t"), (1, " \t"), (1, "- "), (1, "  - "), (1, "   "));

    private static readonly Gen<string> RandomYaml =
        Gen.Select(Gen.Select(Indent, YamlLine, (indent, line) => indent + line).Array[0, 12], Gen.OneOf("", "\n"),
            (lines, end) => string.Join('\n', lines) + end);

    /// <summary>Random lines, and valid records with one character inserted, deleted or replaced.</summary>
    /// <remarks>A property, not a field: the valid-record generators are declared further down.</remarks>
    private static Gen<string> RandomOrMutatedYaml => Gen.OneOf<string>(
        RandomYaml,
        from yaml in ValidFile().Select(f => f.Yaml)
        from operation in Gen.Int[0, 2]
        from position in Gen.Int[0, yaml.Length]
        from c in Gen.Char[" \t\n:-#'\"[]{},&*!|>%@`\\?ا4"]
        select Mutate(yaml, operation, position, c));

    private static string Mutate(string text, int operation, int position, char c) => operation switch
    {
        0 => text.Insert(position, c.ToString()),
        1 when position < text.Length => text.Remove(position, 1),
        _ when position < text.Length => text[..position] + c + text[(position + 1)..],
        _ => text + c,
    };

    private static void AssertAllLocated(DiagnosticBag diagnostics, string text, string displayPath, string? yaml = null)
    {
        foreach (var diagnostic in diagnostics.Sorted())
        {
            // Known bug (Empty_yaml_document_is_reported_inside_the_file): "---" alone is reported past the end of the file.
            if (diagnostic.Code is DiagnosticCodes.InvalidRecordShape or DiagnosticCodes.SiteConfigInvalid or DiagnosticCodes.InvalidFrontMatter
                && IsEmptyDocument(yaml ?? text)) continue;
            // Known bug (Yaml_error_at_the_end_of_a_file_is_located_on_its_last_line): past the end when there is no final newline.
            if (diagnostic.Code == DiagnosticCodes.YamlSyntax && !text.EndsWith('\n')
                && (diagnostic.Line, diagnostic.Column) == (text.Split('\n').Length + 1, 1)) continue;
            AssertLocated(diagnostic, text, displayPath);
        }
    }

    private static bool IsEmptyDocument(string yaml) =>
        Yaml.Parse(yaml, "x", new DiagnosticBag()) is YamlScalarNode { Value: "" or null, Style: ScalarStyle.Plain };

    /// <summary>The front matter's YAML, as <see cref="SectionLoader"/> cuts it out.</summary>
    private static string FrontMatter(string text)
    {
        var lines = text.Split('\n');
        var close = FrontMatterClose(lines);
        return close < 0 ? "" : string.Join('\n', lines[1..close]);
    }

    /// <summary>The index of the line closing the front matter, or -1.</summary>
    private static int FrontMatterClose(string[] lines) =>
        lines[0].TrimEnd() != "---" ? -1 : Array.FindIndex(lines, 1, l => l.TrimEnd() is "---" or "...");

    /// <summary>
    /// Runs a loader; true when it hit the known bug Malformed_yaml_is_a_yaml_error_not_a_crash: YamlDotNet throws something
    /// other than YamlException (InvalidOperationException, ArgumentException), which <see cref="Yaml.TryParse"/> does not
    /// catch. Only exceptions thrown from inside YamlDotNet and passing through Yaml.TryParse are tolerated; any other
    /// exception fails the property.
    /// </summary>
    private static bool HitsKnownYamlCrash(Action load)
    {
        try
        {
            load();
            return false;
        }
        catch (Exception error) when (error is InvalidOperationException or ArgumentException
                                      && error.TargetSite?.DeclaringType?.Namespace?.StartsWith("YamlDotNet", StringComparison.Ordinal) == true
                                      && error.StackTrace?.Contains("ReportSite.Text.Yaml.TryParse") == true)
        {
            return true;
        }
    }

    [Fact]
    public void Source_record_loader_never_throws_and_locates_every_diagnostic()
    {
        RandomOrMutatedYaml.Sample(yaml =>
        {
            var diagnostics = new DiagnosticBag();
            IReadOnlyList<SourceRecord> records = [];
            if (HitsKnownYamlCrash(() => records = SourceRecordLoader.Load(yaml, SourcesPath, diagnostics))) return;

            AssertAllLocated(diagnostics, yaml, SourcesPath);
            foreach (var record in records)
            {
                Assert.False(string.IsNullOrWhiteSpace(record.Id));
                Assert.Equal(SourcesPath, record.Location.File);
                // A refused URL never reaches a record.
                if (record.Url is not null) Assert.True(RecordFields.IsWebUrl(record.Url));
                Assert.All(record.ArchiveUrls, url => Assert.True(RecordFields.IsWebUrl(url)));
            }
        }, iter: 1500, print: Show);
    }

    [Fact]
    public void Site_config_loader_never_throws_and_locates_every_diagnostic()
    {
        RandomOrMutatedYaml.Sample(yaml =>
        {
            var diagnostics = new DiagnosticBag();
            SiteConfig? site = null;
            if (HitsKnownYamlCrash(() => site = SiteConfigLoader.Load(yaml, SitePath, diagnostics))) return;

            AssertAllLocated(diagnostics, yaml, SitePath);
            if (site is null) Assert.True(diagnostics.HasErrors, "no site config and no error");
            else if (!diagnostics.HasErrors)
            {
                Assert.False(string.IsNullOrEmpty(site.Title));
                Assert.Contains(site.Direction, new[] { "rtl", "ltr" });
            }
            if (site?.BaseUrl is { } baseUrl) Assert.True(RecordFields.IsWebUrl(baseUrl));
        }, iter: 1000, print: Show);
    }

    /// <summary>Section file names: a numeric prefix (ASCII digits only: see the skipped fact below) or none.</summary>
    private static readonly Gen<string> SectionFileName = Gen.OneOf<string>(
        Gen.OneOf("sections/01-intro.md", "sections/intro.md", "sections/1.5-x.md", "sections/01_a b.md", "sections/مقدمة.md",
            "sections/2024 report.md", "sections/-.md", "sections/01-.md"),
        Gen.Select(StringOf(Digits, 1, 3), Gen.OneOf("-", "_", " ", "."), StringOf(Latin + Arabic + Digits + "-_", 0, 6),
            (number, separator, name) => $"sections/{number}{separator}{name}.md"));

    private static Gen<string> SectionText => Gen.OneOf<string>(
        RandomOrMutatedYaml,
        Gen.Select(RandomOrMutatedYaml, Gen.OneOf("---", "...", "--- "), Gen.OneOf("", "Body [@a].\n", "\n# Heading\n---\n"),
            (yaml, close, body) => "---\n" + yaml + "\n" + close + "\n" + body),
        RandomOrMutatedYaml.Select(yaml => "---\n" + yaml));

    [Fact]
    public void Section_loader_never_throws_and_locates_every_diagnostic()
    {
        Gen.Select(SectionText, SectionFileName).Sample((text, relativePath) =>
        {
            var diagnostics = new DiagnosticBag();
            Section? section = null;
            if (HitsKnownYamlCrash(() => section = SectionLoader.Load(text, relativePath, SectionPath, diagnostics))) return;

            AssertAllLocated(diagnostics, text, SectionPath, FrontMatter(text));
            if (section is null) Assert.True(diagnostics.HasErrors, "no section and no error");
            else
            {
                // Front matter lines are blanked, not removed: the body keeps the file's line numbers.
                var (lines, markdown) = (text.Split('\n'), section.Markdown.Split('\n'));
                var close = FrontMatterClose(lines);
                Assert.All(markdown.Take(close + 1), line => Assert.Equal("", line));
                Assert.Equal(lines.Skip(close + 1), markdown.Skip(close + 1).Take(lines.Length - close - 1));
                if (!diagnostics.HasErrors) Assert.False(string.IsNullOrEmpty(section.Title));
            }
        }, iter: 1000, print: t => $"{Show(t.Item1)} in {t.Item2}");
    }

    // ---- valid records: print to YAML, load back ----

    /// <summary>One field as the test writes it: its key, its YAML (first line after "key:", then more lines), the value expected.</summary>
    private sealed record Field(string Key, string Inline, IReadOnlyList<string> More, string? Expected);

    /// <summary>One generated record: its fields in file order, and the values <see cref="SourceRecord"/> must hold.</summary>
    private sealed record GeneratedRecord(IReadOnlyList<Field> Fields, IReadOnlyDictionary<string, string?> Expected, IReadOnlyList<string> Authors);

    // The id rule: word characters, with single - . : between them (what a bare Pandoc key can hold).
    private static readonly Gen<string> Id =
        Gen.Select(StringOf(Latin + Digits + "_" + Arabic + ArabicDigits, 1, 1),
            Gen.Select(StringOf("-.:", 0, 1), StringOf(Latin + Digits + "_" + Arabic, 1, 3), (p, w) => p + w).Array[0, 4],
            (first, parts) => first + string.Concat(parts));

    /// <summary>Free text: quotes, colons, '#', brackets, backslashes, Arabic; and strings YAML would read otherwise if unquoted.</summary>
    private static readonly Gen<string> Text = Gen.OneOf<string>(
            StringOf(Latin + Arabic + Digits + "  :#-&*!%@`|>{}[],?'\"\\،؟.", 1, 24),
            Gen.OneOf("null", "~", "true", "123", "- x", "a: b", "# not a comment", "'quoted'", "\"dq\"", "{a}", "[b]", "تقرير: \"الأول\"",
                "x #y", "*a", "&a", "!t", "%p", "@h", "`c`", "|", ">", "---", "..."))
        .Select(s => s.Trim())
        .Where(s => s.Length > 0);

    private static readonly Regex PlainSafe = new(@"^[\p{L}\p{N}_](?:[\p{L}\p{N}_.\-]| (?! ))*(?<! )$");

    /// <summary>
    /// A YAML scalar for <paramref name="value"/>: style 0 is plain when that reads back as the same string (URLs always
    /// do), 1 single-quoted, else double-quoted.
    /// </summary>
    private static string Quote(string value, int style, bool plain = false) => style switch
    {
        0 when plain || (PlainSafe.IsMatch(value) && value is not ("null" or "~")) => value,
        1 => "'" + value.Replace("'", "''") + "'",
        _ => DoubleQuoted(value),
    };

    private static string DoubleQuoted(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    private static Gen<Field> Scalar(string key, Gen<string> value, bool plain = false) =>
        Gen.Select(value, Gen.Int[0, 2], (v, style) => new Field(key, Quote(v, style, plain), [], v));

    private static Gen<Field?> OptionalField(Gen<Field> field) =>
        Gen.Frequency<Field?>((1, Gen.Const((Field?)null)), (1, field.Select(f => (Field?)f)));

    private static readonly Gen<string> Date =
        from year in Gen.Int[1900, 2099]
        from month in Gen.Int[1, 12]
        from day in Gen.Int[1, DateTime.DaysInMonth(year, month)]
        from precision in Gen.Int[0, 2]
        select precision switch
        {
            0 => year.ToString("D4", CultureInfo.InvariantCulture),
            1 => $"{year:D4}-{month:D2}",
            _ => $"{year:D4}-{month:D2}-{day:D2}",
        };

    private static readonly Gen<string> Url =
        Gen.Select(Gen.OneOf("http", "https"), StringOf("abcdefghijklmnopqrstuvwxyz0123456789", 1, 10), Gen.OneOf("org", "com", "news"),
            StringOf(Latin + Digits + Arabic + "-_", 1, 8).Array[0, 3], Gen.OneOf("", "?q=1", "?a=b&c=ي", "#part", "?x=1#y"),
            (scheme, host, tld, path, tail) => $"{scheme}://{host}.{tld}" + string.Concat(path.Select(p => "/" + p)) + tail);

    /// <summary>'authors' as a block or flow sequence, or a single 'author'.</summary>
    private static readonly Gen<Field> Authors =
        Gen.Select(Text.Array[1, 3], Gen.Int[0, 2].Array[3], Gen.Int[0, 2], (names, styles, shape) => shape switch
        {
            0 => new Field("authors", "", names.Select((n, i) => "- " + Quote(n, styles[i])).ToList(), string.Join('\u241E', names)),
            1 => new Field("authors", "[" + string.Join(", ", names.Select(DoubleQuoted)) + "]", [], string.Join('\u241E', names)),
            _ => new Field("author", Quote(names[0], styles[0]), [], names[0]),
        });

    /// <summary>A literal block scalar: lines without leading or trailing spaces, read back joined by '\n'.</summary>
    private static Gen<Field> Block(string key) =>
        Text.Array[1, 3].Select(lines => new Field(key, "|", lines, string.Join('\n', lines)));

    private static readonly Gen<GeneratedRecord> Record =
        from required in Gen.Select(Scalar("id", Id), Scalar("type", Gen.OneOf(SourceTypes.All.ToArray())), Scalar("title", Text))
        from optional in Gen.Select(
            Gen.Select(OptionalField(Scalar("title_translated", Text)), OptionalField(Authors), OptionalField(Scalar("publisher", Text)),
                OptionalField(Scalar("date", Date)), OptionalField(Scalar("language", Gen.OneOf("ar", "en", "fr-CA")))),
            Gen.Select(OptionalField(Scalar("url", Url, plain: true)), OptionalField(Scalar("archive_url", Url, plain: true)), OptionalField(Scalar("accessed", Date)),
                OptionalField(Scalar("part_of", Id)), OptionalField(Scalar("verification", Gen.OneOf(VerificationStatus.All.ToArray())))),
            Gen.Select(OptionalField(Block("description")), OptionalField(Scalar("quote", Text)),
                OptionalField(Gen.Select(StringOf("0123456789abcdefABCDEF", 64, 64), Gen.Int[0, 2],
                    (hex, style) => new Field("sha256", Quote(hex, style), [], hex.ToLowerInvariant())))))
        let fields = new Field?[]
            {
                required.Item1, required.Item2, required.Item3,
                optional.Item1.Item1, optional.Item1.Item2, optional.Item1.Item3, optional.Item1.Item4, optional.Item1.Item5,
                optional.Item2.Item1, optional.Item2.Item2, optional.Item2.Item3, optional.Item2.Item4, optional.Item2.Item5,
                optional.Item3.Item1, optional.Item3.Item2, optional.Item3.Item3,
            }.OfType<Field>().ToArray()
        from ordered in Gen.Shuffle(fields)
        select new GeneratedRecord(ordered,
            ordered.Where(f => f.Key is not ("author" or "authors")).ToDictionary(f => f.Key, f => f.Expected),
            ordered.Where(f => f.Key is "author" or "authors").SelectMany(f => f.Expected!.Split('\u241E')).ToList());

    private sealed record GeneratedFile(string Yaml, IReadOnlyList<GeneratedRecord> Records, IReadOnlyList<int> RecordLines, bool AsSequence);

    /// <summary>One record as a mapping, or several as a sequence of mappings.</summary>
    private static Gen<GeneratedFile> ValidFile() =>
        Gen.Select(Record.Array[1, 3], Gen.Bool, Gen.OneOf("", "# sources\n", "---\n"), (records, asSequence, header) =>
        {
            asSequence |= records.Length > 1;
            var yaml = new StringBuilder(header);
            var line = header.Length == 0 ? 1 : 2;
            var recordLines = new List<int>();
            foreach (var record in records)
            {
                recordLines.Add(line);
                var first = true;
                foreach (var field in record.Fields)
                {
                    var indent = asSequence ? (first ? "- " : "  ") : "";
                    first = false;
                    yaml.Append(indent).Append(field.Key).Append(':');
                    if (field.Inline.Length > 0) yaml.Append(' ').Append(field.Inline);
                    yaml.Append('\n');
                    line++;
                    foreach (var more in field.More)
                    {
                        yaml.Append(asSequence ? "    " : "  ").Append(more).Append('\n');
                        line++;
                    }
                }
            }
            return new GeneratedFile(yaml.ToString(), records, recordLines, asSequence);
        });

    [Fact]
    public void Reading_a_list_record_by_record_gives_what_reading_the_whole_file_gives()
    {
        Gen.OneOf(RandomOrMutatedYaml, ValidFile().Select(f => f.Yaml)).Sample(yaml =>
        {
            var whole = new DiagnosticBag();
            IReadOnlyList<SourceRecord> expected = [];
            if (HitsKnownYamlCrash(() => expected = SourceRecordLoader.LoadWholeFile(yaml, SourcesPath, whole))) return;
            var streamed = new DiagnosticBag();
            var actual = SourceRecordLoader.Load(yaml, SourcesPath, streamed);

            Assert.Equal(whole.Sorted(), streamed.Sorted());
            Assert.Equal(expected.Select(Describe), actual.Select(Describe));
        }, iter: 1500, print: Show);
    }

    [Theory]
    [InlineData("- id: a\n  type: report\n  title: &t Shared\n- id: b\n  type: report\n  title: *t\n")] // an alias to another record
    [InlineData("- id: a\n  type: report\n  title: A\n---\n[unclosed\n")] // a syntax error in a later document
    [InlineData("- id: a\n  type: report\n  title: A\n- just text\n- [a, list]\n")] // items that are not records
    [InlineData("- id: a\n  type: reprot\n  title: A\n- id: b\n  type: report\n  title: B\n  url: javascript:x\n")]
    [InlineData("- id: a\n  type: report\n  title: A\n- id: a\n  title: A\n  title: B\n")] // a duplicate key
    public void Reading_record_by_record_matches_the_whole_file_in_the_hard_cases(string yaml)
    {
        var whole = new DiagnosticBag();
        var expected = SourceRecordLoader.LoadWholeFile(yaml, SourcesPath, whole);
        var streamed = new DiagnosticBag();
        var actual = SourceRecordLoader.Load(yaml, SourcesPath, streamed);
        Assert.Equal(whole.Sorted(), streamed.Sorted());
        Assert.Equal(expected.Select(Describe), actual.Select(Describe));
    }

    private static string Describe(SourceRecord r) => string.Join("|",
        r.Id, r.Type, r.Title, r.TitleTranslated, string.Join(";", r.Authors), r.Publisher, r.Date, r.Language, r.Url, string.Join(";", r.ArchiveUrls),
        r.Accessed, r.File, r.Sha256, r.PartOf, r.Verification, r.VerificationNote, r.Description, r.Quote, r.Location,
        string.Join(";", r.FieldLocations.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}@{f.Value}")));

    [Fact]
    public void Valid_records_printed_to_yaml_load_back_with_the_same_values()
    {
        ValidFile().Sample(file =>
        {
            var diagnostics = new DiagnosticBag();
            var records = SourceRecordLoader.Load(file.Yaml, SourcesPath, diagnostics);

            Assert.Empty(diagnostics.Sorted());
            Assert.Equal(file.Records.Count, records.Count);
            for (var i = 0; i < records.Count; i++)
            {
                var (expected, actual) = (file.Records[i], records[i]);
                string? Get(string key) => expected.Expected.TryGetValue(key, out var value) ? value : null;
                List<string?> expectedValues =
                [
                    Get("id"), Get("type"), Get("title"), Get("title_translated"), Get("publisher"), Get("date"), Get("language"), Get("url"),
                    Get("archive_url"), Get("accessed"), Get("part_of"), Get("verification") ?? VerificationStatus.Unverified,
                    Get("description"), Get("quote"), Get("sha256"),
                ];
                List<string?> actualValues =
                [
                    actual.Id, actual.Type.Yaml(), actual.Title, actual.TitleTranslated, actual.Publisher, actual.Date?.Iso, actual.Language, actual.Url,
                    actual.ArchiveUrls.SingleOrDefault(), actual.Accessed?.Iso, actual.PartOf, actual.Verification, actual.Description, actual.Quote, actual.Sha256,
                ];
                Assert.Equal(expectedValues, actualValues);
                Assert.Equal(expected.Authors, actual.Authors);

                // Positions: the record starts at its first key; each one-line value is on its key's line, after "key: ".
                Assert.Equal(file.RecordLines[i], actual.Location.Line);
                var line = file.RecordLines[i];
                foreach (var field in expected.Fields)
                {
                    if (field.More.Count == 0 && actual.FieldLocations.TryGetValue(field.Key, out var at))
                    {
                        Assert.Equal((field.Key, line, (file.AsSequence ? 2 : 0) + field.Key.Length + 3), (field.Key, at.Line, at.Column));
                    }
                    line += 1 + field.More.Count;
                }
            }
        }, iter: 400, print: f => Show(f.Yaml));
    }

    // ---- bugs found by these properties (minimal inputs) ----

    [Fact]
    public void Malformed_yaml_is_a_yaml_error_not_a_crash()
    {
        foreach (var yaml in new[] { "authors: [Smith,\nJones]", "a: [\nb", "- :", " : b", "...\nx" })
        {
            var diagnostics = new DiagnosticBag();

            SourceRecordLoader.Load(yaml, SourcesPath, diagnostics);
            SiteConfigLoader.Load(yaml, SitePath, diagnostics);
            SectionLoader.Load("---\n" + yaml + "\n---\n", "sections/01-a.md", SectionPath, diagnostics);

            // In front matter a "..." line closes the front matter, so "...\nx" is not YAML there.
            var expected = yaml.StartsWith("...") ? 2 : 3;
            Assert.Equal(expected, diagnostics.Sorted().Count(d => d.Code == DiagnosticCodes.YamlSyntax));
        }
    }

    [Fact]
    public void Yaml_error_at_the_end_of_a_file_is_located_on_its_last_line()
    {
        var diagnostics = new DiagnosticBag();

        SourceRecordLoader.Load("a: [b", SourcesPath, diagnostics);

        var diagnostic = Assert.Single(diagnostics.Sorted());
        Assert.Equal(DiagnosticCodes.YamlSyntax, diagnostic.Code);
        Assert.Equal(1, diagnostic.Line);
    }

    [Fact]
    public void Empty_yaml_document_is_reported_inside_the_file()
    {
        var diagnostics = new DiagnosticBag();

        SourceRecordLoader.Load("---", SourcesPath, diagnostics);
        SiteConfigLoader.Load("---", SitePath, diagnostics);

        Assert.All(diagnostics.Sorted(), d => Assert.Equal((1, 1), (d.Line, d.Column)));
    }

    [Fact]
    public void Section_file_name_with_arabic_indic_digits_does_not_throw()
    {
        var diagnostics = new DiagnosticBag();

        var section = SectionLoader.Load("---\ntitle: مقدمة\n---\n", "sections/٠١-مقدمة.md", "input/sections/٠١-مقدمة.md", diagnostics);

        Assert.NotNull(section);
        Assert.Equal(1, section.Order);
    }
}
