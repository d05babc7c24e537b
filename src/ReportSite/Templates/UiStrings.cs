using Scriban.Runtime;
using YamlDotNet.RepresentationModel;

namespace ReportSite.Templates;

/// <summary>
/// The theme's interface strings (theme/i18n/&lt;language&gt;.yml), falling back to English for any missing key,
/// so a report in a new language shows English labels rather than blanks.
/// </summary>
public static class UiStrings
{
    public static ScriptObject Load(string themeRoot, string language)
    {
        var strings = new ScriptObject();
        foreach (var name in new[] { "en", language.Split('-')[0], language })
        {
            var path = Path.Combine(themeRoot, "i18n", name + ".yml");
            if (!File.Exists(path)) continue;
            var stream = new YamlStream();
            stream.Load(new StringReader(File.ReadAllText(path)));
            if (stream.Documents.FirstOrDefault()?.RootNode is not YamlMappingNode mapping) continue;
            foreach (var (key, value) in mapping.Children)
                if (key is YamlScalarNode { Value: { } k } && value is YamlScalarNode { Value: { } v })
                    strings[k] = v;
        }
        return strings;
    }
}
