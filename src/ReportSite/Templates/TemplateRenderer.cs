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
    // One context per thread, reused across pages: a context caches the reflection accessors of every type a
    // template touches, and building those for each page made parallel rendering slower than serial.
    private readonly ThreadLocal<HtmlTemplateContext> _contexts;

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
        _contexts = new ThreadLocal<HtmlTemplateContext>(() =>
            new HtmlTemplateContext(_builtins) { MemberRenamer = StandardMemberRenamer.Default, LoopLimit = 0 });
    }

    /// <summary>Renders <paramref name="layout"/> with <paramref name="model"/>'s properties as globals, inside base.html.</summary>
    public string Render(string layout, object model)
    {
        if (!_layouts.TryGetValue(layout, out var template))
            throw new InvalidOperationException($"Theme has no layout '{layout}.html'.");
        var globals = new ScriptObject();
        globals.Import(model, renamer: StandardMemberRenamer.Default);
        globals["t"] = _strings;
        var context = _contexts.Value!;
        context.PushGlobal(globals); // variables a template assigns land here and go with it
        try
        {
            var body = template.Render(context);
            globals["content"] = new RawHtml(body);
            return _layouts["base"].Render(context);
        }
        finally
        {
            context.PopGlobal();
        }
    }
}
