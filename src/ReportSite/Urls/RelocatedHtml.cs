using System.Text.RegularExpressions;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace ReportSite.Urls;

/// <summary>
/// Moves a fragment of HTML rendered for one page (a section's body, its source list, rendered for
/// <c>sections/&lt;slug&gt;.html</c>) onto another page (<c>report.html</c>) that holds several such fragments:
/// every id gets a scope prefix (<c>&lt;slug&gt;--</c>), so <c>source-3</c> of two sections no longer collide, and so
/// does every reference to an id (<c>href="#x"</c>, <c>aria-*</c>, <c>for</c>, <c>headers</c>, <c>url(#x)</c>);
/// every relative URL is resolved against the old page and made relative to the new one. Absolute URLs, <c>data:</c>
/// and root-relative ones are left as they are. The fragment is read by an HTML5 parser (AngleSharp), template contents
/// included, and written back escaped, so it never depends on the theme's markup.
/// </summary>
public static partial class RelocatedHtml
{
    // Attributes that hold one URL.
    private static readonly HashSet<string> UrlAttributes = new(StringComparer.OrdinalIgnoreCase)
    {
        "href", "xlink:href", "src", "poster", "action", "formaction", "cite", "data", "longdesc", "background", "usemap",
    };

    // Attributes that hold ids (one, or a list separated by spaces).
    private static readonly HashSet<string> IdReferenceAttributes = new(StringComparer.OrdinalIgnoreCase)
    {
        "for", "headers", "list", "form", "popovertarget", "aria-describedby", "aria-controls", "aria-labelledby",
        "aria-owns", "aria-flowto", "aria-details", "aria-errormessage", "aria-activedescendant",
    };

    [ThreadStatic] private static HtmlParser? _parser;

    /// <param name="html">The fragment as rendered for <paramref name="fromPage"/>.</param>
    /// <param name="fromPage">The <see cref="SitePaths"/> path it was rendered for ("sections/a.html").</param>
    /// <param name="toPage">The path of the page it moves to ("report.html").</param>
    /// <param name="scope">Prefixed with "--" to every id ("a" makes <c>claim-x</c> into <c>a--claim-x</c>).</param>
    /// <param name="headingShift">Levels each heading goes down (h2 → h3 for 1), at most to h6: a page's sections
    /// under a heading of their own.</param>
    /// <param name="moved">The other fragments on <paramref name="toPage"/>: a link to one of their pages, or to an id
    /// another one holds, goes to its part of this page instead of leaving it.</param>
    public static string Move(string html, string fromPage, string toPage, string scope, int headingShift = 0, MovedPages? moved = null)
    {
        var parser = _parser ??= new HtmlParser();
        // Parsed where it stood: inside the page's <body>, in a block.
        var context = parser.ParseDocument("<!DOCTYPE html><html><body><div></div></body></html>").Body!.FirstElementChild!;
        var nodes = parser.ParseFragment(html, context);
        var relocation = new Relocation(fromPage, new PageUrls(toPage), scope, moved ?? MovedPages.None);
        foreach (var node in nodes) relocation.Visit(node);
        if (headingShift > 0)
            foreach (var heading in relocation.Headings) Demote(heading, headingShift);
        var output = new StringWriter();
        foreach (var node in nodes) Write(node, output);
        return output.ToString();
    }

    // HTML's void elements: an open tag and no close tag.
    private static readonly HashSet<string> VoidElements = new(StringComparer.Ordinal)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    };

    /// <summary>
    /// The HTML serialisation of a node, as AngleSharp's <c>ToHtml()</c> writes it (its formatter escapes text and
    /// attributes), walked here: AngleSharp's own walk takes time in the square of an element's children, and a
    /// paragraph of 300,000 claims has that many.
    /// </summary>
    private static void Write(INode node, TextWriter output)
    {
        var formatter = AngleSharp.Html.HtmlMarkupFormatter.Instance;
        switch (node)
        {
            case IElement element:
                var html = element.NamespaceUri == AngleSharp.Dom.NamespaceNames.HtmlUri;
                var selfClosing = html ? VoidElements.Contains(element.LocalName) : element.ChildNodes.Length == 0;
                output.Write(formatter.OpenTag(element, selfClosing));
                if (html && VoidElements.Contains(element.LocalName)) return;
                // The parser drops a newline right after <pre>, <textarea> and <listing>: write one back before a text
                // that starts with its own.
                if (element.LocalName is "pre" or "textarea" or "listing" && element.FirstChild is IText { Data: ['\n', ..] })
                    output.Write('\n');
                var children = element is IHtmlTemplateElement template ? template.Content.ChildNodes : element.ChildNodes;
                foreach (var child in children) Write(child, output);
                if (!selfClosing) output.Write(formatter.CloseTag(element, selfClosing));
                break;
            case ICharacterData text and IText:
                output.Write(formatter.Text(text));
                break;
            case IComment comment:
                output.Write(formatter.Comment(comment));
                break;
            default:
                output.Write(node.ToHtml());
                break;
        }
    }

    private static void Demote(IElement heading, int shift)
    {
        var level = Math.Min(6, heading.LocalName[1] - '0' + shift);
        var replacement = heading.Owner!.CreateElement("h" + level);
        foreach (var attribute in heading.Attributes) replacement.SetAttribute(attribute.NamespaceUri, attribute.Name, attribute.Value);
        while (heading.FirstChild is { } child) replacement.AppendChild(child);
        heading.Replace(replacement);
    }

    private sealed class Relocation(string fromPage, PageUrls to, string scope, MovedPages moved)
    {
        private readonly string prefix = scope + "--";
        private readonly string[] _fromFolders = fromPage.Split('/')[..^1];

        public readonly List<IElement> Headings = [];

        public void Visit(INode node)
        {
            if (node is IElement element)
            {
                if (element is IHtmlHeadingElement) Headings.Add(element);
                foreach (var attribute in element.Attributes.ToList()) Rewrite(element, attribute);
                if (element is IHtmlTemplateElement template)
                    foreach (var child in template.Content.ChildNodes) Visit(child);
            }
            foreach (var child in node.ChildNodes) Visit(child);
        }

        private void Rewrite(IElement element, IAttr attribute)
        {
            var name = attribute.Name;
            var value = attribute.Value;
            string? rewritten;
            if (name.Equals("id", StringComparison.OrdinalIgnoreCase)
                || (name.Equals("name", StringComparison.OrdinalIgnoreCase) && element.LocalName is "a" or "map"))
                rewritten = value.Length == 0 ? value : prefix + value;
            else if (IdReferenceAttributes.Contains(name))
                rewritten = string.Join(' ', value.Split((char[])[' ', '\t', '\n', '\f', '\r'], StringSplitOptions.RemoveEmptyEntries).Select(id => prefix + id));
            else if (UrlAttributes.Contains(name))
                rewritten = Url(value);
            else if (name.Equals("srcset", StringComparison.OrdinalIgnoreCase))
                rewritten = string.Join(", ", value.Split(',').Select(candidate =>
                {
                    var parts = candidate.Trim().Split(' ', 2);
                    return parts[0].Length == 0 ? candidate.Trim() : Url(parts[0]) + (parts.Length > 1 ? " " + parts[1] : "");
                }));
            else
                // SVG paint servers, clip paths, markers, and style attributes: url(#x).
                rewritten = FragmentReference().Replace(value, m => m.Groups[1].Value + "#" + prefix + m.Groups[2].Value);
            if (rewritten != value) element.SetAttribute(attribute.NamespaceUri, name, rewritten);
        }

        private string Url(string url)
        {
            var trimmed = url.Trim();
            if (trimmed.Length == 0 || trimmed == "#") return url;
            if (trimmed[0] == '#') return "#" + (moved.ScopeOfId(trimmed[1..]) ?? scope) + "--" + trimmed[1..];
            // Absolute (http:, mailto:, data: …), protocol-relative and root-relative URLs mean the same from any page.
            if (Scheme().IsMatch(trimmed) || trimmed[0] is '/' or '\\') return url;
            var end = trimmed.IndexOfAny(['?', '#']);
            var path = end < 0 ? trimmed : trimmed[..end];
            var rest = end < 0 ? "" : trimmed[end..];
            var sitePath = Resolve(path);
            // A link into the old page itself now points into its part of the new page; so does one to another
            // page moved onto the new one (its element is its scope: report.html#b), or to its source file (b.md).
            if (sitePath == fromPage && rest.Length > 1 && rest[0] == '#') return "#" + prefix + rest[1..];
            if (rest.Length == 0 || rest[0] == '#')
                if (moved.ScopeOfPage(string.Join('/', sitePath.Split('/').Select(Uri.UnescapeDataString))) is { } other)
                    return "#" + other + (rest.Length > 1 ? "--" + rest[1..] : "");
            // PageUrls escapes each segment: give it the segments as they read.
            return to.To(string.Join('/', sitePath.Split('/').Select(Uri.UnescapeDataString))) + rest;
        }

        /// <summary>The URL's path resolved against the old page, from the site root (RFC 3986 dot segments removed).</summary>
        private string Resolve(string path)
        {
            if (path.Length == 0) return fromPage;
            var segments = new List<string>(_fromFolders);
            var parts = path.Replace('\\', '/').Split('/');
            for (var i = 0; i < parts.Length; i++)
            {
                var last = i == parts.Length - 1;
                switch (parts[i])
                {
                    case ".":
                        if (last) segments.Add("");
                        break;
                    case "..":
                        if (segments.Count > 0) segments.RemoveAt(segments.Count - 1);
                        if (last) segments.Add("");
                        break;
                    default:
                        segments.Add(parts[i]);
                        break;
                }
            }
            return string.Join('/', segments);
        }
    }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.\-]*:")]
    private static partial Regex Scheme();

    [GeneratedRegex(@"(url\(\s*['""]?)#([^'"")\s]+)")]
    private static partial Regex FragmentReference();
}

/// <summary>
/// The fragments moved onto one page (report.html's sections), for <see cref="RelocatedHtml.Move"/>: each one's page
/// and source file by site path ("sections/b.html", "sections/02-b.md"), and the ids only one of them holds (its
/// claims' anchors, "claim-x": claim ids are unique in a report), each with its scope.
/// </summary>
public sealed class MovedPages(IReadOnlyDictionary<string, string> pages, IReadOnlyDictionary<string, string> ids)
{
    public static readonly MovedPages None = new(new Dictionary<string, string>(), new Dictionary<string, string>());

    public string? ScopeOfPage(string sitePath) => pages.GetValueOrDefault(sitePath);

    public string? ScopeOfId(string id) => ids.GetValueOrDefault(id);
}
