using Microsoft.Playwright;

namespace ReportSite.BrowserTests.Support;

/// <summary>
/// What every browser test shares, made once: the sample report, the English fixture report and a small Arabic-Indic digits one built into temporary
/// folders, each served over http on 127.0.0.1, and one Chromium (Debian's, never a downloaded one). Pages and
/// contexts are made per test (<see cref="Site.OpenAsync"/>).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string FileTransport = "file";
    public const string HttpTransport = "http";

    /// <summary>Chromium's flags: no sandbox (root in CI), and nothing that talks to the network on its own.</summary>
    public static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private readonly Dictionary<string, BuiltReport> _reports = [];
    private readonly Dictionary<string, StaticServer> _servers = [];
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("the browser fixture is not initialized");

    public async Task InitializeAsync()
    {
        // Playwright must never fetch a browser of its own: the tests drive the system's Chromium.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _reports[BuiltReport.Sample] = BuiltReport.BuildSample();
        _reports[BuiltReport.English] = BuiltReport.BuildEnglish();
        _reports[BuiltReport.ArabicDigits] = BuiltReport.BuildArabicDigits();
        foreach (var (name, report) in _reports) _servers[name] = await StaticServer.StartAsync(report.SiteFolder);
        _playwright = await Playwright.CreateAsync();
        try
        {
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Args = ChromiumArgs,
                Headless = true,
            });
        }
        catch (Exception e)
        {
            // Clean up now (DisposeAsync may run again: it is safe twice), then fail every test with why.
            await DisposeAsync();
            throw new InvalidOperationException(
                $"Chromium could not start from '{ChromiumPath}' (set CHROMIUM_PATH, or install Debian's chromium: " +
                "tests/run.sh does with apt-get). The browser tests need it and never download one.\n" + e.Message, e);
        }
    }

    /// <summary>The site of <paramref name="report"/> (<see cref="BuiltReport.Sample"/>, <see cref="BuiltReport.English"/> or <see cref="BuiltReport.ArabicDigits"/>)
    /// over <paramref name="transport"/> (<see cref="FileTransport"/> or <see cref="HttpTransport"/>).</summary>
    public Site Site(string report, string transport)
    {
        var built = _reports[report];
        return transport switch
        {
            FileTransport => new Site(this, built, transport, new Uri(Path.TrimEndingDirectorySeparator(built.SiteFolder) + "/")),
            HttpTransport => new Site(this, built, transport, _servers[report].BaseUrl),
            _ => throw new ArgumentOutOfRangeException(nameof(transport), transport, "file or http"),
        };
    }

    public async Task DisposeAsync()
    {
        // Safe to call twice (after a failed start, then by xunit).
        if (_browser is not null) await _browser.CloseAsync();
        _browser = null;
        _playwright?.Dispose();
        _playwright = null;
        foreach (var server in _servers.Values) await server.DisposeAsync();
        _servers.Clear();
        foreach (var report in _reports.Values) report.Dispose();
        _reports.Clear();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

/// <summary>Rows for theories that run on both reports over both transports.</summary>
public static class Sites
{
    public static TheoryData<string, string> All => new()
    {
        { BuiltReport.Sample, BrowserFixture.FileTransport },
        { BuiltReport.Sample, BrowserFixture.HttpTransport },
        { BuiltReport.English, BrowserFixture.FileTransport },
        { BuiltReport.English, BrowserFixture.HttpTransport },
    };

    /// <summary><see cref="All"/> × light and dark.</summary>
    public static TheoryData<string, string, bool> AllLightAndDark
    {
        get
        {
            var data = new TheoryData<string, string, bool>();
            foreach (var row in All)
                foreach (var dark in new[] { false, true }) data.Add((string)row[0], (string)row[1], dark);
            return data;
        }
    }

    /// <summary><see cref="AllLightAndDark"/> × phone (390×844) and desktop (1280×800).</summary>
    public static TheoryData<string, string, bool, bool> AllLightAndDarkMobileAndDesktop
    {
        get
        {
            var data = new TheoryData<string, string, bool, bool>();
            foreach (var row in AllLightAndDark)
                foreach (var mobile in new[] { true, false }) data.Add((string)row[0], (string)row[1], (bool)row[2], mobile);
            return data;
        }
    }
}
