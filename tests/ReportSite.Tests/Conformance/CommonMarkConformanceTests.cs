using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using ReportSite.Markdown;
using ReportSite.Markdown.Citations;
using ReportSite.Templates;
using ReportSite.Tests.Support;

namespace ReportSite.Tests.Conformance;

/// <summary>
/// Our Markdown pipeline (base extensions + citations + claims) renders every example of the CommonMark spec exactly
/// as plain Markdig with the same base extensions does, except examples with '@' inside brackets, which ReportSite
/// reads as Pandoc citation groups. Markdig's own conformance to the spec is not tested here.
/// </summary>
public sealed class CommonMarkConformanceTests
{
    /// <summary>The examples in spec.txt of the npm package commonmark-spec 0.31.2 (the version the spec site publishes).</summary>
    private const int ExampleCount = 652;

    /// <summary>The spec as the npm package ships it; tests/run.sh installs it into tests/tools (package.json there).</summary>
    private static readonly string SpecPath = Path.Combine(Repo.Root, "tests", "tools", "node_modules", "commonmark-spec", "spec.txt");

    private static readonly MarkdownPipeline Plain = ReportMarkdown.BaseExtensions(new MarkdownPipelineBuilder()).Build();
    // The build's pipeline with the default theme's citation and claim markup, without the theme's heading
    // self-links: those are markup the theme adds inside headings, not a reading of the Markdown.
    private static readonly MarkdownPipeline Ours = ReportMarkdown.Create(
        new ThemeCitationMarkup(DefaultTheme.Templates, CitationStyle.Latin, DefaultTheme.Diagnostics),
        new ThemeClaimMarkup(DefaultTheme.Templates, DefaultTheme.Diagnostics));

    /// <summary>
    /// Examples we may render differently, by number, with why: only examples whose Markdown has '@' inside brackets,
    /// which ReportSite reads as Pandoc citation groups (<c>[@foo]</c> is a citation here, a link reference in CommonMark).
    /// Empty for spec 0.31.2: its only examples with '@' (12, 143, 597, 604-606, 612: an escaped '@', a fence info
    /// string, autolinks and a bare e-mail address) have no '@' between '[' and ']', and all render exactly as plain Markdig.
    /// </summary>
    private static readonly Dictionary<int, string> Exceptions = new()
    {
    };

    private static readonly Lazy<IReadOnlyList<string>> Examples = new(() => SpecReader.Read(SpecPath));

    public static TheoryData<int> ExampleNumbers => new(Enumerable.Range(1, ExampleCount));

    [Fact]
    public void The_spec_has_652_examples()
    {
        Assert.Equal(ExampleCount, Examples.Value.Count);
        Assert.All(Exceptions.Keys, number => Assert.InRange(number, 1, ExampleCount));
    }

    /// <summary>Guards against a vacuous pass: the two pipelines must really differ where citations are concerned.</summary>
    [Fact]
    public void Our_pipeline_reads_a_citation_where_plain_Markdig_does_not()
    {
        const string markdown = "A claim [@doe].\n";
        Assert.NotEqual(Markdig.Markdown.ToHtml(markdown, Plain), Markdig.Markdown.ToHtml(markdown, Ours));
    }

    [Theory]
    [MemberData(nameof(ExampleNumbers))]
    public void Example(int number)
    {
        var markdown = Examples.Value[number - 1];
        var plain = Markdig.Markdown.ToHtml(markdown, Plain);
        var ours = Markdig.Markdown.ToHtml(markdown, Ours);
        if (Exceptions.TryGetValue(number, out var reason))
        {
            Assert.True(HasAtInsideBrackets(markdown),
                $"Example {number} is listed as an exception ({reason}) but its Markdown has no '@' inside brackets:\n{markdown}");
            Assert.True(plain != ours,
                $"Example {number} is listed as an exception ({reason}) but now renders like plain Markdig: remove it.\n{ours}");
        }
        else
        {
            Assert.True(plain == ours,
                $"Example {number} renders differently from plain Markdig.\n--- markdown\n{markdown}--- plain Markdig\n{plain}--- ReportSite\n{ours}");
        }
    }

    private static bool HasAtInsideBrackets(string markdown) => Regex.IsMatch(markdown, @"\[[^\]]*@[^\]]*\]");

    /// <summary>Reads the examples of the spec: Markdown between the example fence and a line holding '.'.</summary>
    private static class SpecReader
    {
        private static readonly string Fence = new('`', 32);

        public static IReadOnlyList<string> Read(string path)
        {
            if (!File.Exists(path))
                Assert.Fail($"CommonMark spec not found at {path}: run 'bash tests/run.sh', which installs it (npm ci in tests/tools).");

            var examples = new List<string>();
            StringBuilder? markdown = null;
            var inHtml = false;
            foreach (var line in File.ReadAllText(path).Replace("\r\n", "\n").Split('\n'))
            {
                if (markdown is null)
                {
                    if (line == Fence + " example") { markdown = new StringBuilder(); inHtml = false; }
                }
                else if (line == Fence)
                {
                    Assert.True(inHtml, $"Example {examples.Count + 1} has no '.' line between its Markdown and its HTML.");
                    examples.Add(markdown.ToString());
                    markdown = null;
                }
                else if (!inHtml)
                {
                    if (line == ".") inHtml = true;
                    else markdown.Append(line.Replace('→', '\t')).Append('\n');
                }
            }
            Assert.True(markdown is null, "The spec ends inside an example.");
            return examples;
        }
    }
}
