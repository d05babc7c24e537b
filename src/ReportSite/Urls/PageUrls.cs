namespace ReportSite.Urls;

/// <summary>
/// Relative URLs from one page of the site to any <see cref="SitePaths"/> path, so a page links the same way at any
/// depth (<c>index.html</c>, <c>report.html</c>, <c>sections/x.html</c>, <c>claims/index.html</c>), and the site
/// works from a sub-path and from <c>file://</c>. Each path segment is percent-encoded (ids and slugs may be Arabic,
/// or hold ':'); the fragment is kept as written (ids are validated).
/// </summary>
public sealed class PageUrls
{
    private readonly string[] _folders; // the page's folders from the root ("sections")

    public PageUrls(string pagePath)
    {
        PagePath = pagePath;
        _folders = pagePath.Split('/')[..^1];
        Root = string.Concat(Enumerable.Repeat("../", _folders.Length));
    }

    /// <summary>The page's own path from the site root.</summary>
    public string PagePath { get; }

    /// <summary>From the page to the site root: "" or "../" or "../../".</summary>
    public string Root { get; }

    public string To(string sitePath)
    {
        var (path, fragment) = SitePaths.Split(sitePath);
        // A link to the page itself is its fragment alone: it never reloads the page and works in a saved copy.
        if (fragment.Length > 0 && path == PagePath) return fragment;
        // The shortest relative path: up from the page's folder only as far as the folder both share.
        var segments = path.Split('/');
        var shared = 0;
        while (shared < _folders.Length && shared < segments.Length - 1 && _folders[shared] == segments[shared]) shared++;
        var up = string.Concat(Enumerable.Repeat("../", _folders.Length - shared));
        return up + string.Join('/', segments[shared..].Select(SitePaths.Segment)) + fragment;
    }
}
