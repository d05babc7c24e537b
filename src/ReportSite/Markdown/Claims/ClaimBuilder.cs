using System.Security.Cryptography;
using System.Text;
using Markdig.Helpers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using ReportSite.Markdown.Citations;

namespace ReportSite.Markdown.Claims;

/// <summary>
/// Turns each citation group into the claim it closes: the inlines from the previous sentence end (or the start
/// of the paragraph, list item, table cell or quote, or the end of the previous group) up to and including the group,
/// moved under a <see cref="ClaimInline"/>. Sentence ends are . ! ? ؟ … followed by a space; a terminator right
/// before the group ("…. [@a]") belongs to the claim. Emphasis and links are not split: a claim starts before
/// them or after them.
/// </summary>
public static class ClaimBuilder
{
    internal const string Terminators = ".!?؟…。";
    internal const string ClosingPunctuation = "\"'”’»)]』」›";
    internal const string ClauseSeparators = ",;:،؛";

    /// <summary>Wraps every group in <paramref name="document"/> and returns the claims in reading order.</summary>
    public static IReadOnlyList<ClaimInline> Build(MarkdownDocument document, string sectionSlug)
    {
        var claims = new List<ClaimInline>();
        foreach (var leaf in document.Descendants<LeafBlock>())
            if (leaf.Inline is { } inline)
                Wrap(inline, sectionSlug, claims);
        // Descendants() is not in reading order for nested blocks (lists, quotes); numbering and ids rely on it.
        claims.Sort((a, b) => a.Group.Offset.CompareTo(b.Group.Offset));

        // Derived ids: "<section>-<hash of the normalised text>", so they survive edits elsewhere; repeats get -2, -3…
        var used = new HashSet<string>(StringComparer.Ordinal);
        var nextSuffix = new Dictionary<string, int>(StringComparer.Ordinal); // so the 1,000th repeat does not try -2 … -999 again
        foreach (var claim in claims.Where(c => c.IsExplicit)) used.Add(claim.ClaimId);
        foreach (var claim in claims.Where(c => !c.IsExplicit))
        {
            var id = claim.ClaimId;
            var n = nextSuffix.GetValueOrDefault(id, 2);
            while (!used.Add(id)) id = $"{claim.ClaimId}-{n++}";
            nextSuffix[claim.ClaimId] = n;
            claim.ClaimId = id;
        }
        foreach (var claim in claims)
            foreach (var group in claim.Groups)
                group.ClaimId = claim.ClaimId; // the marker links its source page back to this claim (?from=)
        return claims;
    }

    private static void Wrap(ContainerInline container, string slug, List<ClaimInline> claims)
    {
        // The children since the last claim (all a claim may start at), and that claim: one pass, each child
        // looked at a bounded number of times, so a paragraph of 300,000 claims is as fast as 300 of 1,000.
        var pending = new List<Inline>();
        ClaimInline? previous = null;
        // An in-text citation ("@a says …") opens a claim that runs to the end of its sentence, or to a bracketed
        // group in that sentence, which joins it: the index in pending of the sentence's first in-text group.
        var inText = -1;
        for (var child = container.FirstChild; child is not null;)
        {
            var next = child.NextSibling; // wrapping moves the child under a claim
            pending.Add(child);
            switch (child)
            {
                case CitationGroupInline { InText: true } when inText < 0:
                    inText = pending.Count - 1;
                    break;
                case CitationGroupInline group when inText >= 0:
                    if (group.InText) break; // a second in-text citation in the same sentence
                    previous = WrapClaim(pending, inText, slug, claims, previous is not null);
                    pending.Clear();
                    inText = -1;
                    break;
                case CitationGroupInline group when previous is not null && OnlySpaces(pending, 0, pending.Count - 1):
                    // "Text [@a] [@b]." — a group right after another supports the same claim.
                    foreach (var inline in pending)
                    {
                        inline.Remove();
                        previous.AppendChild(inline);
                    }
                    previous.Groups.Add(group);
                    pending.Clear();
                    break;
                case CitationGroupInline:
                    previous = WrapClaim(pending, pending.Count - 1, slug, claims, previous is not null);
                    pending.Clear();
                    break;
                case LiteralInline literal when inText >= 0 && SentenceEndIn(literal.Content.AsSpan()) is var cut and > 0:
                    // "@a says so. Next …": the claim ends after "so."; the rest of the literal is read on.
                    if (cut < literal.Content.Length)
                    {
                        next = Split(literal, cut);
                    }
                    previous = WrapClaim(pending, inText, slug, claims, previous is not null);
                    pending.Clear();
                    inText = -1;
                    break;
                case ContainerInline nested and not LinkInline:
                    Wrap(nested, slug, claims);
                    break;
            }
            child = next;
        }
        if (inText >= 0) WrapClaim(pending, inText, slug, claims, previous is not null); // the paragraph ends inside the sentence
    }

    // Where a sentence ends in a literal: after its terminator and closing marks, when a space or the literal's end follows.
    private static int SentenceEndIn(ReadOnlySpan<char> s)
    {
        for (var p = 0; p < s.Length; p++)
            if (Terminators.Contains(s[p]) && SentenceEnd(s, p) is var end and >= 0)
                return end;
        return -1;
    }

    // Splits a literal at offset: the head keeps [0, offset), the returned tail (inserted after it) the rest.
    private static LiteralInline Split(LiteralInline literal, int offset)
    {
        var content = literal.Content;
        var tail = new LiteralInline(new StringSlice(content.Text, content.Start + offset, content.End))
        {
            Span = new SourceSpan(literal.Span.Start + offset, literal.Span.End),
            Line = literal.Line,
            Column = literal.Column + offset,
        };
        literal.Content = new StringSlice(content.Text, content.Start, content.Start + offset - 1);
        literal.InsertAfter(tail);
        return tail;
    }

    /// <summary>
    /// Wraps the end of <paramref name="children"/> in a claim and returns it: from the start of the sentence that
    /// the group at <paramref name="anchor"/> stands in, to the last child; every group among them is the claim's.
    /// <paramref name="afterClaim"/>: another claim of this container ends where <paramref name="children"/> starts.
    /// </summary>
    private static ClaimInline WrapClaim(List<Inline> children, int anchor, string slug, List<ClaimInline> claims, bool afterClaim)
    {
        var inText = ((CitationGroupInline)children[anchor]).InText;
        var (startIndex, offset, sentenceStart) = FindStart(children, 0, anchor, trailing: !inText);
        if (children[startIndex] is LiteralInline literal && offset > 0)
            children[startIndex] = Split(literal, offset); // the part before the claim stays where it is

        var members = children.GetRange(startIndex, children.Count - startIndex);
        var groups = members.OfType<CitationGroupInline>().ToList();
        var text = Normalise(PlainText(members));
        var claim = new ClaimInline
        {
            ClaimId = groups.Select(g => g.ExplicitClaimId).FirstOrDefault(id => id is not null) ?? DerivedId(slug, text),
            Text = text,
            Groups = groups,
            // "First [@a], second [@b].": no sentence end since the claim before, so both stand in one sentence.
            ContinuesSentence = afterClaim && !sentenceStart,
            Span = new SourceSpan(members[0].Span.Start, members[^1].Span.End),
            Line = members[0].Line,
            Column = members[0].Column,
        };
        members[0].InsertBefore(claim);
        foreach (var member in members)
        {
            member.Remove();
            claim.AppendChild(member);
        }
        claims.Add(claim);
        return claim;
    }

    /// <summary>
    /// The child index and the offset inside it (for a literal) where the claim starts, and whether a sentence end
    /// (not the start of <paramref name="children"/>) marks it.
    /// </summary>
    /// <param name="trailing">True for a group that ends its sentence: the run of spaces and terminators just before it
    /// is skipped ("…. [@a]"); false for an in-text citation, which stands in its sentence.</param>
    private static (int Index, int Offset, bool SentenceStart) FindStart(List<Inline> children, int from, int groupIndex, bool trailing)
    {
        for (var k = groupIndex - 1; k >= from; k--)
        {
            switch (children[k])
            {
                case LiteralInline literal:
                    var s = literal.Content.AsSpan();
                    for (var p = s.Length - 1; p >= 0; p--)
                    {
                        var c = s[p];
                        if (trailing)
                        {
                            if (char.IsWhiteSpace(c) || Terminators.Contains(c) || ClosingPunctuation.Contains(c)) continue;
                            trailing = false;
                        }
                        if (Terminators.Contains(c) && SentenceEnd(s, p) is var end and >= 0)
                            return Marked(SkipSpaces(children, k, end, groupIndex), true);
                    }
                    break;
                case LineBreakInline:
                    break;
                case ContainerInline container and not LinkInline when !trailing:
                    // "**A bold sentence.** Next [@a]": the sentence ends inside the emphasis; the claim starts after it.
                    var inner = PlainText([container]).TrimEnd().TrimEnd(ClosingPunctuation.ToCharArray());
                    if (inner.Length > 0 && Terminators.Contains(inner[^1])) return Marked(SkipSpaces(children, k + 1, 0, groupIndex), true);
                    break;
                default:
                    trailing = false;
                    break;
            }
        }
        return Marked(SkipSpaces(children, from, 0, groupIndex), false);
    }

    private static (int, int, bool) Marked((int Index, int Offset) start, bool sentenceStart) => (start.Index, start.Offset, sentenceStart);

    // A terminator ends a sentence when closing quotes/brackets and then a space (or the end of the literal) follow;
    // returns the offset after those closing marks, or -1.
    internal static int SentenceEnd(ReadOnlySpan<char> s, int p)
    {
        var q = p + 1;
        while (q < s.Length && ClosingPunctuation.Contains(s[q])) q++;
        return q >= s.Length || char.IsWhiteSpace(s[q]) ? q : -1;
    }

    private static bool OnlySpaces(List<Inline> children, int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            if (children[k] is LineBreakInline) continue;
            if (children[k] is not LiteralInline literal || !literal.Content.AsSpan().IsWhiteSpace()) return false;
        }
        return true;
    }

    private static (int Index, int Offset) SkipSpaces(List<Inline> children, int index, int offset, int groupIndex)
    {
        while (index < groupIndex)
        {
            if (children[index] is LiteralInline literal)
            {
                var s = literal.Content.AsSpan();
                // "First [@a], second [@b].": the second claim starts at "second", not at the comma that joins the two.
                while (offset < s.Length && (char.IsWhiteSpace(s[offset]) || ClauseSeparators.Contains(s[offset]))) offset++;
                if (offset < s.Length) return (index, offset);
            }
            else if (children[index] is not LineBreakInline)
            {
                return (index, 0);
            }
            index++;
            offset = 0;
        }
        return (groupIndex, 0);
    }

    /// <summary>The claim's reading text: literals, code and nested inlines, without citation groups.</summary>
    public static string PlainText(IEnumerable<Inline> inlines)
    {
        var text = new StringBuilder();
        void Append(Inline inline)
        {
            switch (inline)
            {
                case CitationGroupInline group: text.Append(group.AuthorName); break; // an in-text citation reads as its author's name
                case ContainerInline container:
                    for (var child = container.FirstChild; child is not null; child = child.NextSibling) Append(child);
                    break;
                default: text.Append(LeafText(inline)); break;
            }
        }
        foreach (var inline in inlines) Append(inline);
        return text.ToString();
    }

    /// <summary>The reading text of an inline that holds no other inlines (a literal, code, a line break, an entity, an autolink).</summary>
    internal static ReadOnlySpan<char> LeafText(Inline inline) => inline switch
    {
        LiteralInline literal => literal.Content.AsSpan(),
        CodeInline code => code.Content,
        LineBreakInline => " ",
        HtmlEntityInline entity => entity.Transcoded.AsSpan(),
        AutolinkInline autolink => autolink.Url,
        _ => default,
    };

    private static string Normalise(string text)
    {
        var result = new CollapsedText();
        result.Append(text);
        return result.ToString();
    }

    /// <summary>
    /// "&lt;slug&gt;-&lt;8 hex digits&gt;" from the SHA-256 of the claim's text, folded so that edits of
    /// diacritics, tatweel, letter case or spacing do not change it.
    /// </summary>
    public static string DerivedId(string slug, string text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (c == '\u0640' || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(c)) folded.Append(char.ToLowerInvariant(c));
            else if (char.IsWhiteSpace(c) && folded.Length > 0 && folded[^1] != ' ') folded.Append(' ');
        }
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(folded.ToString().Trim()));
        return $"{slug}-{Convert.ToHexStringLower(hash)[..8]}";
    }
}
