using ReportSite.Diagnostics;
using ReportSite.Input;
using ReportSite.Text;
using Scriban.Runtime;
using YamlDotNet.RepresentationModel;

namespace ReportSite.Templates;

/// <summary>
/// The theme's interface strings (theme/i18n/&lt;language&gt;.yml), falling back to English for any missing key,
/// so a report in a new language shows English labels rather than blanks. The files are read as every YAML input
/// is (positions, depth limit): a broken one is reported in the theme, not a crash.
/// </summary>
public static class UiStrings
{
    public static ScriptObject Load(InputTree theme, string language, DiagnosticBag diagnostics)
    {
        var strings = new ScriptObject();
        foreach (var name in new[] { "en", language.Split('-')[0], language }.Distinct(StringComparer.Ordinal))
        {
            if (theme.Find($"i18n/{name}.yml") is not { } input) continue;
            var file = input.Display;
            if (InputFiles.ReadText(input, diagnostics) is not { } text) continue;
            switch (Yaml.Parse(text, file, diagnostics))
            {
                case null:
                    break;
                case YamlMappingNode mapping:
                    foreach (var (key, value) in mapping.Children)
                    {
                        if (key is YamlScalarNode { Value: { } k } && value is YamlScalarNode { Value: { } v }) strings[k] = v;
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
        return strings;
    }
}
