namespace ReportSite.Urls;

/// <summary>
/// Absolute URLs of the published site, from site.yml's <c>base_url</c> (an http(s) URL, validated there): one
/// <see cref="SitePaths"/> path as the world reaches it, for <c>&lt;link rel="canonical"&gt;</c>, <c>og:url</c> and
/// sitemap.xml alike. Each path segment is percent-encoded as <see cref="PageUrls"/> encodes it (Arabic slugs and ids).
/// </summary>
public sealed class SiteUrls
{
    public SiteUrls(string baseUrl)
    {
        // Without query or fragment, and ending in '/': the site's pages are below it ("https://example.org/report/").
        // The host in its ASCII (punycode) form and the path percent-encoded, as sitemaps and link previews expect.
        var uri = new Uri(baseUrl, UriKind.Absolute);
        var left = uri.Scheme + "://" + uri.IdnHost + (uri.IsDefaultPort ? "" : ":" + uri.Port) + uri.AbsolutePath;
        Base = left.EndsWith('/') ? left : left + "/";
    }

    /// <summary>The site root, ending in '/'.</summary>
    public string Base { get; }

    /// <summary>The absolute URL of <paramref name="sitePath"/> (a fragment is kept as written; ids are validated).</summary>
    public string For(string sitePath)
    {
        var (path, fragment) = SitePaths.Split(sitePath);
        return Base + string.Join('/', path.Split('/').Select(SitePaths.Segment)) + fragment;
    }

    /// <summary>The absolute URL of <paramref name="sitePath"/> when <paramref name="baseUrl"/> is set, else null.</summary>
    public static string? For(string? baseUrl, string sitePath) => baseUrl is null ? null : new SiteUrls(baseUrl).For(sitePath);
}
