using System.Buffers;
using System.Text.Json;
using ReportSite.Graph;
using ReportSite.Sources;

namespace ReportSite.Exports;

/// <summary>
/// sources.csl.json: every source record as CSL-JSON (CSL 1.0.2), for Pandoc's citeproc, citeproc-js, Zotero.
/// Which field becomes which CSL variable is the field table's <see cref="RecordField.Csl"/> column, and the type
/// <see cref="SourceTypeExports"/>; values are written by the field's kind (names as name objects, dates as
/// date-parts to their precision, a parent id as its title). Only standard variables: ReportSite's own data
/// (verification, custody, derived_from) is in sources.json.
/// </summary>
public static class CslJsonExport
{
    public static void Write(ReportGraph graph, IBufferWriter<byte> output)
    {
        using var json = new Utf8JsonWriter(output, GraphExports.Options);
        json.WriteStartArray();
        foreach (var source in graph.Sources)
        {
            json.WriteStartObject();
            foreach (var field in RecordFieldTable.Fields)
                if (field.Csl is { } variable) WriteVariable(json, graph, field, variable, field.Export(source));
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    /// <summary>One variable by the field's kind; left out when the record has no value (CSL has no null).</summary>
    private static void WriteVariable(Utf8JsonWriter json, ReportGraph graph, RecordField field, string variable, object? value)
    {
        switch (value)
        {
            case null: break;
            case string id when field.Kind == FieldKind.SourceId:
                // part_of names a record; CSL wants the title of the container.
                if (graph.SourcesById.TryGetValue(id, out var parent)) json.WriteString(variable, parent.Title);
                break;
            case string text: json.WriteString(variable, text); break;
            case SourceType type: json.WriteString(variable, type.Csl()); break;
            case PartialDate date:
                json.WriteStartObject(variable);
                json.WriteStartArray("date-parts");
                json.WriteStartArray();
                json.WriteNumberValue(date.Year);
                if (date.Month is { } month) json.WriteNumberValue(month);
                if (date.Day is { } day) json.WriteNumberValue(day);
                json.WriteEndArray();
                json.WriteEndArray();
                json.WriteEndObject();
                break;
            case IReadOnlyList<string> names when field.Kind == FieldKind.Names:
                if (names.Count == 0) break;
                json.WriteStartArray(variable);
                foreach (var name in names.Select(PersonName.Parse))
                {
                    json.WriteStartObject();
                    if (name.Literal is { } literal) json.WriteString("literal", literal);
                    else
                    {
                        json.WriteString("family", name.Family);
                        json.WriteString("given", name.Given);
                    }
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                break;
            default: throw new InvalidOperationException($"no CSL form for field '{field.Key}' ({field.Kind}, {value.GetType().Name})");
        }
    }
}
