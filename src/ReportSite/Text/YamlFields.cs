using ReportSite.Diagnostics;
using ReportSite.Sources;
using YamlDotNet.RepresentationModel;

namespace ReportSite.Text;

/// <summary>
/// The known fields of one YAML mapping (a source record, site.yml, a section's front matter), read with their
/// positions. Unknown keys are reported once, here (RS0213, with the closest known name), and every value is
/// checked for shape the same way in all three places.
/// </summary>
public sealed class YamlFields
{
    private readonly Dictionary<string, YamlNode> _values = new(StringComparer.Ordinal);
    private readonly string _file;
    private readonly int _lineOffset;
    private readonly DiagnosticBag _diagnostics;

    /// <param name="where">How messages name the mapping: "source record", "site.yml", "front matter".</param>
    public YamlFields(YamlMappingNode mapping, IReadOnlyList<string> known, string where, string file, DiagnosticBag diagnostics, int lineOffset = 0)
    {
        _file = file;
        _lineOffset = lineOffset;
        _diagnostics = diagnostics;
        Start = mapping.At(file, lineOffset);
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var key = keyNode.ScalarText() ?? "";
            if (known.Contains(key)) _values[key] = valueNode;
            else diagnostics.Warning(keyNode.At(file, lineOffset), DiagnosticCodes.UnknownField,
                $"unknown field '{key}' in {where}{Suggestions.Hint(key, known)}");
        }
    }

    /// <summary>Where the mapping starts.</summary>
    public SourceLocation Start { get; }

    public bool Has(string key) => _values.ContainsKey(key);

    /// <summary>Where the key's value is, or the mapping's start when the key is absent.</summary>
    public SourceLocation At(string key) => _values.TryGetValue(key, out var node) ? node.At(_file, _lineOffset) : Start;

    /// <summary>Where each present field's value is.</summary>
    public IReadOnlyDictionary<string, SourceLocation> Locations() =>
        _values.ToDictionary(v => v.Key, v => v.Value.At(_file, _lineOffset), StringComparer.Ordinal);

    /// <summary>The trimmed value, or null when absent or empty. A list or mapping where one value belongs is RS0216.</summary>
    public string? Text(string key)
    {
        if (!_values.TryGetValue(key, out var node)) return null;
        if (node is YamlScalarNode) return node.ScalarText()?.Trim() is { Length: > 0 } value ? value : null;
        _diagnostics.Error(At(key), DiagnosticCodes.InvalidRecordShape, $"'{key}' must be a single value, not a list or mapping");
        return null;
    }

    /// <summary>True when the key is present with a list or mapping (already reported by <see cref="Text"/>).</summary>
    public bool IsMisshapen(string key) => _values.TryGetValue(key, out var node) && node is not YamlScalarNode;

    /// <summary>An ISO 8601 date at year, month or day precision (RS0205 otherwise).</summary>
    public string? Date(string key)
    {
        var value = Text(key);
        if (value is not null && !RecordFields.IsValidDate(value))
            _diagnostics.Error(At(key), DiagnosticCodes.InvalidDate,
                $"'{key}' is not an ISO 8601 date: '{value}' (use YYYY, YYYY-MM or YYYY-MM-DD)");
        return value;
    }

    /// <summary>Names from keys that each take one name or a list of names ("author", "authors").</summary>
    public IReadOnlyList<string> Names(params string[] keys)
    {
        var names = new List<string>();
        foreach (var key in keys)
        {
            if (!_values.TryGetValue(key, out var node)) continue;
            IEnumerable<YamlNode> items = node is YamlSequenceNode sequence ? sequence.Children : [node];
            foreach (var item in items)
            {
                if (item.ScalarText()?.Trim() is { Length: > 0 } name) names.Add(name);
                else if (item is not YamlScalarNode)
                    _diagnostics.Error(item.At(_file, _lineOffset), DiagnosticCodes.InvalidRecordShape, $"each of '{key}' must be a name");
            }
        }
        return names;
    }
}
