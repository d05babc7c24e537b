using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using ReportSite.Diagnostics;
using ReportSite.Input;
using ReportSite.Text;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace ReportSite.Templates;

/// <summary>
/// The theme's Scriban layouts, parsed once per build. A page is rendered by its layout, then wrapped by
/// <c>base.html</c>, which receives the page as <c>content</c>. Templates see snake_case names
/// (<c>verification_note</c>), the UI strings of the report's language as <c>t</c> and the site's fixed paths as
/// <c>paths</c> (docs/theming.md lists them all). A theme's errors are the
/// author's: syntax errors are reported where they stand, errors while rendering are thrown as a
/// <see cref="DiagnosticException"/> at the template's line, and <c>include</c> reads only the theme's layouts.
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
    // Each thread renders a page body here before the base layout wraps it.
    private readonly ThreadLocal<ArrayBufferWriter<byte>> _bodies = new(() => new ArrayBufferWriter<byte>(1 << 14));

    /// <param name="theme">The theme folder as listed: layouts, includes and strings are read through it, never around it.</param>
    /// <param name="digits">site.yml's <c>digits</c> (latn or arab), for <c>{{ date }}</c> and <c>{{ number }}</c>.</param>
    public TemplateRenderer(InputTree theme, string language, DiagnosticBag diagnostics, string digits = "latn")
    {
        if (_builtins["include"] is IScriptCustomFunction include) _builtins.SetValue("include", new IncludeFunction(include), readOnly: true);
        // Scriban's own 'date' object (date.now, date.parse) gives way to the report's localized dates.
        _builtins.SetValue("date", new DateFunction(language, digits), readOnly: true);
        _builtins.SetValue("number", new NumberFunction(digits), readOnly: true);
        // Layouts by their name under layouts/ without ".html": "section", "partials/citation".
        var layouts = theme.Under("layouts", recursive: true).Where(f => f.Relative.EndsWith(".html", StringComparison.Ordinal)).ToList();
        foreach (var file in layouts)
        {
            if (InputFiles.ReadText(file, diagnostics) is not { } text) continue;
            var template = Template.Parse(text, file.Display); // spans carry the path diagnostics show
            foreach (var message in template.Messages.Where(m => m.Type == ParserMessageType.Error))
                diagnostics.Error(At(message.Span), DiagnosticCodes.TemplateSyntax, $"template error: {message.Message}");
            if (!template.HasErrors) _layouts[file.Relative["layouts/".Length..^".html".Length]] = template;
        }
        if (!layouts.Any(f => f.Relative == "layouts/base.html"))
            diagnostics.Error(SourceLocation.WholeFile(theme.Display("layouts")), DiagnosticCodes.LayoutMissing,
                "the theme has no layouts/base.html (the layout every page is wrapped in)");
        // The theme owns the markup of citations and claims: there is no other copy to fall back on. (The default
        // theme has both; --theme replaces it whole, so a theme of one's own must bring them.)
        foreach (var (layout, what) in RequiredLayouts)
            if (!layouts.Any(f => f.Relative == $"layouts/{layout}.html"))
                diagnostics.Error(SourceLocation.WholeFile(theme.Display("layouts")), DiagnosticCodes.LayoutMissing,
                    $"the theme has no layouts/{layout}.html ({what})");
        _strings = UiStrings.Load(theme, language, diagnostics);
        var loader = new ThemeTemplateLoader(theme);
        _contexts = new ThreadLocal<HtmlTemplateContext>(() =>
            new HtmlTemplateContext(_builtins)
            {
                TemplateLoader = loader,
                MemberRenamer = StandardMemberRenamer.Default,
                // Theme templates are trusted and sites are big: Scriban's guards against runaway templates (1,000,000
                // iterations, 1 MB of output) would cut a 22,000-row sources index short.
                LoopLimit = 0,
                LimitToString = 0,
                // A typo in a template fails the build where it stands instead of rendering blank: an unknown
                // variable, or an unknown member of a model (record.titel).
                StrictVariables = true,
                EnableRelaxedMemberAccess = false,
            });
    }

    /// <summary>
    /// Renders <paramref name="layout"/> with <paramref name="model"/>'s properties as globals, inside base.html,
    /// as UTF-8 into <paramref name="destination"/>.
    /// </summary>
    public void Render(string layout, object model, IBufferWriter<byte> destination)
    {
        if (!_layouts.TryGetValue(layout, out var template))
            throw new InvalidOperationException($"Theme has no layout '{layout}.html'."); // its absence was reported: no page is rendered
        var globals = new ScriptObject();
        foreach (var (name, property) in GlobalsOf(model.GetType()))
            globals.SetValue(name, property.GetValue(model), readOnly: false);
        globals["t"] = _strings;
        globals["paths"] = PathsModel.Instance;
        if (model is PageModel page)
        {
            globals["url"] = new UrlFunction(new Urls.PageUrls(page.PagePath));
            // Named as the page names things, in the report's language: a source's type, the sources index.
            string? Label(string key) => _strings.TryGetValue(key, out var label) ? label as string : null;
            globals["meta_description"] = page.Describe(Label);
            globals["document_title"] = page.TitleWith(Label);
        }
        var context = _contexts.Value!;
        var body = _bodies.Value!;
        body.ResetWrittenCount();
        context.PushGlobal(globals); // variables a template assigns land here and go with it
        try
        {
            RenderTo(template, context, body);
            globals["content"] = new RenderedBody(body.WrittenMemory);
            RenderTo(_layouts["base"], context, destination);
        }
        catch (ScriptRuntimeException error)
        {
            throw new DiagnosticException(At(error.Span), DiagnosticCodes.TemplateRuntime, $"template error: {error.OriginalMessage}");
        }
        finally
        {
            context.PopGlobal();
        }
    }

    private static readonly (string Layout, string What)[] RequiredLayouts =
    [
        ("partials/citation", "the markup of every citation group"),
        ("partials/claim", "the markup of every claim"),
        // The layouts of pages every site has (report.html is optional: written only when its layout exists).
        ("index", "the cover"),
        ("section", "the layout of section pages"),
        ("source", "the layout of source pages"),
        ("sources-index", "the list of sources"),
        ("source-parts", "the further pages of a collection's documents"),
    ];

    /// <summary>The interface string <paramref name="key"/> in the report's language (as <c>t.key</c>), or null: for text the build writes outside templates (corrections.xml).</summary>
    public string? UiString(string key) => _strings.TryGetValue(key, out var text) ? text as string : null;

    /// <summary>True when the theme has <c>layouts/&lt;name&gt;.html</c> (e.g. "partials/citation"), parsed without errors.</summary>
    public bool Has(string name) => _layouts.ContainsKey(name);

    /// <summary>
    /// Renders the partial <paramref name="name"/> with <paramref name="globals"/> (plus <c>t</c> and <c>url</c> for the
    /// page in <paramref name="urls"/>) into a string: markup the theme owns inside a page, such as a citation group.
    /// </summary>
    public string RenderPartial(string name, IReadOnlyDictionary<string, object?> globals, Urls.PageUrls urls)
    {
        var template = _layouts[name];
        var scope = new ScriptObject();
        foreach (var (key, value) in globals) scope.SetValue(key, value, readOnly: false);
        scope["t"] = _strings;
        scope["paths"] = PathsModel.Instance;
        scope["url"] = new UrlFunction(urls);
        var context = _contexts.Value!;
        var output = new StringBuilderOutput();
        context.PushGlobal(scope);
        context.PushOutput(output);
        try
        {
            return template.Render(context); // what was written to a StringBuilderOutput (Scriban then empties it)
        }
        catch (ScriptRuntimeException error)
        {
            throw new DiagnosticException(At(error.Span), DiagnosticCodes.TemplateRuntime, $"template error: {error.OriginalMessage}");
        }
        finally
        {
            context.PopOutput();
            context.PopGlobal();
        }
    }

    /// <summary>
    /// <see cref="RenderPartial(string, IReadOnlyDictionary{string, object?}, Urls.PageUrls)"/> for markup inside a
    /// page (a citation group, a claim, a heading's link): a template error goes to <paramref name="diagnostics"/>
    /// (every page meets it: the bag lists it once) and there is no markup (null); likewise for a partial the theme
    /// lacks (a required one's absence was reported when the theme was read).
    /// </summary>
    public string? TryRenderPartial(string name, IReadOnlyDictionary<string, object?> globals, Urls.PageUrls urls, DiagnosticBag diagnostics)
    {
        if (!Has(name)) return null;
        try
        {
            return RenderPartial(name, globals, urls);
        }
        catch (DiagnosticException error)
        {
            diagnostics.Add(error.Diagnostic);
            return null;
        }
    }

    /// <summary>The whole file of layout <paramref name="name"/>, as diagnostics show it: for a problem with what it writes, not where.</summary>
    public SourceLocation LayoutFile(string name) => SourceLocation.WholeFile(_layouts[name].SourceFilePath ?? name);

    /// <summary>A partial rendered as it is inside <paramref name="page"/>'s layout: with the page model's properties as globals.</summary>
    public string RenderPartial(string name, PageModel page) => RenderPartial(name,
        GlobalsOf(page.GetType()).ToDictionary(g => g.Name, g => g.Property.GetValue(page), StringComparer.Ordinal), new Urls.PageUrls(page.PagePath));

    // What Scriban's ScriptObject.Import(model) would import (public properties, snake_case names), read once per model
    // type: Import reflects over the type and its attributes on every call, a tenth of a source page's cost.
    private static readonly ConcurrentDictionary<Type, (string Name, PropertyInfo Property)[]> Globals = new();

    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification =
        "Page models live in this assembly, which the CLI roots whole when trimmed (TrimmerRootAssembly ReportSite.Core).")]
    private static (string Name, PropertyInfo Property)[] GlobalsOf(Type type) => Globals.GetOrAdd(type, static type =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
            .Select(p => (StandardMemberRenamer.Default(p), p))]);

    private static void RenderTo(Template template, TemplateContext context, IBufferWriter<byte> destination)
    {
        context.PushOutput(new Utf8ScriptOutput(destination));
        try
        {
            template.Render(context);
        }
        finally
        {
            context.PopOutput();
        }
    }

    // Scriban counts lines and columns from 0; every template is parsed under its display path.
    private static SourceLocation At(SourceSpan span) => new(span.FileName, span.Start.Line + 1, span.Start.Column + 1);
}
