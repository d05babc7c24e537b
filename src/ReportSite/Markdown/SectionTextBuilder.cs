using Markdig.Extensions.Tables;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using ReportSite.Graph;
using ReportSite.Markdown.Citations;
using ReportSite.Markdown.Claims;

namespace ReportSite.Markdown;

/// <summary>
/// Builds a section's text model (<see cref="TextBlock"/>s) from its Markdown tree once claims are built: blocks in
/// reading order, their plain text, and where each claim lies in it. Raw HTML blocks and thematic breaks hold no
/// reading text and are left out.
/// </summary>
public static class SectionTextBuilder
{
    /// <param name="claimIds">The claims the section keeps (a group whose sources are all unknown makes none).</param>
    public static IReadOnlyList<TextBlock> Build(MarkdownDocument document, IReadOnlySet<string> claimIds)
    {
        var blocks = new List<TextBlock>();
        string? anchor = null;
        void Walk(Block block, TextBlockKind container)
        {
            switch (block)
            {
                case HeadingBlock heading:
                    anchor = heading.GetAttributes().Id is { Length: > 0 } id ? id : anchor;
                    Add(TextBlockKind.Heading, heading.Inline);
                    break;
                case ParagraphBlock paragraph:
                    Add(container, paragraph.Inline);
                    break;
                case CodeBlock code:
                    if (Collapse(code.Lines.ToString()) is { Length: > 0 } text) blocks.Add(new TextBlock(TextBlockKind.Code, anchor, text, []));
                    break;
                case ListItemBlock item:
                    foreach (var child in item) Walk(child, TextBlockKind.ListItem);
                    break;
                case TableCell cell:
                    foreach (var child in cell) Walk(child, TextBlockKind.TableCell);
                    break;
                case ContainerBlock children:
                    foreach (var child in children) Walk(child, container);
                    break;
            }
        }
        void Add(TextBlockKind kind, ContainerInline? inline)
        {
            if (inline is null) return;
            var text = new CollapsedText();
            var claims = new List<ClaimSpan>();
            Append(inline, text, claims, claimIds);
            if (text.Length > 0) blocks.Add(new TextBlock(kind, anchor, text.ToString(), claims));
        }
        foreach (var block in document) Walk(block, TextBlockKind.Paragraph);
        return blocks;
    }

    // The same reading text as ClaimBuilder.PlainText, with each kept claim's span recorded on the way.
    private static void Append(Inline inline, CollapsedText text, List<ClaimSpan> claims, IReadOnlySet<string> claimIds)
    {
        switch (inline)
        {
            case ClaimInline claim when claimIds.Contains(claim.ClaimId):
                var start = text.NextStart;
                for (var child = claim.FirstChild; child is not null; child = child.NextSibling) Append(child, text, claims, claimIds);
                if (start < text.Length && text[start] == ' ') start++; // the claim's own first child began with a space
                if (text.Length > start) claims.Add(new ClaimSpan(claim.ClaimId, start, text.Length - start));
                break;
            case CitationGroupInline { AuthorName: { } name }: text.Append(name); break;
            case CitationGroupInline: text.Glue(); break; // "claim [@a]." reads "claim.", not "claim ."
            case ContainerInline container:
                for (var child = container.FirstChild; child is not null; child = child.NextSibling) Append(child, text, claims, claimIds);
                break;
            default: text.Append(ClaimBuilder.LeafText(inline)); break;
        }
    }

    private static string Collapse(string s)
    {
        var text = new CollapsedText();
        text.Append(s);
        return text.ToString();
    }
}
