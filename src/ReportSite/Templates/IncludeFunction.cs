using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace ReportSite.Templates;

/// <summary>
/// <c>{{ include 'partials/x.html' }}</c> as Scriban does it (through <see cref="ThemeTemplateLoader"/>), but what it
/// returns is markup the theme wrote: <see cref="RawHtml"/>, so the escaping context does not encode it a second time.
/// </summary>
internal sealed class IncludeFunction(IScriptCustomFunction scriban) : IScriptCustomFunction
{
    public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        scriban.Invoke(context, callerContext!, arguments, blockStatement) switch
        {
            null => null,
            RawHtml raw => raw,
            var text => new RawHtml(context.ObjectToString(text) ?? ""),
        };

    public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        ValueTask.FromResult(Invoke(context, callerContext, arguments, blockStatement));

    public int RequiredParameterCount => scriban.RequiredParameterCount;
    public int ParameterCount => scriban.ParameterCount;
    public ScriptVarParamKind VarParamKind => scriban.VarParamKind;
    public Type ReturnType => typeof(RawHtml);
    public ScriptParameterInfo GetParameterInfo(int index) => scriban.GetParameterInfo(index);
}
