using System.Buffers;
using System.Text;
using System.Text.Json;
using CsCheck;
using Microsoft.VisualBasic.FileIO;
using ReportSite.Exports;
using ReportSite.Tests.Support;

namespace ReportSite.Tests.EndToEnd;

/// <summary>
/// claims.csv and sources.csv as a spreadsheet reads them: read back with .NET's own RFC 4180 reader
/// (<see cref="TextFieldParser"/>), they hold what claims.json and sources.json hold; hostile values stay one cell
/// and never become a formula.
/// </summary>
public sealed class CsvExportTests(SampleSiteFixture site) : IClassFixture<SampleSiteFixture>
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>The rows of a CSV file; the byte order mark must come first, and every row end with CRLF.</summary>
    private static List<string[]> Read(byte[] bytes)
    {
        Assert.Equal(Bom, bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        using var parser = new TextFieldParser(new StringReader(text)) { HasFieldsEnclosedInQuotes = true, TrimWhiteSpace = false };
        parser.SetDelimiters(",");
        var rows = new List<string[]>();
        while (!parser.EndOfData) rows.Add(parser.ReadFields()!);
        return rows;
    }

    private List<Dictionary<string, string>> Table(string name)
    {
        var rows = Read(File.ReadAllBytes(Path.Combine(site.Site, name)));
        var header = rows[0];
        Assert.All(rows, row => Assert.Equal(header.Length, row.Length));
        return [.. rows.Skip(1).Select(row => header.Zip(row).ToDictionary(p => p.First, p => p.Second))];
    }

    /// <summary>What a cell holds for a JSON value: formula-like text carries its leading apostrophe.</summary>
    private static string Cell(JsonElement value)
    {
        var text = Text(value);
        return CsvWriter.LooksLikeFormula(text) ? "'" + text : text;
    }

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => "",
        JsonValueKind.Array => string.Join(CsvExport.ListSeparator, value.EnumerateArray().Select(v => v.GetString())),
        JsonValueKind.Number => value.GetRawText(),
        _ => value.GetString()!,
    };

    [Fact]
    public void Claims_csv_has_a_row_per_claim_agreeing_with_claims_json()
    {
        var rows = Table("claims.csv");
        var claims = site.Json("claims.json").GetProperty("claims").EnumerateArray().ToList();
        Assert.Equal(claims.Count, rows.Count);
        Assert.True(rows.Count > 10);
        foreach (var (row, claim) in rows.Zip(claims))
        {
            foreach (var key in new[] { "id", "section", "text", "url", "support", "origins" })
                Assert.Equal(Cell(claim.GetProperty(key)), row[key]);
            var citations = claim.GetProperty("citations").EnumerateArray().ToList();
            Assert.Equal(citations.Select(c => c.GetProperty("source").GetString()).Distinct(), row["sources"].Split(CsvExport.ListSeparator));
            Assert.Equal(citations.Count, row["citations"].Split(CsvExport.ListSeparator).Length);
        }
        // Arabic text survives the round trip unchanged (the byte order mark tells spreadsheets it is UTF-8).
        Assert.Contains(rows, r => r["text"].Any(c => c is >= '\u0600' and <= '\u06FF'));
    }

    [Fact]
    public void Sources_csv_has_a_column_per_field_and_a_row_per_source_agreeing_with_sources_json()
    {
        var rows = Table("sources.csv");
        var sources = site.Json("sources.json").GetProperty("sources").EnumerateArray().ToList();
        Assert.Equal(sources.Count, rows.Count);
        Assert.Equal(CsvExport.SourceColumns, Read(File.ReadAllBytes(Path.Combine(site.Site, "sources.csv")))[0]);
        foreach (var (row, source) in rows.Zip(sources))
        {
            foreach (var column in CsvExport.SourceColumns.Where(c => c is not ("cited_by_count" or "cited_by")))
                Assert.Equal(Cell(source.GetProperty(column)), row[column]);
            var citedBy = source.GetProperty("cited_by").EnumerateArray().Select(c => c.GetString()!).ToList();
            Assert.Equal(citedBy.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), row["cited_by_count"]);
            Assert.Equal(string.Join(CsvExport.ListSeparator, citedBy), row["cited_by"]);
        }
        Assert.Contains(rows, r => r["file_sha256"].Length == 64);
    }

    [Fact]
    public void Hostile_record_values_stay_one_cell_and_never_become_a_formula()
    {
        using var report = new TempReport()
            .Write("sources/formula.yml", """
                id: formula
                type: article
                title: '=HYPERLINK("https://evil.example","click")'
                publisher: '+cmd|'' /C calc''!A0'
                description: "line one\nline two, with a comma and a \"quote\""
                quote: '@SUM(1+1)'
                """)
            .Write("sections/01-one.md", "---\ntitle: One\n---\n-1 is a number [@formula].\n");
        Assert.True(report.Build().Succeeded);
        var rows = Read(File.ReadAllBytes(Path.Combine(report.Output, "sources.csv")));
        var row = rows[0].Zip(rows[1]).ToDictionary(p => p.First, p => p.Second);
        Assert.Equal("'=HYPERLINK(\"https://evil.example\",\"click\")", row["title"]);
        Assert.Equal("'+cmd|' /C calc'!A0", row["publisher"]);
        Assert.Equal("line one\nline two, with a comma and a \"quote\"", row["description"]);
        Assert.Equal("'@SUM(1+1)", row["quote"]);
        var claims = Read(File.ReadAllBytes(Path.Combine(report.Output, "claims.csv")));
        Assert.Equal("'-1 is a number", claims[1][Array.IndexOf(claims[0], "text")]);
    }

    [Fact]
    public void Any_text_round_trips_through_an_RFC_4180_reader_and_only_formula_starts_change()
    {
        Gen.String[Gen.Char[" ,\"\r\n=+-@\tab\u0627\u200F"], 0, 12].Array[1, 5].Sample(cells =>
        {
            var buffer = new ArrayBufferWriter<byte>();
            var csv = new CsvWriter(buffer);
            csv.Row(cells);
            csv.Row(["end"]);
            var rows = ReadRaw(buffer.WrittenSpan.ToArray());
            Assert.Equal(2, rows.Count);
            Assert.Equal(cells.Select(c => CsvWriter.LooksLikeFormula(c) ? "'" + c : c), rows[0]);
            Assert.Equal(["end"], rows[1]);
        }, iter: 2000);
    }

    /// <summary>A strict RFC 4180 reader (TextFieldParser drops empty lines and trims CR, which a property test must not
    /// forgive): quoted fields, doubled quotes, CRLF row ends only.</summary>
    private static List<string[]> ReadRaw(byte[] bytes)
    {
        Assert.Equal(Bom, bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '"')
            {
                for (i++; ; i++)
                {
                    if (text[i] != '"') { field.Append(text[i]); continue; }
                    if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; continue; }
                    i++;
                    break;
                }
            }
            else
            {
                while (i < text.Length && text[i] is not (',' or '\r'))
                {
                    Assert.NotEqual('"', text[i]);
                    Assert.NotEqual('\n', text[i]);
                    field.Append(text[i++]);
                }
            }
            row.Add(field.ToString());
            field.Clear();
            if (text[i] == ',') { i++; continue; }
            Assert.Equal("\r\n", text.Substring(i, 2));
            i += 2;
            rows.Add([.. row]);
            row.Clear();
        }
        return rows;
    }
}
