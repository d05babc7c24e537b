using ReportSite.Diagnostics;
using ReportSite.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace ReportSite.Sources;

/// <summary>
/// Reads one input/sources/*.yml file: a mapping (one record) or a sequence of mappings (several).
/// Checks everything that can be checked on a record alone; checks across records (duplicate ids,
/// part_of) and against the file system (file, sha256) are done by <see cref="SourceGraphValidator"/>
/// and <see cref="SourceFileVerifier"/>.
/// </summary>
public static class SourceRecordLoader
{
    public static IReadOnlyList<SourceRecord> Load(string text, string displayPath, DiagnosticBag diagnostics)
    {
        if (LoadListItemByItem(text, displayPath) is var (listed, found))
        {
            foreach (var diagnostic in found) diagnostics.Add(diagnostic);
            return listed;
        }
        return LoadWholeFile(text, displayPath, diagnostics);
    }

    /// <summary>The file read as one YAML document: the reference that <see cref="LoadListItemByItem"/> must match.</summary>
    internal static IReadOnlyList<SourceRecord> LoadWholeFile(string text, string displayPath, DiagnosticBag diagnostics)
    {
        var root = Yaml.Parse(text, displayPath, diagnostics);
        switch (root)
        {
            case null:
            case YamlScalarNode when root.ScalarText() is null: // an empty document ("---" alone): no records, as an empty file
                return [];
            case YamlMappingNode mapping:
                return Read(mapping, displayPath, diagnostics) is { } record ? [record] : [];
            case YamlSequenceNode sequence:
                var records = new List<SourceRecord>();
                foreach (var item in sequence) ReadItem(item, displayPath, diagnostics, records);
                return records;
            default:
                diagnostics.Error(root.At(displayPath), DiagnosticCodes.InvalidRecordShape,
                    "a sources file must hold a record (a mapping) or a list of records");
                return [];
        }
    }

    /// <summary>
    /// A collection file (a list of a thousand records) read one record at a time: each record's YAML nodes die as
    /// soon as it is read, instead of the whole file's staying alive until the last (which pushed them into the
    /// oldest GC generation: report-22k spent a third of its reading time in full collections). Null when the file
    /// is not a list, or anything at all goes wrong (invalid YAML, an alias to another record): then the whole file
    /// is read as one document, which reports exactly as before.
    /// </summary>
    private static (IReadOnlyList<SourceRecord> Records, IReadOnlyList<Diagnostic> Diagnostics)? LoadListItemByItem(string text, string file)
    {
        try
        {
            var parser = Yaml.DepthLimited(new Parser(new StringReader(text))); // too deep: read whole, reported there
            parser.Consume<StreamStart>();
            if (!parser.TryConsume<DocumentStart>(out _) || !parser.TryConsume<SequenceStart>(out _)) return null;
            var diagnostics = new DiagnosticBag(); // handed over only if the whole file reads
            var records = new List<SourceRecord>();
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                var stream = new YamlStream();
                stream.Load(new SingleNodeParser(parser));
                ReadItem(stream.Documents[0].RootNode, file, diagnostics, records);
            }
            // The rest of the file is still parsed, as a whole-file read would (a syntax error there is an error).
            while (parser.MoveNext()) { }
            return (records, diagnostics.Sorted());
        }
        catch (Exception)
        {
            return null;
        }
    }

    /// <summary>One item of a list of records: a record, or an error where it stands.</summary>
    private static void ReadItem(YamlNode item, string file, DiagnosticBag diagnostics, List<SourceRecord> records)
    {
        if (item is not YamlMappingNode mapping)
            diagnostics.Error(item.At(file), DiagnosticCodes.InvalidRecordShape,
                "each item of a sources file must be a record (a mapping with id, type, title)");
        else if (Read(mapping, file, diagnostics) is { } record)
            records.Add(record);
    }

    /// <summary>One node of a larger stream (positioned on its first event), presented as a stream of its own.</summary>
    private sealed class SingleNodeParser(IParser source) : IParser
    {
        private int _state;
        private int _depth;

        public ParsingEvent? Current { get; private set; }

        public bool MoveNext()
        {
            switch (_state)
            {
                case 0: Current = new StreamStart(); break;
                case 1: Current = new DocumentStart(); break;
                case 2: Forward(); break; // the node's first event: the source is already on it
                case 3 when _depth > 0:
                    source.MoveNext();
                    Forward();
                    return true;
                case 3:
                    source.MoveNext(); // past the node's last event
                    Current = new DocumentEnd(isImplicit: true);
                    break;
                case 4: Current = new StreamEnd(); break;
                default: Current = null; return false;
            }
            _state++;
            return true;
        }

        private void Forward()
        {
            Current = source.Current;
            _depth += Current switch { MappingStart or SequenceStart => 1, MappingEnd or SequenceEnd => -1, _ => 0 };
        }
    }

    private static SourceRecord? Read(YamlMappingNode mapping, string file, DiagnosticBag diagnostics) =>
        RecordFieldTable.Read(new YamlFields(mapping, RecordFields.Known, "source record", file, diagnostics), diagnostics);
}
