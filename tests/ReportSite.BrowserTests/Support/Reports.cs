using ReportSite.Build;

namespace ReportSite.BrowserTests.Support;

/// <summary>
/// A report built into a temporary folder, with the pages the tests visit: the cover, one section, one source page and
/// the sources index (paths relative to the site's root).
/// </summary>
public sealed class BuiltReport : IDisposable
{
    public const string Sample = "sample";
    public const string English = "english";
    public const string ArabicDigits = "arabic-digits";

    private readonly string _root;

    public string Name { get; }
    public string Language { get; }
    public string SiteFolder => Path.Combine(_root, "_site");

    /// <summary>A section with an in-text citation (<c>@key</c>) and bracketed ones.</summary>
    public string SectionSlug { get; }
    public string SourceId { get; }

    public string Cover => "index.html";
    public string Section => $"sections/{SectionSlug}.html";
    public string SourcePage => $"sources/{SourceId}.html";
    public string SourcesIndex => "sources/index.html";
    /// <summary>The whole report on one page.</summary>
    public string WholeReport => "report.html";

    /// <summary>A section with three h2 headings or more (so its own contents), or null when the report has none.</summary>
    public string? LongSection => Name == English ? "sections/open-questions.html" : null;

    /// <summary>The pages every check visits, by a short name (used in screenshot file names).</summary>
    public IReadOnlyList<(string Name, string Path)> Pages =>
        [("cover", Cover), ("section", Section), ("source", SourcePage), ("sources-index", SourcesIndex), ("report", WholeReport)];

    public bool RightToLeft => Language == "ar";

    private BuiltReport(string name, string language, string input, string root, string sectionSlug, string sourceId)
    {
        Name = name;
        Language = language;
        _root = root;
        SectionSlug = sectionSlug;
        SourceId = sourceId;
        var result = ReportBuilder.Run(new BuildOptions(input, SiteFolder, Repo.Theme, root));
        if (!result.Written)
            throw new InvalidOperationException($"the {name} report did not build:\n" + string.Join("\n", result.Diagnostics));
    }

    /// <summary>The sample report of input/ (Arabic, right to left).</summary>
    public static BuiltReport BuildSample()
    {
        var root = Directory.CreateTempSubdirectory("reportsite-browser-sample-").FullName;
        return new BuiltReport(Sample, "ar", Repo.Input, root, sectionSlug: "experts", sourceId: "article-ar");
    }

    /// <summary>A small English report written here: 3 sections, 5 sources (one of each verification status), bracketed and in-text citations; the
    /// section the tests visit is the second, so it has a previous one; it is corrected (corrections.yml: a claim twice, the section once).</summary>
    public static BuiltReport BuildEnglish()
    {
        var (root, input) = Write("reportsite-browser-en-", EnglishFixture.Files);
        return new BuiltReport(English, "en", input, root, sectionSlug: "contracts", sourceId: "harbour-gazette");
    }

    /// <summary>A one-section Arabic report with <c>digits: arab</c> and an ordered list in its Markdown.</summary>
    public static BuiltReport BuildArabicDigits()
    {
        var (root, input) = Write("reportsite-browser-arab-", ArabicDigitsFixture.Files);
        return new BuiltReport(ArabicDigits, "ar", input, root, sectionSlug: "steps", sourceId: "register");
    }

    private static (string Root, string Input) Write(string prefix, IReadOnlyList<(string Path, string Text)> files)
    {
        var root = Directory.CreateTempSubdirectory(prefix).FullName;
        var input = Path.Combine(root, "input");
        foreach (var (path, text) in files)
        {
            var full = Path.Combine(input, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }
        return (root, input);
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }
}

/// <summary>The English fixture report: the left-to-right counterpart of the sample.</summary>
public static class EnglishFixture
{
    public static IReadOnlyList<(string Path, string Text)> Files { get; } =
    [
        ("site.yml", """
            title: "Harbour Contracts: Who Won the Port Tenders"
            subtitle: "A small fixture report for the browser tests"
            language: en
            authors: ["ReportSite test fixture"]
            published: 2025-01-15
            description: "How the port authority awarded its 2024 dredging contracts, as its minutes, a local newspaper and a dock worker tell it."
            license: CC BY 4.0
            """),
        ("sources/minutes.yml", """
            id: port-authority-minutes
            type: document
            title: "Minutes of the Port Authority Board, 12 March 2024"
            publisher: Port Authority
            date: 2024-03-12
            language: en
            verification: verified
            verification_note: "Obtained from the authority's public register and compared with the printed copy."
            description: "The board's minutes of the meeting that awarded the dredging tenders."
            quote: "The board resolved to award lots 1 and 2 to the lowest compliant bidder."
            file: documents/minutes.pdf
            """),
        // A stand-in for the minutes' PDF: the page locators citing it link to its pages (#page=4).
        ("documents/minutes.pdf", "%PDF-1.4\n%%EOF\n"),
        ("sources/press.yml", """
            - id: harbour-gazette
              type: article
              title: "Dredging deal went to director's cousin"
              authors: ["Ann Example"]
              publisher: Harbour Gazette
              date: 2024-04-02
              url: https://example.org/gazette/dredging-deal
              verification: partially-verified
              verification_note: "The family link is confirmed by the company register; the article's figures are not."
              quote: "The winning bid came from a firm registered to the director's cousin."

            - id: dock-worker-interview
              type: interview
              title: "Interview with a dock worker"
              author: Sam Rivera
              date: 2024-05-20
              verification: unverified
              verification_note: "One witness; not yet corroborated."
              quote: "Nobody on the quay had heard of that company before the spring."

            - id: winning-firm-statement
              type: document
              title: "Statement by the winning firm"
              publisher: Deepwater Dredging Ltd
              date: 2024-04-05
              verification: disputed
              verification_note: "The company register contradicts the firm's account of its owners."
              quote: "No member of the board has any interest in our company."

            - id: gazette-first-story
              type: article
              title: "Port board member tied to dredging firm"
              publisher: Harbour Gazette
              date: 2024-03-28
              url: https://example.org/gazette/first-story
              verification: retracted
              verification_note: "Withdrawn by the newspaper on 1 April 2024: it named the wrong board member."
            """),
        ("sections/01-quay.md", """
            ---
            title: On the quay
            summary: What the people who work there saw.
            ---

            Workers on the quay had not heard of the company before the spring [@dock-worker-interview].
            The newspaper's account of the family link has been confirmed in part [@harbour-gazette, para. 3].

            The winning firm denied that any board member had an interest in it [@winning-firm-statement].
            A first story had named another board member [@gazette-first-story].
            """),
        ("sections/02-contracts.md", """
            ---
            title: The dredging contracts
            summary: How the two lots were awarded.
            ---

            The port authority awarded both dredging lots in March 2024 [@port-authority-minutes, p. 4]{#lots-awarded}.
            The board said it chose the lowest compliant bidder [@port-authority-minutes, p. 5].

            @harbour-gazette reported that the winning firm was registered to a director's cousin.
            The firm had no record of port work before the tender [@harbour-gazette; @port-authority-minutes, p. 6].

            ## What the minutes leave out

            The minutes do not say who else bid [@port-authority-minutes].
            """),
        // A claim corrected twice and its section once: the notes, the cover's list and the feed are on the pages visited.
        ("corrections.yml", """
            - date: 2024-04-10
              claim: lots-awarded
              text: "An earlier version said the lots were awarded in February 2024; the minutes say March."
            - date: 2024-04-12
              section: contracts
              text: The page numbers of the minutes were corrected throughout this section.
            - date: 2024-04-15
              claim: lots-awarded
              text: The minutes are dated 14 March 2024.
            """),
        // A long section (three h2 headings and an h3): it shows its own contents.
        ("sections/03-open-questions.md", """
            ---
            title: Open questions
            summary: What the sources do not settle yet.
            ---

            Three questions remain open after reading the minutes, the article and the interview.

            ## Who else bid

            The minutes name only the winning bidder [@port-authority-minutes, p. 4].

            ## The family link

            The company register confirms the link the newspaper reported [@harbour-gazette].

            ### What the register does not show

            It does not show who owns the firm today.

            ## The firm's past work

            A dock worker had not heard of the firm before the spring [@dock-worker-interview].
            """),
    ];
}

/// <summary>A report that asks for Arabic-Indic digits (<c>digits: arab</c>): numbers the theme prints and the numbers
/// of ordered lists follow it.</summary>
public static class ArabicDigitsFixture
{
    public static IReadOnlyList<(string Path, string Text)> Files { get; } =
    [
        ("site.yml", """
            title: "عقود الميناء"
            language: ar
            digits: arab
            published: 2025-01-15
            """),
        ("sources/register.yml", """
            - id: register
              type: document
              title: "سجل الشركات"
              date: 2024-03-12
              verification: verified
            - id: minutes
              type: document
              title: "محضر مجلس الميناء"
              date: 2024-03-12
              verification: partially-verified
            """),
        ("sections/01-steps.md", """
            ---
            title: الخطوات
            ---

            منح المجلس العقدين في مارس [@minutes].

            1. سُجلت الشركة قبل المناقصة بشهر [@register].
            2. فازت بالعقدين معًا [@minutes].
            """),
    ];
}
