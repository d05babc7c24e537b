using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace ReportSite.Templates;

/// <summary>
/// A template function of one argument (<c>{{ url path }}</c>, <c>{{ date value }}</c>, <c>{{ number n }}</c>) as a
/// custom function object rather than an imported delegate: the CLI is compiled ahead of time, and this needs no
/// reflection. A subclass says only what the call does.
/// </summary>
internal abstract class TemplateFunction(Type parameterType, string parameterName) : IScriptCustomFunction
{
    public abstract object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement);

    public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        ValueTask.FromResult(Invoke(context, callerContext, arguments, blockStatement));

    public int RequiredParameterCount => 1;
    public int ParameterCount => 1;
    public ScriptVarParamKind VarParamKind => ScriptVarParamKind.None;
    public Type ReturnType => typeof(string);
    public ScriptParameterInfo GetParameterInfo(int index) => new(parameterType, parameterName);
}
