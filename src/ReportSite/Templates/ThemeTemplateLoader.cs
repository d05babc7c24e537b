using ReportSite.Safety;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace ReportSite.Templates;

/// <summary>
/// What <c>{{ include 'name' }}</c> may read: a file in the theme's layouts/ folder, by a relative name without
/// "..", and not through a link that leaves the folder. A template can never publish /etc/passwd.
/// </summary>
public sealed class ThemeTemplateLoader(string layouts) : ITemplateLoader
{
    public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName)
    {
        var segments = templateName.Split('/');
        if (templateName.Length == 0 || Path.IsPathRooted(templateName) || templateName.Contains('\\')
            || segments.Any(s => s is "" or "." or ".."))
            throw new ScriptRuntimeException(callerSpan,
                $"include '{templateName}': give a file name relative to the theme's layouts/ folder, without '..'");
        var path = Path.Combine(layouts, templateName);
        if (!File.Exists(path))
            throw new ScriptRuntimeException(callerSpan, $"include '{templateName}': no such file in the theme's layouts/ folder");
        if (!Paths.IsSameOrInside(Paths.RealPath(path), Paths.RealPath(layouts)))
            throw new ScriptRuntimeException(callerSpan, $"include '{templateName}': the file is a link that leaves the theme's layouts/ folder");
        return path;
    }

    public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) => File.ReadAllText(templatePath);

    public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        ValueTask.FromResult<string?>(Load(context, callerSpan, templatePath));
}
