using ReportSite.Diagnostics;
using ReportSite.Input;
using ReportSite.Text;
using Scriban.Runtime;
using YamlDotNet.RepresentationModel;

namespace ReportSite.Templates;

/// <summary>
/// The theme's interface strings (theme/i18n/&lt;language&gt;.yml), falling back to English for any missing key,
/// so a report in a new language shows English labels rather than blanks. A report's own theme/i18n/&lt;language&gt;.yml
/// overrides the base theme's key by key. The files are read as every YAML input
/// is (positions, depth limit): a broken one is reported in the theme, not a crash.
/// </summary>
public static class UiStrings
{
    public static ScriptObject Load(InputTree theme, string language, DiagnosticBag diagnostics)
    {
        var strings = new ScriptObject();
        var english = new HashSet<string>(StringComparer.Ordinal);
        var translated = new HashSet<string>(StringComparer.Ordinal);
        string? translation = null; // the file of the report's language that was read, if any
        // Each file in every layer of the theme, the report's own theme/ last: its keys win, one by one.
        var files = new[] { "en", language.Split('-')[0], language }.Distinct(StringComparer.Ordinal)
            .SelectMany(name => theme.Layers($"i18n/{name}.yml").Select(input => (name, input)));
        foreach (var (name, input) in files)
        {
            var keys = name == "en" ? english : translated;
            if (name != "en") translation = input.Display;
            var file = input.Display;
            if (InputFiles.ReadText(input, diagnostics) is not { } text) continue;
            switch (Yaml.Parse(text, file, diagnostics))
            {
                case null:
                    break;
                case YamlMappingNode mapping:
                    foreach (var (key, value) in mapping.Children)
                    {
                        if (key is YamlScalarNode { Value: { } k } && value is YamlScalarNode { Value: { } v }) (strings[k], _) = (v, keys.Add(k));
                        else diagnostics.Error(value.At(file), DiagnosticCodes.ThemeStringsInvalid,
                            "each interface string is 'name: text' (a text, not a list or mapping)");
                    }
                    break;
                case var root:
                    diagnostics.Error(root.At(file), DiagnosticCodes.ThemeStringsInvalid,
                        "an i18n file is a mapping of interface strings (name: text)");
                    break;
            }
        }
        WarnUntranslated(theme, language, english, translated, translation, diagnostics);
        return strings;
    }

    // A label missing from the report's language shows in English: say which, so the theme can be completed.
    private static void WarnUntranslated(InputTree theme, string language, HashSet<string> english, HashSet<string> translated,
        string? translation, DiagnosticBag diagnostics)
    {
        if (language.Split('-')[0] == "en" || english.Count == 0) return;
        var missing = english.Where(k => !translated.Contains(k)).Order(StringComparer.Ordinal).ToList();
        if (missing.Count == 0) return;
        var shown = string.Join(", ", missing.Take(10)) + (missing.Count > 10 ? $" and {missing.Count - 10} more" : "");
        if (translation is null)
            diagnostics.Warning(SourceLocation.WholeFile(theme.Display($"i18n/{language}.yml")), DiagnosticCodes.UiStringsUntranslated,
                $"the theme has no interface strings for '{language}': its labels are shown in English");
        else
            diagnostics.Warning(SourceLocation.WholeFile(translation), DiagnosticCodes.UiStringsUntranslated,
                $"{missing.Count} interface string(s) missing for '{language}', shown in English: {shown}");
    }
}
