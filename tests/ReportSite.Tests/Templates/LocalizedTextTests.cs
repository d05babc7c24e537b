using System.Globalization;
using AngleSharp.Html.Parser;
using ReportSite.Diagnostics;
using ReportSite.Site;
using ReportSite.Templates;
using ReportSite.Tests.Support;

namespace ReportSite.Tests.Templates;

public sealed class LocalizedTextTests
{
    [Theory]
    [InlineData("2024-03-29", "ar", "latn", "29 مارس 2024")]
    [InlineData("2024-03", "ar", "latn", "مارس 2024")]
    [InlineData("2024", "ar", "latn", "2024")]
    [InlineData("2024-03-29", "ar", "arab", "٢٩ مارس ٢٠٢٤")]
    [InlineData("2024-12-01", "ar-SY", "latn", "1 ديسمبر 2024")]
    [InlineData("2024-03-29", "en", "latn", "29 March 2024")]
    [InlineData("2024-03", "en", "latn", "March 2024")]
    [InlineData("2024", "en", "arab", "٢٠٢٤")]
    // Any other language reads English month names (a fixed table, not ICU: the same on every machine and in the
    // Native AOT binary), in its digits.
    [InlineData("2024-03-29", "fr", "latn", "29 March 2024")]
    [InlineData("2024-08", "de-CH", "latn", "August 2024")]
    [InlineData("2024-03-29", "fa", "arab", "٢٩ March ٢٠٢٤")]
    [InlineData("2024-03-29", "AR", "latn", "29 مارس 2024")]
    [InlineData("2024-02-30", "en", "latn", "2024-02-30")] // not a day of February: unchanged
    [InlineData("2024-13", "ar", "latn", "2024-13")]
    [InlineData("spring 2024", "en", "latn", "spring 2024")]
    [InlineData("", "en", "latn", "")]
    public void Dates_read_in_the_report_language_and_digits(string iso, string language, string digits, string expected) =>
        Assert.Equal(expected, LocalizedText.Date(iso, language, digits));

    [Theory]
    [InlineData(0, "latn", "0")]
    [InlineData(1234567890, "arab", "١٢٣٤٥٦٧٨٩٠")]
    [InlineData(42, "latn", "42")]
    public void Numbers_use_the_chosen_digits(long n, string digits, string expected) =>
        Assert.Equal(expected, LocalizedText.Number(n, digits));

    [Fact]
    public void Site_digits_default_to_latn_and_accept_arab()
    {
        var diagnostics = new DiagnosticBag();
        Assert.Equal("latn", SiteConfigLoader.Load("title: T\n", "site.yml", diagnostics)!.Digits);
        Assert.Equal("arab", SiteConfigLoader.Load("title: T\ndigits: arab\n", "site.yml", diagnostics)!.Digits);
        Assert.Empty(diagnostics.Sorted());
    }

    [Fact]
    public void Site_digits_other_than_latn_or_arab_is_a_located_error()
    {
        var diagnostics = new DiagnosticBag();
        var site = SiteConfigLoader.Load("title: T\ndigits: hindi\n", "site.yml", diagnostics);
        Assert.Equal("latn", site!.Digits);
        var error = Assert.Single(diagnostics.Sorted());
        Assert.Equal(DiagnosticCodes.SiteConfigInvalid, error.Code);
        Assert.Equal((2, Severity.Error), (error.Line, error.Severity));
        Assert.Contains("hindi", error.Message);
    }

    [Fact]
    public void The_theme_prints_dates_and_counts_in_arabic_indic_digits_when_asked()
    {
        using var report = new TempReport(withSite: false)
            .Write("site.yml", "title: T\nlanguage: ar\ndigits: arab\npublished: 2024-03-29\n")
            .Write("sources/a.yml", "id: a\ntype: report\ntitle: A\ndate: 2023-11\n")
            .Write("sections/01-one.md", "---\ntitle: One\n---\nA claim [@a].\n");
        var result = report.Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var cover = new HtmlParser().ParseDocument(report.ReadOutput("index.html"));
        var published = cover.QuerySelector("time[datetime='2024-03-29']")!;
        Assert.Equal("٢٩ مارس ٢٠٢٤", published.TextContent);
        var index = new HtmlParser().ParseDocument(report.ReadOutput("sources/index.html"));
        Assert.Equal("نوفمبر ٢٠٢٣", index.QuerySelector("time[datetime='2023-11']")!.TextContent);
        Assert.Equal("١", index.QuerySelector("td.number")!.TextContent.Trim());
        var section = new HtmlParser().ParseDocument(report.ReadOutput("sections/one.html"));
        Assert.Equal("القسم ١ من ١", section.QuerySelector(".section-number")!.TextContent.Trim());
        // Citation markers too; ordered lists are numbered by the stylesheet, from <html data-digits>.
        Assert.Equal("١", section.QuerySelector(".section-body a.cite")!.FirstChild!.TextContent);
        Assert.Equal("arab", section.DocumentElement.GetAttribute("data-digits"));
    }

    [Fact]
    public void A_report_in_another_language_prints_english_month_names_whatever_the_machine_culture()
    {
        // French is not in the default theme's i18n and has no month table: the cover says "29 March 2024", even when
        // the build runs under a French culture (the names are never read from CultureInfo).
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("fr-FR");
            using var report = new TempReport(withSite: false)
                .Write("site.yml", "title: T\nlanguage: fr\npublished: 2024-03-29\n")
                .Write("sources/a.yml", "id: a\ntype: report\ntitle: A\ndate: 2023-11\n")
                .Write("sections/01-one.md", "---\ntitle: One\n---\nA claim [@a].\n");
            var result = report.Build();
            Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
            var cover = new HtmlParser().ParseDocument(report.ReadOutput("index.html"));
            Assert.Equal("29 March 2024", cover.QuerySelector("time[datetime='2024-03-29']")!.TextContent);
            var index = new HtmlParser().ParseDocument(report.ReadOutput("sources/index.html"));
            Assert.Equal("November 2023", index.QuerySelector("time[datetime='2023-11']")!.TextContent);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }
}
