using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using ReportSite.Diagnostics;
using ReportSite.Safety;

namespace ReportSite.Markdown;

/// <summary>
/// Checks a section's raw HTML as a browser will read it: the rendered section is parsed, inside a page shaped like the
/// theme's, by an HTML5 parser (AngleSharp) once with scripting on and once off (a &lt;noscript&gt; reads differently),
/// and every element the author's raw HTML produced is checked with its final attributes, after character references,
/// comments, raw-text elements and foreign content have done what they do in a browser. Checking tags one at a time
/// misses all of that. The policy is in docs/diagnostics.md ("Raw HTML policy").
/// </summary>
public static class RawHtmlSafety
{
    // The page around a section: the theme's layouts reduced to what encloses {{ body }}. The text before <main> makes
    // a <frameset> in a section inert, as the theme's skip link does.
    private const string Before = "<!DOCTYPE html><html><head></head><body>skip<main><article><div>";
    // After the section: a marker the parser inserts wherever the section left off (a <template> is inserted in every
    // insertion mode, inside a table or a select too), then the page's own markup: a block, and in it an element that
    // reopens any formatting element (<b>, <a> …) left open. Its quotes end an attribute value left open, as the theme's do.
    private const string After = "<template></template></div><nav class=\"pager\" title='x'><i></i></nav></article></main></body></html>";
    private static readonly int ArticleAt = Before.IndexOf("<article", StringComparison.Ordinal);
    private static readonly int SectionAt = Before.IndexOf("<div", StringComparison.Ordinal);
    private static readonly int NavAfter = After.IndexOf("<nav", StringComparison.Ordinal);
    private static readonly int ItalicAfter = After.IndexOf("<i>", StringComparison.Ordinal);

    // Attributes whose value a browser loads or navigates to, by local name (xlink:href is "href" in SVG and MathML,
    // but keeps its whole name on an HTML element).
    private static readonly HashSet<string> UrlAttributes = new(StringComparer.OrdinalIgnoreCase)
    {
        "href", "xlink:href", "src", "action", "formaction", "data", "poster", "background", "cite", "longdesc", "ping", "codebase", "manifest", "icon",
    };

    // Elements whose content is text up to their own end tag: left open, they swallow the rest of the page.
    private static readonly HashSet<string> RawTextElements = new(StringComparer.Ordinal)
    {
        "textarea", "title", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "script", "plaintext",
    };

    // An iframe srcdoc is a document of its own, read recursively; deeper nesting than this is not read but reported.
    private const int MaxSrcdocDepth = 8;

    private readonly record struct Token(HtmlTokenType Type, string Name, int Start, int End);

    /// <summary>A parser with its options (one per thread and scripting mode: a parser is not meant to be shared) and the tokens of its last parse.</summary>
    private sealed class Reader
    {
        public readonly HtmlParser Parser;
        public List<Token> Tokens = [];

        public Reader(bool scripting) => Parser = new HtmlParser(new HtmlParserOptions
        {
            IsScripting = scripting,
            IsKeepingSourceReferences = true,
            OnToken = (token, range) => Tokens.Add(new Token(token.Type, token.Name, range.Start.Index, range.End.Index)),
        });

        public (IDocument Page, List<Token> Tokens) Read(string html)
        {
            Tokens = [];
            return (Parser.ParseDocument(html), Tokens);
        }
    }

    [ThreadStatic] private static Reader? _scripting;
    [ThreadStatic] private static Reader? _notScripting;

    private static IEnumerable<Reader> Readers() => [_scripting ??= new Reader(true), _notScripting ??= new Reader(false)];

    /// <summary>Findings by offset in the author's Markdown; the same finding from both parses is reported once.</summary>
    private sealed class Findings
    {
        private readonly HashSet<(int, string, string)> _seen = [];
        public readonly List<(int Offset, string Code, string Message)> List = [];

        public void Add(int offset, string code, string message)
        {
            if (_seen.Add((offset, code, message))) List.Add((offset, code, message));
        }
    }

    /// <param name="html">The section's rendered HTML.</param>
    /// <param name="raw">Where the author's raw HTML is in <paramref name="html"/> and in the Markdown.</param>
    /// <param name="at">Where an offset of the Markdown is in the author's file.</param>
    public static void Check(string html, RawHtmlMap raw, DiagnosticBag diagnostics, Func<int, SourceLocation> at)
    {
        if (raw.IsEmpty) return; // no raw HTML: Markdig's own markup needs no reading
        raw.Locate(html);
        var findings = new Findings();
        var page = Before + html + After;
        foreach (var reader in Readers())
        {
            var (document, tokens) = reader.Read(page);
            int? SourceOf(int pageOffset) => pageOffset >= Before.Length && pageOffset < Before.Length + html.Length
                ? raw.SourceOf(pageOffset - Before.Length) : null;
            CheckPage(document, tokens, html.Length, SourceOf, findings);
        }
        foreach (var (offset, code, message) in findings.List)
        {
            if (code is DiagnosticCodes.UnsafeMarkdownUrl or DiagnosticCodes.RawHtmlSwallowsPage) diagnostics.Error(at(offset), code, message);
            else diagnostics.Warning(at(offset), code, message);
        }
    }

    private static void CheckPage(IDocument document, List<Token> tokens, int sectionLength, Func<int, int?> sourceOf, Findings findings)
    {
        var end = Before.Length + sectionLength;
        var hosts = new Dictionary<INode, IElement>(ReferenceEqualityComparer.Instance); // template contents → their template
        var ours = new Dictionary<int, IElement>(); // the page's own elements, by their offset
        var authors = new List<(IElement Element, int Position, int Offset)>();
        var elements = Elements(document, hosts).ToList();
        var roots = ForeignRoots(elements, tokens);
        foreach (var element in elements)
        {
            // No position: made by the parser (a tbody has -1, a reopened <b> none), or an <svg>/<math> root, which
            // AngleSharp leaves without one.
            var position = element.SourceReference?.Position.Index is >= 0 and var index ? index
                : element.SourceReference is null && element.LocalName is "svg" or "math" && roots.TryDequeue(out var root) ? root : null;
            if (position is null) continue;
            if (position < Before.Length || position >= end) ours[position.Value] = element;
            else if (sourceOf(position.Value) is { } offset)
            {
                authors.Add((element, position.Value, offset));
                CheckElement(element, offset, "", 0, findings);
            }
        }

        // <html …> and <body …> in a section add their attributes to the page's own elements.
        foreach (var name in (string[])["html", "body"])
        {
            var element = ours.Values.FirstOrDefault(e => e.LocalName == name);
            if (element is not { Attributes.Length: > 0 }) continue;
            var token = tokens.FirstOrDefault(t => t.Type == HtmlTokenType.StartTag && t.Name == name && t.Start >= Before.Length && t.Start < end);
            if (token.Name is null || sourceOf(token.Start) is not { } offset) continue;
            findings.Add(offset, DiagnosticCodes.RawHtmlOutsideSection, $"raw HTML <{name}> adds its attributes to the page's own <{name}>");
            CheckElement(element, offset, "", 0, findings);
        }

        CheckStructure(tokens, end, ours, authors, hosts, sourceOf, findings);
    }

    /// <summary>
    /// The start tags of the &lt;svg&gt; and &lt;math&gt; elements that have no source position, in document order, to give
    /// them the positions of the start tags no element has.
    /// </summary>
    private static Queue<int?> ForeignRoots(List<IElement> elements, List<Token> tokens)
    {
        var placed = elements.Select(e => e.SourceReference?.Position.Index).OfType<int>().ToHashSet();
        return new Queue<int?>(tokens.Where(t => t.Type == HtmlTokenType.StartTag && t.Name is "svg" or "math" && !placed.Contains(t.Start)).Select(t => (int?)t.Start));
    }

    /// <summary>
    /// The page's own markup after the section must still be markup, in its place: not text of an unclosed
    /// &lt;textarea&gt; or comment (RS0108), not inside an element the section left open, and the section must not
    /// have closed the page's elements around it (RS0109).
    /// </summary>
    private static void CheckStructure(List<Token> tokens, int end, Dictionary<int, IElement> ours, List<(IElement Element, int Position, int Offset)> authors,
        Dictionary<INode, IElement> hosts, Func<int, int?> sourceOf, Findings findings)
    {
        if (!ours.TryGetValue(SectionAt, out var section) || !ours.TryGetValue(ArticleAt, out var article)) return; // the page's own start tags always make them
        if (!ours.TryGetValue(end, out var marker))
        {
            // The marker is text or an attribute value: the last tag or comment begun in the section runs over it.
            var index = tokens.FindLastIndex(t => t.Start < end && t.Type is HtmlTokenType.StartTag or HtmlTokenType.EndTag or HtmlTokenType.Comment);
            if (index < 0 || sourceOf(tokens[index].Start) is not { } offset) return;
            var last = tokens[index];
            findings.Add(offset, DiagnosticCodes.RawHtmlSwallowsPage, last switch
            {
                { Type: HtmlTokenType.Comment } => "raw HTML comment is never closed with '-->': the rest of the page would be hidden in it",
                { End: var tagEnd } when tagEnd > end => $"raw HTML tag <{last.Name}> is never closed with '>': the rest of the page would be read as its attributes",
                _ when RawTextElements.Contains(last.Name ?? "") => $"raw HTML <{last.Name}> is never closed: the rest of the page would be read as its text",
                _ => $"raw HTML after <{last.Name}> is never closed: the rest of the page would be read as text",
            });
            return;
        }

        // The outermost element the author left open around the marker holds (or drops) the page's markup after it.
        var page = ours.Values.ToHashSet();
        var open = Ancestors(marker, hosts).TakeWhile(e => !page.Contains(e)).Select(e => authors.FirstOrDefault(a => a.Element == e)).LastOrDefault(a => a.Element is not null);

        // Dropped (a <select> keeps only text), or in a template's contents, which are never shown.
        if (!ours.TryGetValue(end + NavAfter, out var nav) || Ancestors(nav, NoHosts).LastOrDefault() is not IHtmlHtmlElement)
        {
            if (open.Element is not null)
                findings.Add(open.Offset, DiagnosticCodes.RawHtmlSwallowsPage,
                    $"raw HTML <{open.Element.LocalName}> is never closed: the rest of the page would be dropped or hidden in it");
            return;
        }

        if (!IsInside(marker, section, hosts))
        {
            // An end tag closed the page's <div> (or <article>, <main>) early: it is the last one before the first
            // element that is no longer in the section.
            var firstOutside = authors.Where(a => !IsInside(a.Element, section, hosts)).Select(a => a.Position).DefaultIfEmpty(end).Min();
            var closing = tokens.LastOrDefault(t => t.Type == HtmlTokenType.EndTag && t.Start >= Before.Length && t.Start < firstOutside && t.Name is "div" or "article" or "main");
            if (closing.Name is not null && sourceOf(closing.Start) is { } offset)
                findings.Add(offset, DiagnosticCodes.RawHtmlOutsideSection,
                    $"raw HTML </{closing.Name}> closes the page's own element around the section: what follows it is outside the section");
            return;
        }

        if (nav.ParentElement != article)
        {
            if (open.Element is not null)
                findings.Add(open.Offset, DiagnosticCodes.RawHtmlOutsideSection,
                    $"raw HTML <{open.Element.LocalName}> is never closed: the page's own markup after the section would be inside it");
            return;
        }

        if (ours.TryGetValue(end + ItalicAfter, out var italic) && italic.ParentElement != nav && italic.ParentElement is { } reopened)
        {
            // A formatting element left open is reopened by the parser in the page's own markup. It is an HTML element
            // of that name: a start tag of the same name inside <svg> or <math> made a foreign element, which is not
            // reopened ("<a>…<math>[l](…)" leaves the first <a> open, not the Markdown link's).
            var opened = authors.Where(a => a.Element.LocalName == reopened.LocalName && a.Element.NamespaceUri == reopened.NamespaceUri)
                .OrderBy(a => a.Position).Select(a => (int?)a.Offset).LastOrDefault(); // tree order is not source order
            if (opened is { } offset)
                findings.Add(offset, DiagnosticCodes.RawHtmlOutsideSection,
                    $"raw HTML <{reopened.LocalName}> is never closed: the page's own text after the section would be inside it too");
        }
    }

    private static void CheckElement(IElement element, int offset, string where, int depth, Findings findings)
    {
        var name = element.LocalName;
        if (name == "script")
            findings.Add(offset, DiagnosticCodes.ScriptInMarkdown, $"{where}raw HTML contains <script>: a report page should not run scripts");
        if (name is "object" or "embed")
            findings.Add(offset, DiagnosticCodes.ScriptInMarkdown, $"{where}raw HTML contains <{name}>: a report page should not embed active content");
        if (name == "base" && depth == 0)
            findings.Add(offset, DiagnosticCodes.RawHtmlOutsideSection, "raw HTML <base> changes where every relative link of the page points, the report's own links too");
        if (name == "meta" && element.GetAttribute("http-equiv")?.Trim().Equals("refresh", StringComparison.OrdinalIgnoreCase) == true)
        {
            findings.Add(offset, DiagnosticCodes.ScriptInMarkdown, $"{where}raw HTML <meta http-equiv=\"refresh\"> reloads the page or sends the reader elsewhere");
            if (MetaRefresh.UrlOf(element.GetAttribute("content") ?? "") is { } url && !UrlPolicy.IsAllowed(url))
                findings.Add(offset, DiagnosticCodes.UnsafeMarkdownUrl, $"{where}raw HTML attribute 'content' has a refused URL scheme '{UrlPolicy.SchemeOf(url)}:'");
        }
        foreach (var attribute in element.Attributes)
        {
            if (attribute.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                findings.Add(offset, DiagnosticCodes.ScriptInMarkdown,
                    $"{where}raw HTML has an event handler '{attribute.Name}': a report page should not run scripts");
            if (name == "iframe" && attribute.LocalName == "srcdoc")
                CheckSrcdoc(attribute.Value, offset, depth + 1, findings);
            foreach (var url in Urls(element, attribute))
                if (!UrlPolicy.IsAllowed(url))
                    findings.Add(offset, DiagnosticCodes.UnsafeMarkdownUrl,
                        $"{where}raw HTML attribute '{attribute.Name}' has a refused URL scheme '{UrlPolicy.SchemeOf(url)}:'");
        }
    }

    /// <summary>An iframe's srcdoc is a whole document (with the page's origin): every element of it is read as the section's are.</summary>
    private static void CheckSrcdoc(string srcdoc, int offset, int depth, Findings findings)
    {
        if (depth > MaxSrcdocDepth)
        {
            findings.Add(offset, DiagnosticCodes.ScriptInMarkdown, "raw HTML has <iframe srcdoc> nested too deeply to be read");
            return;
        }
        var where = depth == 1 ? "in <iframe srcdoc>: " : $"in <iframe srcdoc> (nested {depth} deep): ";
        foreach (var reader in Readers())
            foreach (var element in Elements(reader.Read(srcdoc).Page, new Dictionary<INode, IElement>(ReferenceEqualityComparer.Instance)))
                CheckElement(element, offset, where, depth, findings);
    }

    private static IEnumerable<string> Urls(IElement element, IAttr attribute)
    {
        var name = attribute.LocalName;
        if (UrlAttributes.Contains(name)) yield return attribute.Value;
        else if (name is "srcset" or "imagesrcset")
            foreach (var candidate in attribute.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                yield return candidate.Split(' ')[0];
        // SVG animation sets an attribute: animating href makes to/from/by/values URLs ("values" is a ';' list). Read in
        // any namespace and letter case (the same tags in MathML do nothing, but nothing is lost refusing them there).
        else if (AnimatesHref(element))
        {
            if (name is "to" or "from" or "by") yield return attribute.Value;
            else if (name == "values")
                foreach (var value in attribute.Value.Split(';')) yield return value;
        }
    }

    private static readonly string[] Animations = ["animate", "set", "animateMotion", "animateTransform"];

    private static bool AnimatesHref(IElement element) =>
        Animations.Contains(element.LocalName, StringComparer.OrdinalIgnoreCase)
        && element.Attributes.FirstOrDefault(a => a.LocalName.Equals("attributeName", StringComparison.OrdinalIgnoreCase))?.Value.Trim() is { } target
        && (target.Equals("href", StringComparison.OrdinalIgnoreCase) || target.Equals("xlink:href", StringComparison.OrdinalIgnoreCase));

    /// <summary>Every element, template contents and shadow roots included (both can be rendered), without recursion.</summary>
    private static IEnumerable<IElement> Elements(INode root, Dictionary<INode, IElement> hosts)
    {
        var stack = new Stack<INode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is IElement element)
            {
                yield return element;
                if (element.ShadowRoot is { } shadow)
                {
                    hosts[shadow] = element;
                    stack.Push(shadow);
                }
            }
            if (node is IHtmlTemplateElement template)
            {
                hosts[template.Content] = template;
                stack.Push(template.Content);
            }
            for (var child = node.LastChild; child is not null; child = child.PreviousSibling) stack.Push(child);
        }
    }

    /// <summary>The elements around <paramref name="node"/>, innermost first, through template contents to their template.</summary>
    private static IEnumerable<IElement> Ancestors(INode node, Dictionary<INode, IElement> hosts)
    {
        for (var parent = Up(node, hosts); parent is not null; parent = Up(parent, hosts))
            if (parent is IElement element) yield return element;
    }

    private static INode? Up(INode node, Dictionary<INode, IElement> hosts) =>
        node.Parent ?? (hosts.TryGetValue(node, out var host) ? host : null);

    private static readonly Dictionary<INode, IElement> NoHosts = [];

    private static bool IsInside(INode node, IElement ancestor, Dictionary<INode, IElement> hosts) => Ancestors(node, hosts).Contains(ancestor);
}
