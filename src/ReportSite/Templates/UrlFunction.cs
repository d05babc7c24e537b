using ReportSite.Urls;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace ReportSite.Templates;

/// <summary>
/// <c>{{ url path }}</c> in a template: a <see cref="SitePaths"/> path made relative to the page being rendered (see
/// <see cref="PageUrls"/>). A custom function object rather than an imported delegate: the CLI is compiled ahead of
/// time, and this needs no reflection.
/// </summary>
internal sealed class UrlFunction(PageUrls urls) : TemplateFunction(typeof(string), "path")
{
    public override object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
    {
        if (arguments.Count != 1 || arguments[0] is not string path)
            throw new ScriptRuntimeException(callerContext?.Span ?? default, "url takes one path from the site root, e.g. {{ url source.path }}");
        return urls.To(path);
    }

}
