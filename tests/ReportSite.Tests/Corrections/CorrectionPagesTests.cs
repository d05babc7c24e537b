using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using ReportSite.Build;
using ReportSite.Diagnostics;
using ReportSite.Tests.Support;

namespace ReportSite.Tests.Corrections;

/// <summary>What readers see of corrections.yml: a dated note after the corrected claim (section page and report.html),
/// a section's note at its top, the cover's list (newest first, linking to what is corrected), and the updated date.</summary>
public sealed class CorrectionPagesTests
{
    // Two sections; "one" holds the corrected claim (explicit id) and an uncorrected one; "two" is corrected as a whole.
    private static TempReport Report(string corrections) => new TempReport()
        .Write("site.yml", "title: Test report\nlanguage: en\npublished: 2024-03-29\nupdated: 2024-03-30\n")
        .Write("sources/a.yml", "id: a\ntype: report\ntitle: Report A\n")
        .Write("sections/01-one.md", "---\ntitle: One\n---\nThe handover was in March [@a]{#handover}. Another claim [@a].\n")
        .Write("sections/02-two.md", "---\ntitle: Two\n---\nA third claim [@a].\n")
        .Write("corrections.yml", corrections);

    private const string Corrections =
        "- date: 2024-04-02\n  claim: handover\n  text: The handover was in May, not March <script>alert(1)</script>.\n" +
        "- date: 2024-04-05\n  section: two\n  text: A figure in this section was corrected.\n" +
        "- date: 2024-04-01\n  claim: claim-handover\n  text: An earlier note.\n";

    private static IHtmlDocument Page(TempReport report, string path) => new HtmlParser().ParseDocument(report.ReadOutput(path));

    private static void Builds(TempReport report)
    {
        var result = report.Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Empty(result.Diagnostics);
    }

    // The notes that follow an element, up to the next element that is not a note (the weak-source label may come between).
    private static List<IElement> NotesAfter(IElement claim)
    {
        var notes = new List<IElement>();
        for (var next = claim.NextElementSibling; next is not null && !next.ClassList.Contains("claim"); next = next.NextElementSibling)
            if (next.ClassList.Contains("correction")) notes.Add(next);
        return notes;
    }

    [Fact]
    public void A_corrected_claim_is_followed_by_its_dated_notes_oldest_first_and_escaped()
    {
        using var report = Report(Corrections);
        Builds(report);
        var page = Page(report, "sections/one.html");

        var claim = page.GetElementById("claim-handover")!;
        var notes = NotesAfter(claim);
        Assert.Equal(["correction-3", "correction-1"], notes.Select(n => n.Id));
        Assert.Equal(["2024-04-01", "2024-04-02"], notes.Select(n => n.QuerySelector("time")!.GetAttribute("datetime")));
        Assert.Equal("note", notes[0].GetAttribute("role"));
        Assert.Contains("1 April 2024", notes[0].TextContent);
        Assert.Contains("Correction", notes[0].QuerySelector(".correction-label")!.TextContent);
        // The text is text: the script is shown, not run.
        Assert.Contains("not March <script>alert(1)</script>.", notes[1].TextContent);
        Assert.DoesNotContain(page.QuerySelectorAll("script:not([src])"), s => s.TextContent.Contains("alert(1)"));
        // The note stands in the claim's paragraph, outside the claim (its text, in claims.json too, is unchanged).
        Assert.Equal(claim.ParentElement, notes[0].ParentElement);
        Assert.DoesNotContain("Correction", claim.TextContent);
        // The other claim carries none, and the section corrected as a whole is not on this page.
        var other = page.QuerySelectorAll(".claim").Single(c => c.Id != "claim-handover");
        Assert.Empty(NotesAfter(other));
        Assert.Null(page.GetElementById("correction-2"));
    }

    [Fact]
    public void A_section_corrected_as_a_whole_has_its_note_at_its_top()
    {
        using var report = Report(Corrections);
        Builds(report);
        var page = Page(report, "sections/two.html");
        var note = page.GetElementById("correction-2")!;
        Assert.NotNull(note.Closest("article.section > header"));
        Assert.Contains("A figure in this section was corrected.", note.TextContent);
        Assert.Equal("2024-04-05", note.QuerySelector("time")!.GetAttribute("datetime"));
        Assert.Empty(page.QuerySelector(".section-body")!.QuerySelectorAll(".correction"));
    }

    [Fact]
    public void Report_html_shows_every_note_once_with_ids_unique()
    {
        using var report = Report(Corrections);
        Builds(report);
        var page = Page(report, "report.html");
        var one = page.GetElementById("one")!;
        var claim = one.QuerySelector("[id='one--claim-handover']")!;
        Assert.Equal(["one--correction-3", "one--correction-1"], NotesAfter(claim).Select(n => n.Id));
        var two = page.GetElementById("two")!;
        Assert.Contains("A figure in this section was corrected.", two.QuerySelector("header .correction")!.TextContent);
        Assert.Equal(3, page.QuerySelectorAll(".correction").Length);
        var ids = page.All.Select(e => e.Id).Where(id => !string.IsNullOrEmpty(id)).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void The_cover_lists_every_correction_newest_first_linking_to_what_it_corrects()
    {
        using var report = Report(Corrections);
        Builds(report);
        var page = Page(report, "index.html");
        var items = page.QuerySelectorAll("#corrections li").ToList();
        Assert.Equal(["2024-04-05", "2024-04-02", "2024-04-01"], items.Select(i => i.QuerySelector("time")!.GetAttribute("datetime")));
        Assert.Equal(["sections/two.html", "sections/one.html#claim-handover", "sections/one.html#claim-handover"],
            items.Select(i => i.QuerySelector("a")!.GetAttribute("href")));
        Assert.Equal("The handover was in March", items[1].QuerySelector("a")!.TextContent);
        Assert.Equal("Two", items[0].QuerySelector("a")!.TextContent);
        Assert.Contains("not March <script>alert(1)</script>.", items[1].TextContent);
        // Every link leads to an element of its page.
        foreach (var href in items.Select(i => i.QuerySelector("a")!.GetAttribute("href")!))
        {
            var parts = href.Split('#');
            var target = Page(report, parts[0]);
            if (parts.Length > 1) Assert.NotNull(target.GetElementById(parts[1]));
        }
    }

    [Theory]
    [InlineData("updated: 2024-03-30\n", "2024-04-05")] // the newest correction is later
    [InlineData("updated: 2024-05-01\n", "2024-05-01")] // site.yml's is later: it stands
    [InlineData("", "2024-04-05")]
    public void Updated_on_the_cover_and_report_html_follows_the_newest_correction(string updated, string expected)
    {
        using var report = Report(Corrections);
        report.Write("site.yml", "title: Test report\nlanguage: en\npublished: 2024-03-29\n" + updated);
        Builds(report);
        foreach (var path in new[] { "index.html", "report.html" })
        {
            var times = Page(report, path).QuerySelectorAll(".byline time").Select(t => t.GetAttribute("datetime")).ToList();
            Assert.Equal(["2024-03-29", expected], times);
        }
    }

    [Fact]
    public void Without_corrections_the_cover_has_no_list_and_no_page_has_a_note()
    {
        using var report = Report("# nothing corrected yet\n");
        Builds(report);
        Assert.Null(Page(report, "index.html").GetElementById("corrections"));
        foreach (var path in new[] { "sections/one.html", "sections/two.html", "report.html" })
            Assert.Empty(Page(report, path).QuerySelectorAll(".correction"));
        var times = Page(report, "index.html").QuerySelectorAll(".byline time").Select(t => t.GetAttribute("datetime"));
        Assert.Equal(["2024-03-29", "2024-03-30"], times);
    }

    [Fact]
    public void An_arabic_report_names_and_dates_its_notes_in_arabic()
    {
        using var report = Report("- date: 2024-04-02\n  claim: handover\n  text: صُحّح التاريخ.\n");
        report.Write("site.yml", "title: تقرير\nlanguage: ar\n");
        Builds(report);
        var note = Page(report, "sections/one.html").GetElementById("correction-1")!;
        Assert.Equal("تصحيح", note.QuerySelector(".correction-label")!.TextContent);
        Assert.Contains("أبريل", note.QuerySelector("time")!.TextContent);
    }

    public static TheoryData<string> Payloads() => [.. ReportSite.Tests.Security.InjectionCorpusTests.Payloads];

    [Theory]
    [MemberData(nameof(Payloads))]
    public void A_payload_in_a_corrections_text_shows_as_text_on_every_page_and_in_the_feed(string payload)
    {
        using var report = Report($"- date: 2024-04-02\n  claim: handover\n  text: '{payload.Replace("'", "''")}'\n" +
            $"- date: 2024-04-03\n  section: two\n  text: '{payload.Replace("'", "''")}'\n");
        Builds(report);
        foreach (var path in new[] { "sections/one.html", "sections/two.html", "report.html", "index.html" })
        {
            var page = Page(report, path);
            var holders = path == "index.html" ? page.QuerySelectorAll("#corrections li p") : page.QuerySelectorAll(".correction");
            Assert.NotEmpty(holders);
            foreach (var holder in holders)
            {
                Assert.Contains(payload, holder.TextContent);
                // Nothing but the note's own markup: a label and a time.
                Assert.All(holder.QuerySelectorAll("*"), e => Assert.Contains(e.LocalName, new[] { "span", "time" }));
                Assert.All(holder.QuerySelectorAll("*"), e => Assert.DoesNotContain(e.Attributes, a => a.Name.StartsWith("on", StringComparison.Ordinal)));
            }
        }
        var feed = new System.Xml.XmlDocument();
        feed.Load(Path.Combine(report.Output, "corrections.xml"));
        Assert.All(feed.GetElementsByTagName("content").Cast<System.Xml.XmlNode>(), content => Assert.Equal(payload, content.InnerText));
    }

    [Fact]
    public void A_theme_without_the_correction_partial_fails_only_a_report_with_corrections()
    {
        using var report = Report(Corrections);
        var theme = Themes.CopyDefault(Path.Combine(report.Root, "theme"));
        File.Delete(Path.Combine(theme, "layouts", "partials", "correction.html"));
        var result = ReportBuilder.Run(new BuildOptions(report.Input, report.Output, theme, report.Root));
        var error = result.Single(DiagnosticCodes.LayoutMissing, "theme/layouts", 0, 0);
        Assert.Contains("layouts/partials/correction.html", error.Message);

        report.Write("corrections.yml", "");
        Assert.True(ReportBuilder.Run(new BuildOptions(report.Input, report.Output, theme, report.Root)).Succeeded);
    }
}
