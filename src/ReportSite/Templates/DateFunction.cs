using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace ReportSite.Templates;

/// <summary>
/// <c>{{ date value }}</c>: an ISO date (YYYY, YYYY-MM, YYYY-MM-DD) as text in the report's language and digits (see
/// <see cref="LocalizedText"/>); keep the ISO value in <c>&lt;time datetime&gt;</c>. No reflection (AOT), like <see cref="UrlFunction"/>.
/// </summary>
internal sealed class DateFunction(string language, string digits) : TemplateFunction(typeof(object), "value")
{
    public override object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        arguments.Count == 1
            ? arguments[0] is null ? "" : LocalizedText.Date(context.ObjectToString(arguments[0]) ?? "", language, digits)
            : throw new ScriptRuntimeException(callerContext?.Span ?? default, "date takes one ISO date, e.g. {{ date source.date }}");

}

/// <summary><c>{{ number n }}</c>: an integer in the digits site.yml picks (latn or arab).</summary>
internal sealed class NumberFunction(string digits) : TemplateFunction(typeof(object), "n")
{
    public override object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        arguments.Count == 1 && arguments[0] is int or long
            ? LocalizedText.Number(Convert.ToInt64(arguments[0], System.Globalization.CultureInfo.InvariantCulture), digits)
            : throw new ScriptRuntimeException(callerContext?.Span ?? default, "number takes one integer, e.g. {{ number source.citation_count }}");

}
