using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ReportSite.Templates;

/// <summary>
/// Dates and numbers as the theme prints them: month names in the report's language and the digits site.yml picks
/// (<c>latn</c> 0123456789 or <c>arab</c> ٠١٢٣٤٥٦٧٨٩, W3C alreq). Month names come from a fixed table, not from ICU,
/// so the output is the same on every machine: for Arabic the names CLDR gives <c>ar</c> (يناير … ديسمبر, the names
/// used in Egypt and the Gulf and by most Arabic news sites); every other language reads English names (not
/// CultureInfo's: those depend on the machine's ICU, and the build must print the same everywhere, AOT binary included).
/// </summary>
public static partial class LocalizedText
{
    private static readonly string[] Arabic =
        ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"];
    private static readonly string[] English =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    [GeneratedRegex(@"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")]
    private static partial Regex IsoDate();

    /// <summary>"2024-03-29" → "29 March 2024" / "29 مارس 2024"; "2024-03" → "March 2024"; "2024" → "2024". Anything
    /// that is not such a date (or not a real one) is returned unchanged.</summary>
    public static string Date(string iso, string language, string digits)
    {
        var match = IsoDate().Match(iso);
        if (!match.Success) return iso;
        var year = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        if (!match.Groups[2].Success) return Digits(match.Groups[1].Value, digits);
        var month = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        if (month is < 1 or > 12) return iso;
        var names = language.Split('-')[0].Equals("ar", StringComparison.OrdinalIgnoreCase) ? Arabic : English;
        var text = $"{names[month - 1]} {match.Groups[1].Value}";
        if (match.Groups[3].Success)
        {
            var day = int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture);
            if (day < 1 || day > DateTime.DaysInMonth(year, month)) return iso;
            text = $"{day.ToString(CultureInfo.InvariantCulture)} {text}";
        }
        return Digits(text, digits);
    }

    /// <summary>An integer in the chosen digits (no grouping separators: counts in a report are small).</summary>
    public static string Number(long n, string digits) => Digits(n.ToString(CultureInfo.InvariantCulture), digits);

    /// <summary>Replaces ASCII digits with Arabic-Indic ones when <paramref name="digits"/> is <c>arab</c>.</summary>
    public static string Digits(string text, string digits)
    {
        if (digits != "arab") return text;
        var builder = new StringBuilder(text.Length);
        foreach (var c in text) builder.Append(c is >= '0' and <= '9' ? (char)('\u0660' + (c - '0')) : c);
        return builder.ToString();
    }
}
