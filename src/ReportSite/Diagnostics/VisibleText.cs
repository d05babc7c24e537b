using System.Globalization;
using System.Text;

namespace ReportSite.Diagnostics;

/// <summary>
/// What a terminal shows is what the input holds: every character a terminal would act on (C0 and C1 controls,
/// so no escape sequence can start), or that shows as nothing or as something else (bidi controls, zero-width
/// and other format characters, default-ignorable letters, the blank Braille pattern, variation selectors, tag
/// characters, separators other than the space, unassigned code points), is written as <c>&lt;U+202E&gt;</c>. Every
/// printed diagnostic goes through <see cref="Of"/>; JSON keeps the exact value and \u-escapes the same characters
/// (<see cref="InJson"/>).
/// </summary>
public static class VisibleText
{
    public static string Of(string text) => Replace(text, static (builder, codePoint, _) =>
        builder.Append("<U+").Append(codePoint.ToString("X4", CultureInfo.InvariantCulture)).Append('>'), skipAsciiControls: false);

    /// <summary>
    /// JSON text with every hidden character \u-escaped. ASCII controls are left alone: inside strings every JSON
    /// writer already escapes them, and outside strings they are the indentation's line breaks.
    /// </summary>
    public static string InJson(string json) => Replace(json, static (builder, _, units) =>
    {
        foreach (var unit in units) builder.Append("\\u").Append(((int)unit).ToString("X4", CultureInfo.InvariantCulture));
    }, skipAsciiControls: true);

    /// <summary>Whether the code point (or lone surrogate) is one a reader cannot see as itself.</summary>
    public static bool IsHidden(int codePoint)
    {
        if (codePoint is >= 0x20 and < 0x7F) return false; // printable ASCII: the fast path
        if (codePoint is 0x034F or 0x115F or 0x1160 or 0x17B4 or 0x17B5 or 0x3164 or 0xFFA0 // default ignorable, yet letters or marks
            or (>= 0x180B and <= 0x180F) or (>= 0xFE00 and <= 0xFE0F) or (>= 0xE0000 and <= 0xE0FFF)
            or 0x2800) // the blank Braille pattern: a symbol that shows as a space
            return true;
        var category = codePoint is >= 0xD800 and <= 0xDFFF ? UnicodeCategory.Surrogate : CharUnicodeInfo.GetUnicodeCategory(codePoint);
        return category switch
        {
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned
                or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => true,
            UnicodeCategory.SpaceSeparator => codePoint != ' ',
            _ => false,
        };
    }

    private delegate void Escape(StringBuilder builder, int codePoint, ReadOnlySpan<char> units);

    private static string Replace(string text, Escape escape, bool skipAsciiControls)
    {
        StringBuilder? result = null;
        var copied = 0;
        for (var i = 0; i < text.Length;)
        {
            var length = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
            var codePoint = length == 2 ? char.ConvertToUtf32(text[i], text[i + 1]) : text[i];
            if (IsHidden(codePoint) && !(skipAsciiControls && codePoint < 0x20))
            {
                result ??= new StringBuilder(text.Length + 16);
                result.Append(text, copied, i - copied);
                escape(result, codePoint, text.AsSpan(i, length));
                copied = i + length;
            }
            i += length;
        }
        return result is null ? text : result.Append(text, copied, text.Length - copied).ToString();
    }
}
