namespace ReportSite.Safety;

/// <summary>
/// Which URLs may appear in the site: relative ones (including #fragments), http, https, and mailto (what an
/// e-mail autolink produces). Everything else — javascript:, data:, vbscript:, file: … — is refused.
/// </summary>
public static class UrlPolicy
{
    private static readonly string[] AllowedSchemes = ["http", "https", "mailto"];

    /// <summary>The URL's scheme as a browser would read it (control characters and whitespace removed), or null if relative.</summary>
    public static string? SchemeOf(string url)
    {
        // Browsers drop tabs and newlines anywhere in a URL and leading spaces/controls: "java\tscript:" is javascript:.
        var cleaned = new string(url.Where(c => c > ' ' && c != '\u007f').ToArray());
        for (var i = 0; i < cleaned.Length; i++)
        {
            var c = cleaned[i];
            if (c == ':') return i == 0 ? null : cleaned[..i].ToLowerInvariant();
            if (c is '/' or '?' or '#') return null;
            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.')) return null;
        }
        return null;
    }

    public static bool IsAllowed(string url) => SchemeOf(url) is not { } scheme || AllowedSchemes.Contains(scheme);
}
