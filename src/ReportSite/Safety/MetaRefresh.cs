namespace ReportSite.Safety;

/// <summary>
/// The URL a <c>&lt;meta http-equiv="refresh" content="…"&gt;</c> navigates to, read as browsers read it (HTML's "shared
/// declarative refresh steps"): <c>5; url=x</c>, <c>5,URL = 'x'</c>, and also a bare <c>5; x</c> or <c>5 x</c>.
/// </summary>
public static class MetaRefresh
{
    /// <summary>The URL the content would navigate to, or null when it only reloads the page or a browser ignores it.</summary>
    public static string? UrlOf(string content)
    {
        var s = content;
        var i = SkipSpace(s, 0);
        var digits = i;
        while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
        if (i == digits && (i == s.Length || s[i] != '.')) return null; // no time: ignored
        while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.')) i++;
        if (i == s.Length) return null;
        if (s[i] is not (';' or ',') && !IsSpace(s[i])) return null;
        i = SkipSpace(s, i);
        if (i < s.Length && s[i] is ';' or ',') i++;
        i = SkipSpace(s, i);
        if (i == s.Length) return null;

        var url = s[i..]; // what is parsed when "url=" is not written out in full
        if (i < s.Length && s[i] is 'u' or 'U') i++; else return Unquote(s, i);
        if (i < s.Length && s[i] is 'r' or 'R') i++; else return url;
        if (i < s.Length && s[i] is 'l' or 'L') i++; else return url;
        i = SkipSpace(s, i);
        if (i < s.Length && s[i] == '=') i++; else return url;
        return Unquote(s, SkipSpace(s, i));
    }

    private static string Unquote(string s, int i)
    {
        if (i >= s.Length || s[i] is not ('\'' or '"')) return s[i..];
        var end = s.IndexOf(s[i], i + 1);
        return end < 0 ? s[(i + 1)..] : s[(i + 1)..end];
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\f' or '\r';

    private static int SkipSpace(string s, int i)
    {
        while (i < s.Length && IsSpace(s[i])) i++;
        return i;
    }
}
