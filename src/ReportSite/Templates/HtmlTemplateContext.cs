using System.Net;
using Scriban;
using Scriban.Parsing;

namespace ReportSite.Templates;

/// <summary>
/// A Scriban context that HTML-encodes every <c>{{ value }}</c> it writes unless the value is <see cref="RawHtml"/> or a
/// <see cref="RenderedBody"/>
/// (escaping by default, as Razor does; Scriban itself escapes nothing unless told).
/// </summary>
public sealed class HtmlTemplateContext(Scriban.Runtime.ScriptObject builtins) : TemplateContext(builtins)
{
    public override TemplateContext Write(SourceSpan span, object? textAsObject)
    {
        switch (textAsObject)
        {
            case null:
                return this;
            case RawHtml raw:
                Write(raw.Html);
                return this;
            case RenderedBody body when Output is Utf8ScriptOutput utf8:
                utf8.WriteUtf8(body.Utf8);
                return this;
            case RenderedBody body:
                Write(body.ToString());
                return this;
            default:
                var text = ObjectToString(textAsObject);
                if (text is not null) Write(WebUtility.HtmlEncode(text));
                return this;
        }
    }
}
