using System.Xml;
using ReportSite.Diagnostics;
using ReportSite.Exports;
using ReportSite.Tests.Support;

namespace ReportSite.Tests.Corrections;

/// <summary>corrections.xml, parsed with System.Xml: an Atom feed (RFC 4287) of every correction, ids stable, links to what is corrected.</summary>
public sealed class CorrectionsFeedTests
{
    private const string Atom = "http://www.w3.org/2005/Atom";

    private static TempReport Report(string corrections, string site = "title: Test & <report>\nlanguage: en\nauthors: [Ann, Bo]\n") => new TempReport()
        .Write("site.yml", site)
        .Write("sources/a.yml", "id: a\ntype: report\ntitle: Report A\n")
        .Write("sections/01-one.md", "---\ntitle: One\n---\nThe handover was in March [@a]{#handover}.\n")
        .Write("sections/02-two.md", "---\ntitle: Two & more\n---\nA third claim [@a]{#تسليم}.\n")
        .Write("corrections.yml", corrections);

    private const string Corrections =
        "- date: 2024-04-02\n  claim: handover\n  text: May, not March <b>&</b> \"quoted\".\n" +
        "- date: 2024-04-05\n  section: two\n  text: A figure was corrected.\n" +
        "- date: 2024-04-05\n  claim: تسليم\n  text: \"A control \\x01 character.\"\n" +
        "- date: 2024-04-02\n  claim: handover\n  text: A second note the same day.\n";

    private static (XmlDocument Feed, XmlNamespaceManager Ns) Feed(TempReport report)
    {
        var result = report.Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Empty(result.Diagnostics);
        var document = new XmlDocument();
        // A strict reader: well-formed XML 1.0, no DTD.
        using (var reader = XmlReader.Create(Path.Combine(report.Output, "corrections.xml"), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, CheckCharacters = true }))
            document.Load(reader);
        var ns = new XmlNamespaceManager(document.NameTable);
        ns.AddNamespace("a", Atom);
        return (document, ns);
    }

    private static string Text(XmlNode node, string xpath, XmlNamespaceManager ns) => node.SelectSingleNode(xpath, ns)!.InnerText;

    [Fact]
    public void The_feed_has_its_id_title_updated_author_and_one_entry_per_correction_newest_first()
    {
        using var report = Report(Corrections);
        var (feed, ns) = Feed(report);
        var root = feed.DocumentElement!;
        Assert.Equal(("feed", Atom), (root.LocalName, root.NamespaceURI));
        Assert.Equal("en", root.GetAttribute("xml:lang"));
        Assert.StartsWith("urn:uuid:", Text(root, "a:id", ns));
        Assert.Equal("Test & <report>: Corrections", Text(root, "a:title", ns));
        Assert.Equal("text", root.SelectSingleNode("a:title/@type", ns)!.Value);
        Assert.Equal("2024-04-05T00:00:00Z", Text(root, "a:updated", ns));
        Assert.Equal(["Ann", "Bo"], root.SelectNodes("a:author/a:name", ns)!.Cast<XmlNode>().Select(n => n.InnerText));
        Assert.Equal("index.html#corrections", root.SelectSingleNode("a:link[@rel='alternate']/@href", ns)!.Value);
        Assert.Null(root.SelectSingleNode("a:link[@rel='self']", ns)); // no base_url: no absolute address to name

        var entries = root.SelectNodes("a:entry", ns)!.Cast<XmlNode>().ToList();
        Assert.Equal(4, entries.Count);
        // Newest first; one day's in the file's order, the later first.
        Assert.Equal(["2024-04-05T00:00:00Z", "2024-04-05T00:00:00Z", "2024-04-02T00:00:00Z", "2024-04-02T00:00:00Z"],
            entries.Select(e => Text(e, "a:updated", ns)));
        Assert.Equal(["A control \uFFFD character.", "A figure was corrected.", "A second note the same day.", "May, not March <b>&</b> \"quoted\"."],
            entries.Select(e => Text(e, "a:content", ns)));
        Assert.All(entries, e => Assert.Equal("text", e.SelectSingleNode("a:content/@type", ns)!.Value));
        Assert.Equal(["Correction: A third claim", "Correction: Two & more", "Correction: The handover was in March", "Correction: The handover was in March"],
            entries.Select(e => Text(e, "a:title", ns)));
        // Relative to the feed, at the site root; an Arabic id percent-encoded as every page's links are.
        Assert.Equal(["sections/two.html#claim-تسليم", "sections/two.html", "sections/one.html#claim-handover", "sections/one.html#claim-handover"],
            entries.Select(e => Uri.UnescapeDataString(e.SelectSingleNode("a:link[@rel='alternate']/@href", ns)!.Value!)));
        var ids = entries.Select(e => Text(e, "a:id", ns)).ToList();
        Assert.All(ids, id => Assert.Matches("^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", id));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void Every_entry_link_leads_to_the_claim_or_section_it_corrects()
    {
        using var report = Report(Corrections);
        var (feed, ns) = Feed(report);
        foreach (XmlNode link in feed.SelectNodes("/a:feed/a:entry/a:link/@href", ns)!)
        {
            var parts = Uri.UnescapeDataString(link.Value!).Split('#');
            var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(report.ReadOutput(parts[0]));
            if (parts.Length > 1) Assert.NotNull(page.GetElementById(parts[1]));
        }
    }

    [Fact]
    public void With_a_base_url_links_are_absolute_and_ids_are_tag_uris_of_its_host()
    {
        using var report = Report(Corrections, "title: T\nlanguage: en\nbase_url: https://Example.org/reports/isis/\n");
        var (feed, ns) = Feed(report);
        var root = feed.DocumentElement!;
        Assert.Equal("https://example.org/reports/isis/corrections.xml", Text(root, "a:id", ns));
        Assert.Equal("https://example.org/reports/isis/corrections.xml", root.SelectSingleNode("a:link[@rel='self']/@href", ns)!.Value);
        Assert.Equal("https://example.org/reports/isis/index.html#corrections", root.SelectSingleNode("a:link[@rel='alternate']/@href", ns)!.Value);
        // The report itself is the author when site.yml names none.
        Assert.Equal("T", Text(root, "a:author/a:name", ns));
        var entries = root.SelectNodes("a:entry", ns)!.Cast<XmlNode>().ToList();
        Assert.Equal(
            [
                "tag:example.org,2024-04-05:reports/isis/corrections/claim/%D8%AA%D8%B3%D9%84%D9%8A%D9%85/2024-04-05",
                "tag:example.org,2024-04-05:reports/isis/corrections/section/two/2024-04-05",
                "tag:example.org,2024-04-02:reports/isis/corrections/claim/handover/2024-04-02/2",
                "tag:example.org,2024-04-02:reports/isis/corrections/claim/handover/2024-04-02",
            ],
            entries.Select(e => Text(e, "a:id", ns)));
        Assert.Equal("https://example.org/reports/isis/sections/one.html#claim-handover", entries[3].SelectSingleNode("a:link/@href", ns)!.Value);
    }

    [Fact]
    public void Ids_stay_when_corrections_are_added_before_others_and_across_builds()
    {
        string[] Ids(TempReport report) => [.. Feed(report).Feed.SelectNodes("//*[local-name()='entry']/*[local-name()='id']")!.Cast<XmlNode>().Select(n => n.InnerText)];
        using var first = Report(Corrections);
        var before = Ids(first);
        using var again = Report(Corrections);
        Assert.Equal(before, Ids(again));
        // A new correction at the top of the file: every earlier id stays; the new one is new.
        using var added = Report("- date: 2024-04-07\n  section: one\n  text: New.\n" + Corrections);
        var after = Ids(added);
        Assert.Equal(before, after.Skip(1));
        Assert.DoesNotContain(after[0], before);
    }

    [Fact]
    public void Without_corrections_there_is_no_feed_but_its_name_stays_reserved()
    {
        using var report = Report("");
        Assert.True(report.Build().Succeeded);
        Assert.False(File.Exists(Path.Combine(report.Output, "corrections.xml")));
        Assert.DoesNotContain("corrections_feed", report.ReadOutput("index.html"));

        report.Write("sources/a.yml", "id: a\ntype: report\ntitle: Report A\nfile: corrections.xml\n").Write("corrections.xml", "<x/>");
        var error = report.Build().Single(DiagnosticCodes.OutputCollision, "input/sources/a.yml", 4, 7);
        Assert.Contains("corrections.xml", error.Message);
    }

    [Fact]
    public void The_cover_links_to_the_feed()
    {
        using var report = Report(Corrections);
        Feed(report);
        var cover = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(report.ReadOutput("index.html"));
        var link = cover.QuerySelector("#corrections a[type='application/atom+xml']")!;
        Assert.Equal("corrections.xml", link.GetAttribute("href"));
    }

    [Fact]
    public void Uuids_are_rfc_9562_version_5()
    {
        // RFC 9562, Appendix A.4: the DNS namespace and "www.example.com".
        Assert.Equal(new Guid("2ed6657d-e927-568b-95e1-2665a8aea6a2"),
            CorrectionsFeed.Uuid5(new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), "www.example.com"));
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a\u0001b\u001Fc", "a\uFFFDb\uFFFDc")]
    [InlineData("tab\tand\nnewline", "tab\tand\nnewline")]
    [InlineData("pair \uD83D\uDE00 kept", "pair \uD83D\uDE00 kept")]
    [InlineData("\uFFFE", "\uFFFD")]
    public void Characters_xml_cannot_hold_are_replaced(string text, string expected) =>
        Assert.Equal(expected, CorrectionsFeed.Clean(text));

    [Fact]
    public void A_lone_surrogate_is_replaced() // built here: a theory's data would not carry it intact
    {
        var lone = "lone " + (char)0xD800 + " surrogate";
        Assert.Equal("lone \uFFFD surrogate", CorrectionsFeed.Clean(lone));
    }
}
