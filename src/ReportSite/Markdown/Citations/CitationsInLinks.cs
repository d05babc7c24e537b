using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ReportSite.Markdown.Citations;

/// <summary>
/// A link's text and an image's description are not citations, as in Pandoc: Markdig reads a link's text before it
/// knows the bracket is a link, so a group read there is put back as the text it was written as, and reported.
/// </summary>
public static class CitationsInLinks
{
    public static void Unwrap(MarkdownDocument document, CitationContext context)
    {
        foreach (var group in document.Descendants<CitationGroupInline>().ToList())
        {
            if (group.FindParentOfType<LinkInline>().FirstOrDefault() is not { } link) continue;
            var reason = link.IsImage ? "it is in an image's description" : "it is in a link's text; cite after the link";
            for (var i = 0; i < group.KeyOffsets.Count; i++)
                context.Unread.Add(new UnreadCitation(group.KeyOffsets[i], group.Group!.Citations[i].Key, reason));
            group.ReplaceBy(new LiteralInline(group.RawText) { Span = group.Span, Line = group.Line, Column = group.Column });
        }
    }
}
