using ReportSite.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace ReportSite.Text;

/// <summary>
/// YAML parsing that keeps positions: records are read through YamlDotNet's representation model, so every
/// diagnostic can point at the exact line and column of the offending key or value.
/// </summary>
public static class Yaml
{
    /// <summary>Parses one YAML document. <paramref name="lineOffset"/> shifts positions for YAML embedded in a larger file (front matter).</summary>
    public static YamlNode? Parse(string text, string displayPath, DiagnosticBag diagnostics, int lineOffset = 0) =>
        TryParse(text, displayPath, diagnostics, out var root, lineOffset) ? root : null;

    /// <summary>False when the YAML is invalid (reported as RS0002); true with a null root for an empty document.</summary>
    public static bool TryParse(string text, string displayPath, DiagnosticBag diagnostics, out YamlNode? root, int lineOffset = 0)
    {
        root = null;
        try
        {
            var stream = new YamlStream();
            stream.Load(DepthLimited(new Parser(new StringReader(text))));
            root = stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
            return true;
        }
        catch (TooDeepException error)
        {
            diagnostics.Error(new SourceLocation(displayPath, (int)error.Start.Line + lineOffset, (int)error.Start.Column),
                DiagnosticCodes.YamlTooDeep, error.Message);
            return false;
        }
        catch (Exception error) when (error is YamlException or InvalidOperationException or ArgumentException)
        {
            // YamlDotNet also throws plain InvalidOperationException/ArgumentException on some malformed input
            // ("authors: [Smith,\nJones]"); without a position, the error is placed at the end of the text.
            var message = Clean((error.InnerException?.Message ?? error.Message).Trim());
            var lines = new LineMap(text);
            var (line, column) = error is YamlException yaml
                ? ((int)yaml.Start.Line, (int)yaml.Start.Column)
                : lines.At(text.TrimEnd().Length);
            // A mark past the last line (an error at the end of a file without a final newline) goes to the end of the last line.
            if (line > lines.LineCount || (line == lines.LineCount + 1 && column == 1)) (line, column) = lines.At(text.Length);
            // YamlDotNet places tab errors at the scalar before the tab; authors need the tab itself.
            if (message.Contains("tab", StringComparison.OrdinalIgnoreCase) && IndentationTab(text, line) is { } tab)
            {
                (line, column) = tab;
                message += " (YAML does not allow tabs for indentation: use spaces)";
            }
            diagnostics.Error(new SourceLocation(displayPath, line + lineOffset, column), DiagnosticCodes.YamlSyntax, $"invalid YAML: {message}");
            return false;
        }
    }

    /// <summary>How deep lists and mappings may nest: far more than any record needs, far less than the stack holds.</summary>
    public const int MaxDepth = 64;

    /// <summary>
    /// <paramref name="parser"/>, refusing lists and mappings nested past <see cref="MaxDepth"/>: YamlDotNet builds
    /// nodes recursively, and 100,000 nested "[" overflow the stack, which cannot be caught. Every YAML read goes through this.
    /// </summary>
    public static IParser DepthLimited(IParser parser) => new DepthLimitedParser(parser);

    private sealed class DepthLimitedParser(IParser source) : IParser
    {
        private int _depth;

        public ParsingEvent? Current => source.Current;

        public bool MoveNext()
        {
            if (!source.MoveNext()) return false;
            switch (source.Current)
            {
                case MappingStart or SequenceStart when ++_depth > MaxDepth:
                    throw new TooDeepException(source.Current.Start, source.Current.End);
                case MappingEnd or SequenceEnd:
                    _depth--;
                    break;
            }
            return true;
        }
    }

    private sealed class TooDeepException(Mark start, Mark end)
        : YamlException(start, end, $"lists and mappings are nested more than {MaxDepth} deep: flatten them");

    public static SourceLocation At(this YamlNode node, string displayPath, int lineOffset = 0) =>
        new(displayPath, (int)node.Start.Line + lineOffset, (int)node.Start.Column);

    /// <summary>The scalar's text, or null when the node is not a scalar (or is YAML null / empty).</summary>
    public static string? ScalarText(this YamlNode node) =>
        node is YamlScalarNode { Value: { } value } scalar
        && !(scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && value is "~" or "null" or "")
            ? value
            : null;

    /// <summary>The first tab in a line's leading whitespace, from line <paramref name="fromLine"/> on (1-based).</summary>
    private static (int Line, int Column)? IndentationTab(string text, int fromLine)
    {
        var lines = text.Split('\n');
        for (var i = Math.Max(0, fromLine - 1); i < lines.Length; i++)
        {
            for (var c = 0; c < lines[i].Length && char.IsWhiteSpace(lines[i][c]); c++)
                if (lines[i][c] == '\t') return (i + 1, c + 1);
        }
        return null;
    }

    // YamlDotNet messages start with "(Line: 3, Col: 5, Idx: 20) - (…): "; the position is already in the diagnostic.
    private static string Clean(string message)
    {
        var marker = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line:", StringComparison.Ordinal) && marker > 0 ? message[(marker + 3)..] : message;
    }
}
