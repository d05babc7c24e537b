using BenchmarkDotNet.Attributes;
using Markdig;
using Markdig.Syntax;
using ReportSite.Corpus;
using ReportSite.Diagnostics;
using ReportSite.Engine;
using ReportSite.Graph;
using ReportSite.Markdown;
using ReportSite.Markdown.Citations;
using ReportSite.Pipelines;
using ReportSite.Sections;
using ReportSite.Sources;
using ReportSite.Templates;

namespace ReportSite.Bench;

/// <summary>
/// The hot paths, each on realistic input taken from the tiny generated corpus: citation parsing, Markdown
/// rendering of one section, template rendering of one source page (to UTF-8 bytes, as the build writes it), YAML
/// loading of one record file, sources.json of the whole tiny corpus, and the one AngleSharp pass: reading a
/// section's raw HTML for refused URLs and scripts. (There is no HTML post-processing pass over pages: the renderers
/// emit the final HTML directly.)
/// </summary>
[MemoryDiagnoser]
public class HotPaths
{
    private string _group = "";
    private Section _section = null!;
    private SectionRenderer _sectionRenderer = null!;
    private TemplateRenderer _templates = null!;
    private PageModelFactory _models = null!;
    private SourceRecord _source = null!;
    private string _recordFile = "";
    private ReportGraph _graph = null!;
    private MarkdownDocument _rawHtmlSection = null!;
    private const string RawHtmlSection =
        "A claim <abbr title=\"x\">UN</abbr> [@a].\n\n<figure><img src=\"../documents/a.png\" alt=\"a\" width=\"300\">\n" +
        "<figcaption>Caption <a href=\"https://example.org/a?b=c\">source</a></figcaption></figure>\n\n" +
        "<table><tr><td>1</td><td><a href=\"#claim-x\">2</a></td></tr></table>\n\nText with <b>bold</b> and <span dir=\"rtl\">عربي</span>.\n";
    private readonly System.Buffers.ArrayBufferWriter<byte> _output = new(1 << 16);

    [GlobalSetup]
    public void Setup()
    {
        var input = Path.Combine(Path.GetTempPath(), "reportsite-micro-tiny");
        CorpusGenerator.Write(CorpusShape.Tiny, input);
        var theme = Path.Combine(Commands.RepoRoot, "theme");
        var context = new PipelineContext(new BuildSettings(input, theme, input), new DiagnosticBag());
        new PipelineEngine(ReportSite.Build.ReportBuilder.Pipelines()).Run(context, writeOutput: false);
        var report = ReportPipeline.Model(context)!;
        var graph = _graph = report.Graph;

        _group = "see @collection-01-doc-0001, pp. 33-35, 38-39; -@src:00042, ص ١٢; @collection-02, chap. 4, emphasis added";
        var sectionFile = Directory.EnumerateFiles(Path.Combine(input, "sections")).Order().First();
        _section = SectionLoader.Load(File.ReadAllText(sectionFile), "sections/x.md", "x.md", new DiagnosticBag())!;
        _templates = report.Templates;
        _sectionRenderer = new SectionRenderer(
            ThemeMarkdown.Create(_templates, CitationStyle.Arabic, new DiagnosticBag()),
            graph.SourcesById, CitationStyle.Arabic);
        _models = report.Pages;
        _source = graph.Sources.OrderByDescending(s => graph.CitedBy(s.Id).Count).First(s => graph.Children(s.Id).Count == 0);
        _rawHtmlSection = Markdig.Markdown.Parse(RawHtmlSection, ThemeMarkdown.Create(_templates, CitationStyle.Arabic, new DiagnosticBag()));
        _recordFile = File.ReadAllText(Directory.EnumerateFiles(Path.Combine(input, "sources"), "collection-01.yml", SearchOption.AllDirectories).First());
    }

    [Benchmark]
    public int ParseCitationGroup() => CitationSyntax.TryParse(_group, out var group) == CitationParse.Citation ? group!.Citations.Count : 0;

    [Benchmark]
    public int RenderSectionMarkdown() => _sectionRenderer.Render(_section, new DiagnosticBag()).BodyHtml.Length;

    [Benchmark]
    public int RenderSourcePage()
    {
        _output.ResetWrittenCount();
        _templates.Render("source", _models.SourcePage(_source), _output);
        return _output.WrittenCount;
    }

    [Benchmark]
    public int LoadRecordFile() => SourceRecordLoader.Load(_recordFile, "collection-01.yml", new DiagnosticBag()).Count;

    [Benchmark]
    public int WriteSourcesJson()
    {
        _output.ResetWrittenCount();
        ReportSite.Exports.GraphExports.WriteSources(_graph, _output);
        return _output.WrittenCount;
    }

    [Benchmark]
    public int CheckRawHtml()
    {
        var diagnostics = new DiagnosticBag();
        MarkdownSafety.Check(_rawHtmlSection, RawHtmlSection, diagnostics, _ => new SourceLocation("x.md", 1, 1));
        return diagnostics.Sorted().Count;
    }
}
