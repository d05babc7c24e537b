using System.Text;
using ReportSite.Markdown.Claims;

namespace ReportSite.Markdown;

/// <summary>Reading text as claims and text blocks keep it: runs of white space as one space, none at either end.</summary>
internal sealed class CollapsedText
{
    private readonly StringBuilder _text = new();
    private bool _space;
    private bool _glue;

    public int Length => _text.Length;
    public char this[int index] => _text[index];
    /// <summary>Where the next character that is not white space will be.</summary>
    public int NextStart => _text.Length + (_space ? 1 : 0);

    public void Append(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c)) { _space = _text.Length > 0; continue; }
            if (_space && !(_glue && ClosesText(c))) _text.Append(' ');
            _space = _glue = false;
            _text.Append(c);
        }
    }

    /// <summary>A citation was left out here: a space before it goes when closing punctuation follows ("claim [@a]." reads "claim."), not before a word or an opening bracket.</summary>
    public void Glue() => _glue = true;

    private static bool ClosesText(char c) =>
        ClaimBuilder.Terminators.Contains(c) || ClaimBuilder.ClauseSeparators.Contains(c)
        || (ClaimBuilder.ClosingPunctuation.Contains(c) && c is not ('"' or '\'')); // a straight quote may open the next words

    public override string ToString() => _text.ToString();
}
