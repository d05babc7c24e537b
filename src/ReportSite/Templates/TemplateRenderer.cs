using Scriban;
using Scriban.Runtime;

namespace ReportSite.Templates;

/// <summary>
/// The theme's Scriban layouts, parsed once per build. A page is rendered by its layout, then wrapped by
/// <c>base.html</c>, which receives the page as <c>content</c>. Templates see snake_case names
/// (<c>verification_note</c>) and the UI strings of the report's language as <c>t</c>.
/// </summary>
public sealed class TemplateRenderer
{
    private readonly Dictionary<string, Template> _layouts = new(StringComparer.Ordinal);
    private readonly ScriptObject _strings;
    // Scriban builds its builtin functions (string, array, html, …) for every new context unless given them:
    // build them once per renderer; templates only read them, so threads can share them.
    private readonly ScriptObject _builtins = TemplateContext.GetDefaultBuiltinObject();

    public TemplateRenderer(string themeRoot, string language)
    {
        var layouts = Path.Combine(themeRoot, "layouts");
        foreach (var path in Directory.EnumerateFiles(layouts, "*.html"))
        {
            var template = Template.Parse(File.ReadAllText(path), path);
            if (template.HasErrors)
                throw new InvalidOperationException($"Theme template {path} has errors: {string.Join("; ", template.Messages)}");
            _layouts[Path.GetFileNameWithoutExtension(path)] = template;
        }
        if (!_layouts.ContainsKey("base")) throw new InvalidOperationException($"Theme has no layouts/base.html in {themeRoot}");
        _strings = UiStrings.Load(themeRoot, language);
    }

    /// <summary>Renders <paramref name="layout"/> with <paramref name="model"/>'s properties as globals, inside base.html.</summary>
    public string Render(string layout, object model)
    {
        if (!_layouts.TryGetValue(layout, out var template))
            throw new InvalidOperationException($"Theme has no layout '{layout}.html'.");
        var globals = new ScriptObject();
        globals.Import(model, renamer: StandardMemberRenamer.Default);
        globals["t"] = _strings;
        var body = RenderWith(template, globals);
        globals["content"] = new RawHtml(body);
        return RenderWith(_layouts["base"], globals);
    }

    private string RenderWith(Template template, ScriptObject globals)
    {
        var context = new HtmlTemplateContext(_builtins) { MemberRenamer = StandardMemberRenamer.Default, LoopLimit = 0 };
        context.PushGlobal(globals);
        return template.Render(context);
    }
}
