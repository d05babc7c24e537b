using System.Text;
using ReportSite.Input;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace ReportSite.Templates;

/// <summary>
/// What <c>{{ include 'name' }}</c> may read: a file of the theme's layouts/ folder as the theme was listed (so never
/// through a link that leaves the theme, nor a FIFO; the report's input/theme/ file where it has one), by a relative
/// name without "..". A template can never publish /etc/passwd.
/// </summary>
public sealed class ThemeTemplateLoader(InputTree theme) : ITemplateLoader
{
    // Included templates are parsed under their display path, as layouts are, so errors in them are located there.
    private readonly Dictionary<string, InputFile> _byDisplay =
        theme.Under("layouts", recursive: true).ToDictionary(f => f.Display, StringComparer.Ordinal);

    public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName)
    {
        var segments = templateName.Split('/');
        if (templateName.Length == 0 || Path.IsPathRooted(templateName) || templateName.Contains('\\')
            || segments.Any(s => s is "" or "." or ".."))
            throw new ScriptRuntimeException(callerSpan,
                $"include '{templateName}': give a file name relative to the theme's layouts/ folder, without '..'");
        var relative = "layouts/" + templateName;
        if (theme.LeadsOutside(relative))
            throw new ScriptRuntimeException(callerSpan, $"include '{templateName}': the file is a link that leaves the theme folder");
        return theme.Find(relative)?.Display
               ?? throw new ScriptRuntimeException(callerSpan, $"include '{templateName}': no such file in the theme's layouts/ folder");
    }

    public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        Encoding.UTF8.GetString(_byDisplay[templatePath].ReadAllBytes());

    public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        ValueTask.FromResult<string?>(Load(context, callerSpan, templatePath));
}
