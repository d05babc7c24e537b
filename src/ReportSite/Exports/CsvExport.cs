using System.Buffers;
using System.Text;
using ReportSite.Graph;
using ReportSite.Markdown.Citations;
using ReportSite.Sources;

namespace ReportSite.Exports;

/// <summary>
/// claims.csv and sources.csv, for spreadsheets: RFC 4180 (CRLF rows, quoted fields where needed), UTF-8 with a byte
/// order mark so Excel and LibreOffice open Arabic as Arabic. One row per claim (its citations in one cell) and one
/// per source, whose columns are the field table's rows: adding a field adds its column.
/// </summary>
public static class CsvExport
{
    /// <summary>Between the items of a list in one cell (source ids, archive URLs).</summary>
    public const string ListSeparator = "; ";

    public static readonly IReadOnlyList<string> ClaimColumns =
        ["id", "section", "text", "url", "support", "origins", "sources", "citations"];

    /// <summary>The field table's keys, the build's facts about local copies (as in sources.json), page, cited_by.</summary>
    public static IReadOnlyList<string> SourceColumns { get; } =
    [
        .. RecordFieldTable.Fields.Select(f => f.Key),
        .. RecordFieldTable.Fields.Where(f => f.Hashed is not null).SelectMany(f => new[] { f.Key + "_sha256", f.Key + "_size", f.Key + "_media_type" }),
        "page", "cited_by_count", "cited_by",
    ];

    public static void WriteClaims(ReportGraph graph, IBufferWriter<byte> output)
    {
        var csv = new CsvWriter(output);
        csv.Row(ClaimColumns);
        foreach (var claim in graph.Claims)
        {
            var measure = graph.Measures[claim];
            csv.Row([
                claim.Id, claim.SectionSlug, claim.Text, claim.Url, YamlEnum<ClaimSupport>.Yaml(measure.Support),
                measure.Origins.ToString(System.Globalization.CultureInfo.InvariantCulture),
                string.Join(ListSeparator, claim.Citations.Select(c => c.SourceId).Distinct(StringComparer.Ordinal)),
                // Each citation as Pandoc writes it, in order: "id" or "id, locator".
                string.Join(ListSeparator, claim.Citations.Select(c => c.Locator is null ? c.SourceId : c.SourceId + ", " + c.Locator)),
            ]);
        }
    }

    public static void WriteSources(ReportGraph graph, IBufferWriter<byte> output)
    {
        var csv = new CsvWriter(output);
        csv.Row(SourceColumns);
        var hashed = RecordFieldTable.Fields.Where(f => f.Hashed is not null).ToList();
        var row = new List<string?>(SourceColumns.Count);
        foreach (var source in graph.Sources)
        {
            row.Clear();
            foreach (var field in RecordFieldTable.Fields) row.Add(Text(field.Export(source)));
            foreach (var field in hashed)
            {
                var copy = field.Hashed!(source);
                row.Add(copy?.Sha256);
                row.Add(copy?.Size.ToString(System.Globalization.CultureInfo.InvariantCulture));
                row.Add(copy?.MediaType);
            }
            var citedBy = graph.CitedBy(source.Id);
            row.Add("sources/" + source.PageName);
            row.Add(citedBy.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            row.Add(string.Join(ListSeparator, citedBy.Select(c => c.Id)));
            csv.Row(row);
        }
    }

    /// <summary>A field's exported value (see <see cref="RecordField.Export"/>) as one cell's text; empty when unknown.</summary>
    public static string? Text(object? value) => value switch
    {
        null => null,
        IReadOnlyList<string> list => string.Join(ListSeparator, list),
        _ => ExportedText.Scalar(value) ?? throw new InvalidOperationException($"no CSV form for a value of type {value.GetType().Name}"),
    };
}

/// <summary>
/// Rows of RFC 4180 CSV into a buffer, the byte order mark first. A field is quoted when it holds a quote, comma,
/// CR or LF (quotes doubled). A text that a spreadsheet would run as a formula (it starts with = + - @, a tab or a
/// CR) gets a leading apostrophe, as OWASP advises: a record's title must never become a live formula.
/// </summary>
public sealed class CsvWriter
{
    private readonly IBufferWriter<byte> _output;
    private readonly StringBuilder _line = new();

    public CsvWriter(IBufferWriter<byte> output)
    {
        _output = output;
        _output.Write(Encoding.UTF8.Preamble);
    }

    public void Row(IEnumerable<string?> fields)
    {
        _line.Clear();
        var first = true;
        foreach (var field in fields)
        {
            if (!first) _line.Append(',');
            first = false;
            AppendField(_line, field ?? "");
        }
        _line.Append("\r\n");
        Encoding.UTF8.GetBytes(_line.ToString(), _output);
    }

    /// <summary>Whether a spreadsheet would read the cell as a formula (or DDE command).</summary>
    public static bool LooksLikeFormula(string field) => field.Length > 0 && field[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    private static void AppendField(StringBuilder line, string field)
    {
        if (LooksLikeFormula(field)) field = "'" + field;
        if (field.AsSpan().IndexOfAny("\",\r\n") < 0)
        {
            line.Append(field);
            return;
        }
        line.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
