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
        ["title", "subtitle", "language", "direction", "authors", "author", "published", "updated", "description", "license", "base_url", "digits"];

    public static SiteConfig? Load(string text, string displayPath, DiagnosticBag diagnostics)
    {
        var root = Yaml.Parse(text, displayPath, diagnostics);
        if (root is not YamlMappingNode mapping)
        {
            if (root is not null || !diagnostics.HasErrors)
                diagnostics.Error(root is null || root.ScalarText() is null ? new SourceLocation(displayPath, 1, 1) : root.At(displayPath), DiagnosticCodes.SiteConfigInvalid,
                    "site.yml must be a mapping with at least 'title'");
            return null;
        }

        var fields = new YamlFields(mapping, Known, "site.yml", displayPath, diagnostics);
        string? Text(string key) => fields.Text(key);
        SourceLocation At(string key) => fields.At(key);

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

        var baseUrl = Text("base_url");
        if (baseUrl is not null && !RecordFields.IsWebUrl(baseUrl))
        {
            diagnostics.Error(At("base_url"), DiagnosticCodes.UnsafeUrl, $"'base_url' must be an absolute http or https URL: '{baseUrl}'");
            baseUrl = null;
        }

        var digits = Text("digits") ?? "latn";
        if (digits is not ("latn" or "arab"))
        {
            diagnostics.Error(At("digits"), DiagnosticCodes.SiteConfigInvalid, $"'digits' must be latn (0123456789) or arab (٠١٢٣٤٥٦٧٨٩), not '{digits}'");
            digits = "latn";
        }

        return new SiteConfig
        {
            Title = title ?? "",
            Subtitle = Text("subtitle"),
            Language = language,
            Direction = direction,
            Authors = fields.Names("author", "authors"),
            Published = fields.Date("published"),
            Updated = fields.Date("updated"),
            Description = Text("description"),
            License = Text("license"),
            BaseUrl = baseUrl,
            Digits = digits,
        };
    }
}
