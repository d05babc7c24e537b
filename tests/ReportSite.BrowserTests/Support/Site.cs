using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace ReportSite.BrowserTests.Support;

/// <summary>How a page is opened: colour scheme, phone or desktop viewport, JavaScript on or off.</summary>
public sealed record PageOptions(bool Dark = false, bool Mobile = false, bool JavaScript = true)
{
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };
    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 800 };

    public ViewportSize Viewport => Mobile ? Phone : Desktop;

    /// <summary>For file names: "390x844-dark".</summary>
    public string Label => $"{Viewport.Width}x{Viewport.Height}-{(Dark ? "dark" : "light")}{(JavaScript ? "" : "-nojs")}";
}

/// <summary>One built report reached one way (file:// or http on 127.0.0.1).</summary>
public sealed class Site(BrowserFixture fixture, BuiltReport report, string transport, Uri baseUrl)
{
    public BuiltReport Report { get; } = report;
    public string Transport { get; } = transport;

    /// <summary>The site's root, ending in '/'.</summary>
    public Uri BaseUrl { get; } = baseUrl;

    /// <summary>The URL of a page of the site ("sections/a.html#claim-x").</summary>
    public string Url(string path)
    {
        // The fragment is appended as it is: a file: URI would escape its '#' as part of the path.
        var hash = path.IndexOf('#');
        return hash < 0 ? new Uri(BaseUrl, path).AbsoluteUri : new Uri(BaseUrl, path[..hash]).AbsoluteUri + path[hash..];
    }

    /// <summary>The site's path of a URL of the site ("sections/a.html"), without query or fragment.</summary>
    public string PathOf(string url)
    {
        var uri = new Uri(url);
        Assert.True(BaseUrl.IsBaseOf(uri), $"{url} is not a page of the site at {BaseUrl}");
        return Uri.UnescapeDataString(BaseUrl.MakeRelativeUri(new Uri(uri.GetLeftPart(UriPartial.Path))).OriginalString);
    }

    /// <summary>Whether a request stays on this machine and inside this site: its folder (file://) or its server.</summary>
    public bool IsLocal(string url) =>
        url.StartsWith("data:", StringComparison.Ordinal) || url.StartsWith("about:", StringComparison.Ordinal)
        || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && BaseUrl.IsBaseOf(uri));

    /// <summary>For file names: "sample-http".</summary>
    public string Label => $"{Report.Name}-{Transport}";

    public override string ToString() => $"{Report.Name} over {Transport} ({BaseUrl})";

    /// <summary>Opens <paramref name="path"/> of the site in a new browser context with <paramref name="options"/>;
    /// every request the page makes is recorded, and any that would leave the site is refused.</summary>
    public async Task<SitePage> OpenAsync(string path, PageOptions? options = null)
    {
        options ??= new PageOptions();
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = options.Viewport,
            IsMobile = options.Mobile,
            HasTouch = options.Mobile,
            DeviceScaleFactor = 1,
            ColorScheme = options.Dark ? ColorScheme.Dark : ColorScheme.Light,
            JavaScriptEnabled = options.JavaScript,
            Locale = Report.Language,
            ServiceWorkers = ServiceWorkerPolicy.Block,
        });
        var page = new SitePage(this, context, await context.NewPageAsync(), options);
        await page.RouteAsync();
        await page.GotoAsync(path);
        return page;
    }
}

/// <summary>A page opened in its own browser context, with the requests it made. Disposing closes the context.</summary>
public sealed partial class SitePage : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly ConcurrentQueue<string> _failures = new();
    private volatile bool _axeRunning;

    public Site Site { get; }
    public IBrowserContext Context { get; }
    public IPage Page { get; }
    public PageOptions Options { get; }

    /// <summary>Every URL requested, in order (documents, styles, images, scripts, fetches).</summary>
    public IReadOnlyCollection<string> Requests => _requests;

    internal SitePage(Site site, IBrowserContext context, IPage page, PageOptions options)
    {
        Site = site;
        Context = context;
        Page = page;
        Options = options;
        context.Request += (_, request) => _requests.Enqueue(request.Url);
        context.RequestFailed += (_, request) =>
        {
            // axe-core re-reads stylesheets it cannot see into with a fetch, which file:// refuses: that is axe's
            // request, not the page's (its URL is still checked to be local).
            if (_axeRunning && request.ResourceType is "xhr" or "fetch") return;
            _failures.Enqueue($"{request.Url}: {request.Failure}");
        };
        context.Response += (_, response) =>
        {
            if (response.Status >= 400) _failures.Enqueue($"{response.Url}: HTTP {response.Status}");
        };
    }

    internal Task RouteAsync() =>
        // A request that would leave the site is refused before it goes out (and still recorded by Request above).
        Context.RouteAsync("**/*", route => Site.IsLocal(route.Request.Url) ? route.ContinueAsync() : route.AbortAsync("blockedbyclient"));

    /// <summary>The site's path of the page now shown ("sections/a.html").</summary>
    public string Path => Site.PathOf(Page.Url);

    public async Task GotoAsync(string path)
    {
        var response = await Page.GotoAsync(Site.Url(path), new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        if (response is not null) Assert.True(response.Ok, $"{Site}: {path} answered {response.Status}");
    }

    /// <summary>Clicks <paramref name="link"/> and waits for the page it leads to (or the fragment it scrolls to).</summary>
    public async Task FollowAsync(ILocator link)
    {
        var href = await link.GetAttributeAsync("href") ?? throw new InvalidOperationException("the link has no href");
        var expected = new Uri(new Uri(Page.Url), href).AbsoluteUri;
        await link.ClickAsync();
        await Page.WaitForURLAsync(expected, new PageWaitForURLOptions { WaitUntil = WaitUntilState.Load });
    }

    /// <summary>No request left 127.0.0.1 or file://, or the site; none failed or answered an error.</summary>
    public void AssertOnlyLocalRequests()
    {
        Assert.NotEmpty(_requests);
        var foreign = _requests.Where(url => !Site.IsLocal(url)).Distinct().ToList();
        Assert.True(foreign.Count == 0, $"{Site}: requests outside the site:\n  " + string.Join("\n  ", foreign));
        Assert.True(_failures.IsEmpty, $"{Site}: failed requests:\n  " + string.Join("\n  ", _failures.Distinct()));
    }

    /// <summary>Runs axe-core on the page (see <see cref="Axe"/>).</summary>
    public async Task<Axe.Result> AxeAsync()
    {
        _axeRunning = true;
        try { return await Axe.RunAsync(Page); }
        finally { _axeRunning = false; }
    }

    /// <summary>A full-page screenshot saved as tests/artifacts/{site}-{name}-{viewport}-{scheme}.png; returns its path.</summary>
    public Task<string> ScreenshotAsync(string name) =>
        Screenshots.SaveAsync(Page, $"{Site.Label}-{name}-{Options.Label}");

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}
