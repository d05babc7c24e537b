using System.Reflection;
using System.Text.RegularExpressions;
using ReportSite.Site;
using ReportSite.Sources;
using ReportSite.Templates;
using ReportSite.Tests.Support;
using Scriban.Runtime;

namespace ReportSite.Tests.Templates;

/// <summary>
/// docs/theming.md cannot drift from the code: every public property of every model a template receives is listed
/// (by its snake_case name, in backticks) under that model's heading, and every layout of the default theme has one.
/// A failure names what to add where.
/// </summary>
public sealed partial class ThemingDocTests
{
    private static readonly string DocPath = Path.Combine(Repo.Root, "docs", "theming.md");

    // "## Layout `source`" → the text up to the next heading of that level or higher.
    private static Dictionary<string, string> Headings()
    {
        var text = File.ReadAllText(DocPath);
        var headings = new Dictionary<string, string>(StringComparer.Ordinal);
        var matches = Heading().Matches(text);
        for (var i = 0; i < matches.Count; i++)
        {
            var level = matches[i].Groups[1].Value.Length;
            var end = text.Length;
            for (var j = i + 1; j < matches.Count; j++)
                if (matches[j].Groups[1].Value.Length <= level) { end = matches[j].Index; break; }
            headings[matches[i].Groups[2].Value.Trim()] = text[matches[i].Index..end];
        }
        return headings;
    }

    [GeneratedRegex(@"^(#{2,4}) (.+)$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    private static IEnumerable<string> Names(Type type, bool declaredOnly) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance | (declaredOnly ? BindingFlags.DeclaredOnly : 0))
            .Where(p => p.GetIndexParameters().Length == 0)
            .Select(p => StandardMemberRenamer.Default(p));

    // SectionPage → "section", SourcesIndexPage → "sources-index": the layout the page is rendered with.
    private static string LayoutOf(Type page) =>
        string.Concat(page.Name[..^"Page".Length].Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private static IEnumerable<Type> TemplateTypes => typeof(PageModel).Assembly.GetTypes()
        .Where(t => t.IsPublic && t.Namespace == typeof(PageModel).Namespace);

    public static TheoryData<string, string, string> Expected()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var name in Names(typeof(PageModel), declaredOnly: true)) data.Add("Every page", "every page", name);
        foreach (var page in TemplateTypes.Where(t => t.IsSubclassOf(typeof(PageModel)) && !t.IsAbstract))
            foreach (var name in Names(page, declaredOnly: true))
                data.Add($"Layout `{LayoutOf(page)}`", $"layout '{LayoutOf(page)}'", name);
        // What pages and partials hold: the models of this namespace, the site and a source's record.
        var models = TemplateTypes.Where(t => t.Name.EndsWith("Model", StringComparison.Ordinal) && t != typeof(PageModel) && t != typeof(PathsModel))
            .Append(typeof(SiteConfig)).Append(typeof(SourceRecord));
        foreach (var model in models)
            foreach (var name in Names(model, declaredOnly: false))
                data.Add($"Model `{model.Name}`", $"model '{model.Name}'", name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Expected))]
    public void Every_property_a_template_sees_is_documented_under_its_heading(string heading, string what, string name)
    {
        var headings = Headings();
        Assert.True(headings.TryGetValue(heading, out var text), $"docs/theming.md has no heading '{heading}' (for {what})");
        Assert.True(text!.Contains($"`{name}`", StringComparison.Ordinal), $"docs/theming.md: {what} does not list '{name}'");
    }

    [Fact]
    public void Every_layout_and_partial_of_the_default_theme_is_documented()
    {
        var headings = Headings();
        var layouts = Path.Combine(Repo.Theme, "layouts");
        var missing = Directory.EnumerateFiles(layouts, "*.html", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(layouts, f).Replace('\\', '/')[..^".html".Length])
            .Where(name => !headings.ContainsKey(name.StartsWith("partials/", StringComparison.Ordinal) ? $"Partial `{name}`" : $"Layout `{name}`"))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(missing.Count == 0, $"docs/theming.md has no heading for: {string.Join(", ", missing)} (## Layout `name` or ## Partial `partials/name`)");
    }

    [Fact]
    public void Every_paths_member_is_a_site_path_and_documented_under_globals()
    {
        var headings = Headings();
        Assert.True(headings.TryGetValue("Globals", out var text), "docs/theming.md has no heading 'Globals'");
        foreach (var name in Names(typeof(PathsModel), declaredOnly: true))
            Assert.True(text!.Contains($"`paths.{name}`", StringComparison.Ordinal), $"docs/theming.md: Globals does not list 'paths.{name}'");
    }
}
