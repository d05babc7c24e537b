using System.Buffers;
using System.Text;
using ReportSite.Graph;
using ReportSite.Sources;

namespace ReportSite.Exports;

/// <summary>
/// sources.bib: every source record as a BibLaTeX entry (UTF-8, for biber), keyed by the record id. Entry types come
/// from <see cref="SourceTypeExports"/>, fields from the field table's <see cref="RecordField.BibLatex"/> column.
/// Every value is written so the file stays well-formed whatever a record holds: LaTeX's special characters become
/// commands, line breaks become spaces, and URLs, which biber reads verbatim, are percent-encoded instead. BibTeX
/// parsers count braces even after a backslash, so <c>\{</c> and <c>\}</c> are written only when a value's braces pair
/// up; a value with an unpaired one gets <c>\textbraceleft{}</c> and <c>\textbraceright{}</c> (which Pandoc's BibLaTeX
/// reader drops, but biber and LaTeX print).
/// </summary>
public static class BibLatexExport
{
    public static void Write(ReportGraph graph, IBufferWriter<byte> output)
    {
        var entry = new StringBuilder();
        foreach (var source in graph.Sources)
        {
            entry.Clear();
            entry.Append('@').Append(source.Type.BibLatex()).Append('{').Append(source.Id).Append(",\n");
            foreach (var field in RecordFieldTable.Fields)
                if (field.BibLatex is { } name && Value(graph, field, field.Export(source)) is { } value)
                    entry.Append("  ").Append(name).Append(" = {").Append(value).Append("},\n");
            entry.Append("}\n\n");
            // One string per entry, not per chunk: a chunk may end inside a surrogate pair.
            Encoding.UTF8.GetBytes(entry.ToString(), output);
        }
    }

    /// <summary>A field's value by its kind, ready to go between braces; null leaves the field out.</summary>
    private static string? Value(ReportGraph graph, RecordField field, object? value) => value switch
    {
        null => null,
        // xref: the parent's key (a record id, safe as it is), without inheriting its fields.
        string id when field.Kind == FieldKind.SourceId => graph.SourcesById.ContainsKey(id) ? id : null,
        string url when field.Kind is FieldKind.WebUrl => Url(url),
        string text => Text(text),
        PartialDate date => date.Iso,
        IReadOnlyList<string> names when field.Kind == FieldKind.Names =>
            names.Count == 0 ? null : string.Join(" and ", names.Select(Name)),
        _ => throw new InvalidOperationException($"no BibLaTeX form for field '{field.Key}' ({field.Kind}, {value.GetType().Name})"),
    };

    /// <summary>"Family, Given" for a clear Latin name; anything else in braces, so biber reads it as one name.</summary>
    private static string Name(string name) =>
        PersonName.Parse(name) is { Literal: null } person ? $"{Text(person.Family!)}, {Text(person.Given!)}" : "{" + Text(name) + "}";

    /// <summary>Text as LaTeX reads it back: special characters as commands, whitespace runs as one space.</summary>
    public static string Text(string text)
    {
        var latex = new StringBuilder(text.Length + 8);
        var paired = BracesPair(text);
        var space = false;
        foreach (var c in text.Trim())
        {
            if (char.IsWhiteSpace(c)) { space = true; continue; }
            if (char.IsControl(c)) continue;
            if (space) latex.Append(' ');
            space = false;
            latex.Append(c switch
            {
                '\\' => @"\textbackslash{}",
                '{' => paired ? @"\{" : @"\textbraceleft{}",
                '}' => paired ? @"\}" : @"\textbraceright{}",
                '^' => @"\textasciicircum{}",
                '~' => @"\textasciitilde{}",
                '%' or '#' or '&' or '$' or '_' => "\\" + c,
                _ => c.ToString(),
            });
        }
        return latex.ToString();
    }

    /// <summary>Whether every '}' closes a '{' before it and every '{' is closed: then <c>\{ \}</c> keep the entry balanced.</summary>
    private static bool BracesPair(string text)
    {
        var depth = 0;
        foreach (var c in text)
            if (c == '{') depth++;
            else if (c == '}' && --depth < 0) return false;
        return depth == 0;
    }

    /// <summary>A URL as biber reads it (verbatim): only what would break the entry is percent-encoded.</summary>
    private static string Url(string url)
    {
        var safe = new StringBuilder(url.Length);
        foreach (var c in url)
            safe.Append(c is '{' or '}' or '\\' || char.IsWhiteSpace(c) || char.IsControl(c) ? $"%{(int)c:X2}" : c.ToString());
        return safe.ToString();
    }
}
