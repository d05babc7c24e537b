using ReportSite.Sources;
using ReportSite.Tests.Support;

namespace ReportSite.Tests.Properties;

/// <summary>
/// docs/authoring.md's record example lists exactly the fields of <see cref="RecordFieldTable"/>, in its order, each with
/// the table's docs text as its comment: the field list cannot drift from what the loader reads.
/// </summary>
public sealed class RecordFieldDocTests
{
    [Fact]
    public void Authoring_md_lists_every_record_field_in_the_tables_order_with_its_docs()
    {
        var documented = DocumentedFields();
        var expected = RecordFieldTable.Fields.Select(f => (f.Key, Normalise(f.Docs))).ToList();
        Assert.True(expected.SequenceEqual(documented),
            "docs/authoring.md's record block differs from RecordFieldTable; it should read (key: example  # docs):\n" +
            string.Join("\n", expected.Select(f => $"{f.Key}: …  # {f.Item2}")));
    }

    [Fact]
    public void The_docs_block_is_read_with_wrapped_comments_and_a_field_missing_from_it_would_be_seen()
    {
        var documented = DocumentedFields();
        // "type" wraps its list of values onto a continuation line: read as one comment.
        Assert.Contains(documented, f => f.Key == "type" && f.Docs.EndsWith("collection | other", StringComparison.Ordinal));
        Assert.False(RecordFieldTable.Fields.Skip(1).Select(f => (f.Key, Normalise(f.Docs))).SequenceEqual(documented));
    }

    [Fact]
    public void Authoring_md_lists_how_every_exported_field_and_type_maps_to_csl_and_biblatex()
    {
        static string Cell(string? name) => name is null ? "—" : $"`{name}`";
        var expected = RecordFieldTable.Fields.Where(f => f.Csl is not null || f.BibLatex is not null)
            .Select(f => $"| `{f.Key}` | {Cell(f.Csl)} | {Cell(f.BibLatex)} |")
            .Concat(YamlEnum<SourceType>.Values.Select(t => $"| `{t.Yaml()}` | {Cell(t.Csl())} | {Cell(t.BibLatex())} |"))
            .ToList();
        var doc = File.ReadAllText(Path.Combine(Repo.Root, "docs", "authoring.md"));
        var section = doc[doc.IndexOf("### How records export", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", StringComparison.Ordinal)];
        var rows = section.Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal)).ToList();
        Assert.True(expected.SequenceEqual(rows),
            "docs/authoring.md's 'How records export' tables differ from RecordFieldTable and SourceTypeExports; they should read:\n" +
            string.Join("\n", expected));
    }

    private static List<(string Key, string Docs)> DocumentedFields()
    {
        var doc = File.ReadAllText(Path.Combine(Repo.Root, "docs", "authoring.md"));
        var section = doc[doc.IndexOf("## Source records", StringComparison.Ordinal)..];
        var block = section[(section.IndexOf("```yaml\n", StringComparison.Ordinal) + "```yaml\n".Length)..];
        block = block[..block.IndexOf("```", StringComparison.Ordinal)];
        var fields = new List<(string Key, string Docs)>();
        foreach (var line in block.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var hash = line.IndexOf(" #", StringComparison.Ordinal);
            var code = hash < 0 ? line : line[..hash];
            var comment = hash < 0 ? "" : line[(hash + 2)..];
            if (code.Trim().Length == 0) fields[^1] = (fields[^1].Key, Normalise(fields[^1].Docs + " " + comment)); // a wrapped comment
            else fields.Add((code[..code.IndexOf(':')].Trim(), Normalise(comment)));
        }
        return fields;
    }

    private static string Normalise(string text) => string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
