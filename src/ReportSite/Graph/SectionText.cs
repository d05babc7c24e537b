namespace ReportSite.Graph;

/// <summary>
/// A section's text as readers see it, block by block: what search and other text checks read instead of
/// re-parsing the HTML. Built from the Markdown tree when the section is rendered.
/// </summary>
/// <param name="Kind">What the block is.</param>
/// <param name="Anchor">The element id a link to this block goes to: a heading's own id, else the id of the heading
/// before it; null before the first heading (the page's top).</param>
/// <param name="Text">The block's plain text: citations left out (an in-text citation reads as its author's name, as in
/// the claim's text), runs of white space as one space.</param>
/// <param name="Claims">The claims inside the block, in reading order, with where each lies in <paramref name="Text"/>.</param>
public sealed record TextBlock(TextBlockKind Kind, string? Anchor, string Text, IReadOnlyList<ClaimSpan> Claims);

public enum TextBlockKind { Heading, Paragraph, ListItem, TableCell, Code }

/// <summary>A claim inside a block's text: its id and its characters <c>Text[Start..(Start + Length)]</c>.</summary>
public sealed record ClaimSpan(string ClaimId, int Start, int Length);
