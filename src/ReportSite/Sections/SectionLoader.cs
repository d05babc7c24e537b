using System.Globalization;
using System.Text.RegularExpressions;
using ReportSite.Diagnostics;
using ReportSite.Text;
using YamlDotNet.RepresentationModel;

namespace ReportSite.Sections;

/// <summary>Splits a section file into YAML front matter and Markdown, and reads title, order, slug and summary.</summary>
public static partial class SectionLoader
{
    public static readonly IReadOnlyList<string> Known = ["title", "order", "slug", "summary"];

    public static Section? Load(string text, string relativePath, string displayPath, DiagnosticBag diagnostics)
    {
        var fileName = Path.GetFileNameWithoutExtension(relativePath);
        var prefix = NumericPrefix().Match(fileName);
        var slug = prefix.Success ? fileName[prefix.Length..] : fileName;
        double? order = prefix.Success ? ParseNumber(prefix.Groups[1].Value) : null;

        var lines = text.Split('\n');
        var markdown = text;
        YamlMappingNode? frontMatter = null;
        var frontMatterFailed = false;
        if (lines[0].TrimEnd() == "---")
        {
            var close = Array.FindIndex(lines, 1, l => l.TrimEnd() is "---" or "...");
            if (close < 0)
            {
                diagnostics.Error(new SourceLocation(displayPath, 1, 1), DiagnosticCodes.FrontMatterNotClosed,
                    "front matter is not closed: add a line '---' after it");
                return null;
            }
            var yaml = string.Join('\n', lines[1..close]);
            frontMatterFailed = !Yaml.TryParse(yaml, displayPath, diagnostics, out var root, lineOffset: 1);
            if (root is YamlMappingNode mapping) frontMatter = mapping;
            else if (root is not null)
                diagnostics.Error(root.At(displayPath, 1), DiagnosticCodes.InvalidFrontMatter, "front matter must be a mapping (title: …)");
            markdown = new string('\n', close + 1) + string.Join('\n', lines[(close + 1)..]);
        }

        // Front matter positions are offset by its opening '---' line.
        var fields = frontMatter is null ? null : new YamlFields(frontMatter, Known, "front matter", displayPath, diagnostics, lineOffset: 1);
        string? Text(string key) => fields?.Text(key);
        SourceLocation At(string key) => fields?.Has(key) == true ? fields.At(key) : new SourceLocation(displayPath, 1, 1);

        var title = Text("title");
        if (string.IsNullOrEmpty(title) && !frontMatterFailed) // a YAML error is already reported; don't guess more
            diagnostics.Error(At("title"), DiagnosticCodes.SectionMissingTitle, "section has no title: add 'title: …' to its front matter");

        if (Text("order") is { } orderText)
        {
            if (double.TryParse(orderText, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) order = value;
            else diagnostics.Error(At("order"), DiagnosticCodes.InvalidFrontMatter, $"'order' must be a number, not '{orderText}'");
        }

        if (Text("slug") is { } explicitSlug) slug = explicitSlug;
        if (!SlugPattern().IsMatch(slug))
            diagnostics.Error(At("slug"), DiagnosticCodes.InvalidFrontMatter,
                $"slug '{slug}' may only hold letters, digits, '-' and '_' (it becomes the page's file name)");

        return new Section
        {
            Slug = slug,
            Title = title ?? slug,
            Order = order,
            Summary = Text("summary"),
            SourcePath = relativePath,
            DisplayPath = displayPath,
            Markdown = markdown,
            TitleLocation = At("title"),
            OrderLocation = At("order"),
            SlugLocation = At("slug"),
        };
    }

    // Any script's decimal digits ("٠٣-تدمر.md" is section 3), read digit by digit: double.Parse knows only ASCII ones.
    [GeneratedRegex(@"^(\p{Nd}+(?:\.\p{Nd}+)?)[-_ ]")]
    private static partial Regex NumericPrefix();

    private static double ParseNumber(string digits) => double.Parse(
        string.Concat(digits.Select(c => c == '.' ? "." : CharUnicodeInfo.GetDecimalDigitValue(c).ToString(CultureInfo.InvariantCulture))),
        CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^[\p{L}\p{N}_](?:[\p{L}\p{N}_\-]*[\p{L}\p{N}_])?$")]
    private static partial Regex SlugPattern();
}
