using ReportSite.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ReportSite.Text;

/// <summary>
/// YAML parsing that keeps positions: records are read through YamlDotNet's representation model, so every
/// diagnostic can point at the exact line and column of the offending key or value.
/// </summary>
public static class Yaml
{
    /// <summary>Parses one YAML document. <paramref name="lineOffset"/> shifts positions for YAML embedded in a larger file (front matter).</summary>
    public static YamlNode? Parse(string text, string displayPath, DiagnosticBag diagnostics, int lineOffset = 0)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        }
        catch (YamlException error)
        {
            var message = (error.InnerException?.Message ?? error.Message).Trim();
            if (text.Contains('\t')) message += " (YAML does not allow tabs for indentation)";
            diagnostics.Error(new SourceLocation(displayPath, (int)error.Start.Line + lineOffset, (int)error.Start.Column),
                DiagnosticCodes.YamlSyntax, $"invalid YAML: {Clean(message)}");
            return null;
        }
    }

    public static SourceLocation At(this YamlNode node, string displayPath, int lineOffset = 0) =>
        new(displayPath, (int)node.Start.Line + lineOffset, (int)node.Start.Column);

    /// <summary>The scalar's text, or null when the node is not a scalar (or is YAML null / empty).</summary>
    public static string? ScalarText(this YamlNode node) =>
        node is YamlScalarNode { Value: { } value } scalar
        && !(scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && value is "~" or "null" or "")
            ? value
            : null;

    // YamlDotNet messages start with "(Line: 3, Col: 5, Idx: 20) - (…): "; the position is already in the diagnostic.
    private static string Clean(string message)
    {
        var marker = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line:", StringComparison.Ordinal) && marker > 0 ? message[(marker + 3)..] : message;
    }
}
