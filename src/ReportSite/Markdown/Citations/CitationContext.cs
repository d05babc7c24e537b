using Markdig;

namespace ReportSite.Markdown.Citations;

/// <summary>
/// What parsing one section needs to know about citations, passed to Markdig with the section (the pipeline itself
/// is built once per build): the record ids, because a bare <c>@word</c> in the text is a citation only when it names
/// a record (so handles like <c>@reuters</c> stay prose), and what the parsers saw but did not read as a citation,
/// so that nothing an author meant as one is lost in silence.
/// </summary>
public sealed class CitationContext(IReadOnlySet<string> keys) : MarkdownParserContext
{
    public bool IsKnown(string key) => keys.Contains(key);

    /// <summary>'@key' text that is not read as a citation, with the reason, in parsing order.</summary>
    public List<UnreadCitation> Unread { get; } = [];
}

/// <param name="Offset">Where the '@' is in the section's text (Markdig's mapping).</param>
/// <param name="Key">The key as written after '@'.</param>
/// <param name="Reason">Why it is not a citation, completing "'@key' is not read as a citation here: …"; null when
/// the key is simply unknown in the text (then only a near miss of a record id is reported).</param>
public sealed record UnreadCitation(int Offset, string Key, string? Reason);
