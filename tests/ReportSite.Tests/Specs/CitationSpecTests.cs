using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using ReportSite.Diagnostics;
using ReportSite.Graph;
using ReportSite.Markdown;
using ReportSite.Markdown.Citations;
using ReportSite.Sections;
using ReportSite.Sources;
using ReportSite.Tests.Support;

namespace ReportSite.Tests.Specs;

/// <summary>
/// The executable specification of citations, <c>Specs/citations.md</c>, in Markdig's spec style: one test case per
/// example, named by its number and the heading it is under. The file's intro documents the format; this parser is
/// strict, so an example whose expectation is malformed fails instead of checking nothing.
/// </summary>
public partial class CitationSpecTests
{
    private static readonly string SpecPath = Path.Combine(Repo.Root, "tests", "ReportSite.Tests", "Specs", "citations.md");
    private const string DisplayPath = "input/sections/01-s.md";
    private const string Fence = "````````````````````````````````";

    private static readonly Lazy<Spec> Parsed = new(() => Spec.Parse(File.ReadAllLines(SpecPath)));

    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        var spec = Parsed.Value;
        if (spec.Error is not null) data.Add("000 (the file)");
        foreach (var example in spec.Examples) data.Add(example.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example(string name)
    {
        var spec = Parsed.Value;
        if (name == "000 (the file)") Assert.Fail(spec.Error);
        var example = spec.Examples.Single(e => e.Name == name);
        Assert.True(example.Error is null, $"{example.Where}: malformed example: {example.Error}");

        var actual = Run(spec, example);
        var expected = example.Expected!;
        var failures = new List<string>();
        if (!expected.Claims.SequenceEqual(actual.Claims) && !(expected.Claims.Count == 0 && actual.Claims.Count == 0))
            failures.Add("claims differ");
        if (!expected.Diagnostics.SequenceEqual(actual.Diagnostics)) failures.Add("diagnostics differ");
        foreach (var html in expected.Html)
            if (html.Contains ? !actual.BodyHtml.Contains(html.Text, StringComparison.Ordinal) : actual.BodyHtml != html.Text)
                failures.Add(html.Contains ? $"the body HTML does not contain: {html.Text}" : "the body HTML differs");
        Assert.True(failures.Count == 0,
            $"{example.Where}: {string.Join("; ", failures)}\n--- markdown\n{example.Markdown}--- expected\n" +
            string.Join("\n", example.ExpectedLines) + "\n--- actual\n" + actual.Show());
    }

    [Fact]
    public void The_specification_has_at_least_120_examples_and_every_heading_groups_some()
    {
        var spec = Parsed.Value;
        Assert.Null(spec.Error);
        Assert.True(spec.Examples.Count >= 120, $"{spec.Examples.Count} examples");
        Assert.Contains(spec.Examples, e => e.Arabic);
    }

    [Theory]
    [InlineData("claim Doe says blah.", "a claim's text is quoted")]
    [InlineData("claim \"a\" extra", "after the claim's text")]
    [InlineData("  cite item1", "before any claim")]
    [InlineData("claim \"a\"\ncite item1", "indented")]
    [InlineData("claim \"a\"\n  cite item1 mode=other", "mode")]
    [InlineData("claim \"a\"\n  cite item1 locator=\"3\" prefix=\"see\"", "order")]
    [InlineData("claim \"a\"\n  cite item1 prefix=\"unterminated", "quote")]
    [InlineData("claim \"a\"\n  cite item1 prefix=\"bad \\x escape\"", "escape")]
    [InlineData("no claims\nclaim \"a\"\n  cite item1", "'no claims'")]
    [InlineData("claim \"a\"", "no cite")]
    [InlineData("warning RS110 1:2", "diagnostic")]
    [InlineData("error RS0101 1", "diagnostic")]
    [InlineData("error RS0101 2:1\nerror RS0101 1:1", "sorted")]
    [InlineData("html", "html")]
    [InlineData("something else", "unknown")]
    [InlineData("warning RS0110 1:1", "claims")]
    [InlineData("", "unknown")]
    public void A_malformed_expectation_is_an_error(string expectation, string mentions)
    {
        var lines = new[] { Fence + " example", "text", "." }.Concat(expectation.Split('\n')).Append(Fence).ToArray();
        var example = Assert.Single(Spec.Parse(lines).Examples);
        Assert.NotNull(example.Error);
        Assert.Contains(mentions, example.Error, StringComparison.OrdinalIgnoreCase);
    }

    // ---- running an example ----

    private static Outcome Run(Spec spec, SpecExample example)
    {
        var style = example.Arabic ? CitationStyle.Arabic : CitationStyle.Latin;
        var pipeline = DefaultTheme.Pipeline(style);
        var renderer = new SectionRenderer(pipeline, spec.Records, style);
        var section = new Section
        {
            Slug = "s", Title = "S", SourcePath = "sections/01-s.md", DisplayPath = DisplayPath, Markdown = example.Markdown,
        };
        var diagnostics = new DiagnosticBag();
        var rendered = renderer.Render(section, diagnostics);
        var claims = rendered.Claims.Select(c => new ExpectedClaim(c.Text, c.Id, c.Citations.ToList())).ToList();
        // The spec is about reading citations; which uncited sentences read as factual (RS0306) is UncitedSentenceTests'.
        var found = diagnostics.Sorted().Where(d => d.Code != DiagnosticCodes.PossibleUncitedClaim)
            .Select(d => new ExpectedDiagnostic(d.Severity, d.Code, d.Line, d.Column)).ToList();
        return new Outcome(claims, found, rendered.BodyHtml.Trim(), diagnostics.Sorted().Select(d => d.ToString()).ToList());
    }

    private sealed record Outcome(List<ExpectedClaim> Claims, List<ExpectedDiagnostic> Diagnostics, string BodyHtml, List<string> Messages)
    {
        /// <summary>The outcome written as an expectation, so a failing example can be corrected by pasting it.</summary>
        public string Show()
        {
            var text = new StringBuilder();
            if (Claims.Count == 0) text.Append("no claims\n");
            foreach (var claim in Claims)
            {
                text.Append("claim ").Append(Quote(claim.Text)).Append(" id=").Append(claim.Id).Append('\n');
                foreach (var cite in claim.Citations) text.Append("  ").Append(ShowCite(cite)).Append('\n');
            }
            foreach (var d in Diagnostics) text.Append(d).Append('\n');
            text.Append("html ").Append(BodyHtml.Replace("\n", "\\n", StringComparison.Ordinal)).Append('\n');
            foreach (var message in Messages) text.Append("# ").Append(message).Append('\n');
            return text.ToString();
        }
    }

    internal static string ShowCite(ClaimCitation c)
    {
        var text = new StringBuilder("cite ").Append(c.SourceId);
        if (c.Mode != CitationMode.Normal) text.Append(" mode=").Append(ModeName(c.Mode));
        if (c.Prefix is not null) text.Append(" prefix=").Append(Quote(c.Prefix));
        if (c.Locator is not null) text.Append(" locator=").Append(Quote(c.Locator));
        if (c.LocatorLabel is not null) text.Append(" label=").Append(c.LocatorLabel);
        if (c.Suffix is not null) text.Append(" suffix=").Append(Quote(c.Suffix));
        return text.ToString();
    }

    private static string ModeName(CitationMode mode) => mode switch
    {
        CitationMode.SuppressAuthor => "suppress-author",
        CitationMode.AuthorInText => "author-in-text",
        _ => "normal",
    };

    private static string Quote(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    // ---- the file's format ----

    /// <summary>A claim as expected: its id is compared only when the expectation gives one.</summary>
    private sealed record ExpectedClaim(string Text, string? Id, List<ClaimCitation> Citations)
    {
        public bool Equals(ExpectedClaim? other) =>
            other is not null && Text == other.Text && (Id is null || other.Id is null || Id == other.Id)
            && Citations.SequenceEqual(other.Citations);

        public override int GetHashCode() => Text.GetHashCode(StringComparison.Ordinal);
    }

    private sealed record ExpectedDiagnostic(Severity Severity, string Code, int Line, int Column)
    {
        public override string ToString() => $"{(Severity == Severity.Error ? "error" : "warning")} {Code} {Line}:{Column}";
    }

    private sealed record ExpectedHtml(bool Contains, string Text);

    private sealed record Expectation(List<ExpectedClaim> Claims, List<ExpectedDiagnostic> Diagnostics, List<ExpectedHtml> Html);

    private sealed record SpecExample(int Number, string Heading, bool Arabic, int StartLine, string Markdown, List<string> ExpectedLines)
    {
        public string Name => $"{Number:000} {Heading}";
        public string Where => $"citations.md:{StartLine} (example {Number})";
        public Expectation? Expected { get; init; }
        public string? Error { get; init; }
    }

    private sealed class Spec
    {
        public Dictionary<string, SourceRecord> Records { get; } = new(StringComparer.Ordinal);
        public List<SpecExample> Examples { get; } = [];
        public string? Error { get; private set; }

        public static Spec Parse(IReadOnlyList<string> lines)
        {
            var spec = new Spec();
            var heading = "(no heading)";
            var arabic = false;
            for (var i = 0; i < lines.Count; i++)
            {
                var line = lines[i];
                if (line == "```records")
                {
                    for (i++; i < lines.Count && lines[i] != "```"; i++)
                        if (spec.ReadRecord(lines[i]) is { } error) return spec.Fail($"line {i + 1}: {error}");
                    continue;
                }
                if (Heading().Match(line) is { Success: true } h)
                {
                    heading = h.Groups[1].Value.Trim();
                    arabic = heading.Contains("(ar)", StringComparison.Ordinal);
                    continue;
                }
                if (line.StartsWith(Fence, StringComparison.Ordinal))
                {
                    if (line != Fence + " example") return spec.Fail($"line {i + 1}: an example opens with exactly {Fence.Length} backticks and ' example'");
                    var start = i + 1;
                    var markdown = new StringBuilder();
                    for (i++; i < lines.Count && lines[i] != "."; i++)
                    {
                        if (lines[i].StartsWith(Fence, StringComparison.Ordinal)) return spec.Fail($"line {i + 1}: example of line {start} has no '.' line");
                        markdown.Append(lines[i].Replace('→', '\t')).Append('\n');
                    }
                    var expected = new List<string>();
                    for (i++; i < lines.Count && lines[i] != Fence; i++) expected.Add(lines[i]);
                    if (i >= lines.Count) return spec.Fail($"line {start}: example is not closed");
                    var (expectation, problem) = ReadExpectation(expected);
                    spec.Examples.Add(new SpecExample(spec.Examples.Count + 1, heading, arabic, start, markdown.ToString(), expected)
                    { Expected = expectation, Error = problem });
                }
            }
            return spec;
        }

        private Spec Fail(string error)
        {
            Error = error;
            return this;
        }

        // "<id> author=\"Doe\" author=\"Roe\" publisher=\"Sky News\" title=\"The Files\"", the title defaulting to "Title of <id>".
        private string? ReadRecord(string line)
        {
            if (line.Trim().Length == 0) return null;
            var at = line.IndexOf(' ', StringComparison.Ordinal);
            var id = at < 0 ? line : line[..at];
            var rest = at < 0 ? "" : line[at..];
            var authors = new List<string>();
            string? publisher = null, title = null;
            while (rest.Length > 0)
            {
                var field = Field().Match(rest);
                if (!field.Success) return $"record '{id}': expected name=\"value\", found '{rest.Trim()}'";
                var (value, after, error) = ReadQuoted(rest, field.Length);
                if (error is not null) return $"record '{id}': {error}";
                switch (field.Groups[1].Value)
                {
                    case "author": authors.Add(value!); break;
                    case "publisher": publisher = value; break;
                    case "title": title = value; break;
                    default: return $"record '{id}': unknown field '{field.Groups[1].Value}'";
                }
                rest = rest[after..];
            }
            if (!Records.TryAdd(id, new SourceRecord
            {
                Id = id, Type = SourceType.Article, Title = title ?? "Title of " + id, Authors = authors, Publisher = publisher,
                Location = new SourceLocation("input/sources/s.yml", 1, 1),
            })) return $"record '{id}' twice";
            return null;
        }
    }

    private static (Expectation?, string?) ReadExpectation(List<string> lines)
    {
        var claims = new List<ExpectedClaim>();
        var diagnostics = new List<ExpectedDiagnostic>();
        var html = new List<ExpectedHtml>();
        var noClaims = false;
        foreach (var line in lines)
        {
            if (line.StartsWith("  cite ", StringComparison.Ordinal))
            {
                if (claims.Count == 0) return (null, $"'{line.Trim()}' before any claim");
                var (cite, error) = ReadCite(line["  cite ".Length..]);
                if (error is not null) return (null, $"'{line.Trim()}': {error}");
                claims[^1].Citations.Add(cite!);
            }
            else if (line.StartsWith("claim ", StringComparison.Ordinal))
            {
                if (claims.Count > 0 && claims[^1].Citations.Count == 0) return (null, "a claim with no cite line");
                if (!line["claim ".Length..].StartsWith('"')) return (null, $"'{line}': a claim's text is quoted");
                var (text, after, error) = ReadQuoted(line, "claim ".Length);
                if (error is not null) return (null, $"'{line}': {error}");
                var rest = line[after..];
                string? id = null;
                if (ClaimId().Match(rest) is { Success: true } m) id = m.Groups[1].Value;
                else if (rest.Length > 0) return (null, $"'{line}': only ' id=<claim id>' may follow after the claim's text");
                claims.Add(new ExpectedClaim(text!, id, []));
            }
            else if (line == "no claims") noClaims = true;
            else if (line.StartsWith("html contains ", StringComparison.Ordinal)) html.Add(new ExpectedHtml(true, line["html contains ".Length..]));
            else if (line.StartsWith("html ", StringComparison.Ordinal)) html.Add(new ExpectedHtml(false, line["html ".Length..]));
            else if (Diagnostic().Match(line) is { Success: true } d)
                diagnostics.Add(new ExpectedDiagnostic(d.Groups[1].Value == "error" ? Severity.Error : Severity.Warning, d.Groups[2].Value,
                    int.Parse(d.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture),
                    int.Parse(d.Groups[4].Value, System.Globalization.CultureInfo.InvariantCulture)));
            else if (line.StartsWith("warning", StringComparison.Ordinal) || line.StartsWith("error", StringComparison.Ordinal))
                return (null, $"'{line}': a diagnostic is 'warning|error RSnnnn line:column'");
            else if (line.StartsWith("html", StringComparison.Ordinal)) return (null, $"'{line}': 'html <exact body>' or 'html contains <fragment>'");
            else if (line.TrimStart().StartsWith("cite ", StringComparison.Ordinal)) return (null, $"'{line}': a cite line is indented by two spaces, under its claim");
            else return (null, $"'{line}': unknown expectation line (claim, cite, no claims, html, warning, error)");
        }
        var sorted = diagnostics.OrderBy(d => d.Line).ThenBy(d => d.Column).ThenBy(d => d.Code, StringComparer.Ordinal).ToList();
        if (!sorted.SequenceEqual(diagnostics)) return (null, "diagnostics must be listed sorted by line, column and code");
        if (claims.Count > 0 && claims[^1].Citations.Count == 0) return (null, "a claim with no cite line");
        if (noClaims && claims.Count > 0) return (null, "'no claims' with claim lines");
        if (!noClaims && claims.Count == 0) return (null, "state the claims, or 'no claims'");
        return (new Expectation(claims, diagnostics, html), null);
    }

    // "<key> [mode=…] [prefix=\"…\"] [locator=\"…\"] [label=…] [suffix=\"…\"]", in this order, each at most once.
    private static (ClaimCitation?, string?) ReadCite(string text)
    {
        string key;
        int at;
        if (text.StartsWith('"'))
        {
            var (quoted, after, error) = ReadQuoted(text, 0);
            if (error is not null) return (null, error);
            (key, at) = (quoted!, after);
        }
        else
        {
            at = text.IndexOf(' ', StringComparison.Ordinal);
            if (at < 0) at = text.Length;
            key = text[..at];
        }
        if (key.Length == 0) return (null, "no key");
        string?[] values = new string?[Order.Length];
        var next = 0;
        var rest = text[at..];
        while (rest.Length > 0)
        {
            var field = Field().Match(rest);
            if (!field.Success) return (null, $"expected a field, found '{rest.Trim()}'");
            var name = field.Groups[1].Value;
            var index = Array.IndexOf(Order, name);
            if (index < 0) return (null, $"unknown field '{name}'");
            if (index < next) return (null, $"field '{name}' out of order (mode, prefix, locator, label, suffix), or twice");
            next = index + 1;
            string? value;
            int after;
            if (name is "mode" or "label")
            {
                var end = rest.IndexOf(' ', field.Length);
                if (end < 0) end = rest.Length;
                (value, after) = (rest[field.Length..end], end);
                if (name == "mode" && value is not ("normal" or "suppress-author" or "author-in-text")) return (null, $"mode '{value}' is not normal, suppress-author or author-in-text");
                if (name == "label" && !LocatorLabels.Contains(value)) return (null, $"label '{value}' is not a CSL locator type");
            }
            else
            {
                string? error;
                (value, after, error) = ReadQuoted(rest, field.Length);
                if (error is not null) return (null, error);
            }
            values[index] = value;
            rest = rest[after..];
        }
        var mode = values[0] switch
        {
            "suppress-author" => CitationMode.SuppressAuthor,
            "author-in-text" => CitationMode.AuthorInText,
            _ => CitationMode.Normal,
        };
        return (new ClaimCitation(key, values[2], values[3], values[1], values[4], mode), null);
    }

    private static readonly string[] Order = ["mode", "prefix", "locator", "label", "suffix"];

    private static readonly HashSet<string> LocatorLabels =
    [
        "act", "appendix", "article-locator", "book", "canon", "chapter", "column", "elocation", "equation", "figure",
        "folio", "issue", "line", "note", "opus", "page", "paragraph", "part", "rule", "scene", "section", "sub-verbo",
        "supplement", "table", "timestamp", "title-locator", "verse", "volume",
    ];

    /// <summary>A "…" string at <paramref name="at"/> with \" and \\ escapes: its value and the offset after it.</summary>
    private static (string? Value, int After, string? Error) ReadQuoted(string text, int at)
    {
        if (at >= text.Length || text[at] != '"') return (null, at, "expected a quoted value");
        var value = new StringBuilder();
        for (var i = at + 1; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '"': return (value.ToString(), i + 1, null);
                case '\\' when i + 1 < text.Length && text[i + 1] is '"' or '\\': value.Append(text[++i]); break;
                case '\\': return (null, i, "bad escape in a quoted value (only \\\" and \\\\)");
                default: value.Append(text[i]); break;
            }
        }
        return (null, text.Length, "unterminated quote");
    }

    [GeneratedRegex(@"^#{1,6} (.*)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^ ([a-z]+)=")]
    private static partial Regex Field();

    [GeneratedRegex(@"^ id=(\S+)$")]
    private static partial Regex ClaimId();

    [GeneratedRegex(@"^(warning|error) (RS\d{4}) (\d+):(\d+)$")]
    private static partial Regex Diagnostic();
}
