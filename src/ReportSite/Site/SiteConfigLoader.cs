using ReportSite.Diagnostics;
using ReportSite.Sources;
using ReportSite.Text;
using YamlDotNet.RepresentationModel;

namespace ReportSite.Site;

public static partial class SiteConfigLoader
{
    // BCP 47 shape: a 2–3 letter primary language (or 4–8 registered), then subtags (script, region, variants).
    [System.Text.RegularExpressions.GeneratedRegex(@"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$|^[A-Za-z]{4,8}$")]
    private static partial System.Text.RegularExpressions.Regex LanguageTag();

    public static readonly IReadOnlyList<string> Known =
        ["title", "subtitle", "language", "direction", "authors", "author", "published", "updated", "description", "license", "base_url"];

    public static SiteConfig? Load(string text, string displayPath, DiagnosticBag diagnostics)
    {
        var root = Yaml.Parse(text, displayPath, diagnostics);
        if (root is not YamlMappingNode mapping)
        {
            if (root is not null || !diagnostics.HasErrors)
                diagnostics.Error(root?.At(displayPath) ?? new SourceLocation(displayPath, 1, 1), DiagnosticCodes.SiteConfigInvalid,
                    "site.yml must be a mapping with at least 'title'");
            return null;
        }

        var values = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (key, value) in mapping.Children)
        {
            var name = key.ScalarText() ?? "";
            if (Known.Contains(name)) values[name] = value;
            else diagnostics.Warning(key.At(displayPath), DiagnosticCodes.UnknownField,
                $"unknown field '{name}' in site.yml{Suggestions.Hint(name, Known)}");
        }

        string? Text(string key) => values.TryGetValue(key, out var node) ? node.ScalarText()?.Trim() : null;
        SourceLocation At(string key) => values.TryGetValue(key, out var node) ? node.At(displayPath) : mapping.At(displayPath);

        var title = Text("title");
        if (string.IsNullOrEmpty(title))
            diagnostics.Error(At("title"), DiagnosticCodes.SiteConfigInvalid, "site.yml has no 'title' (required)");

        var language = Text("language") ?? "en";
        if (!LanguageTag().IsMatch(language))
        {
            diagnostics.Error(At("language"), DiagnosticCodes.SiteConfigInvalid, $"'language' is not a BCP 47 language tag: '{language}' (e.g. ar, en, fr-CA)");
            language = "en";
        }

        var direction = Text("direction") ?? SiteConfig.DirectionOf(language);
        if (direction is not ("rtl" or "ltr"))
            diagnostics.Error(At("direction"), DiagnosticCodes.SiteConfigInvalid, $"'direction' must be rtl or ltr, not '{direction}'");

        string? Date(string key)
        {
            var value = Text(key);
            if (value is not null && !RecordFields.IsValidDate(value))
                diagnostics.Error(At(key), DiagnosticCodes.InvalidDate, $"'{key}' is not an ISO 8601 date: '{value}'");
            return value;
        }

        var baseUrl = Text("base_url");
        if (baseUrl is not null && !RecordFields.IsWebUrl(baseUrl))
        {
            diagnostics.Error(At("base_url"), DiagnosticCodes.UnsafeUrl, $"'base_url' must be an absolute http or https URL: '{baseUrl}'");
            baseUrl = null;
        }

        var authors = new List<string>();
        foreach (var key in new[] { "author", "authors" })
            if (values.TryGetValue(key, out var node))
                authors.AddRange((node is YamlSequenceNode list ? list.Children : [node])
                    .Select(n => n.ScalarText()?.Trim()).OfType<string>().Where(s => s.Length > 0));

        return new SiteConfig
        {
            Title = title ?? "",
            Subtitle = Text("subtitle"),
            Language = language,
            Direction = direction,
            Authors = authors,
            Published = Date("published"),
            Updated = Date("updated"),
            Description = Text("description"),
            License = Text("license"),
            BaseUrl = baseUrl,
        };
    }
}
