using Microsoft.Playwright;

namespace ReportSite.BrowserTests.Support;

/// <summary>Full-page screenshots under tests/artifacts/ (git-ignored), for a person to look at.</summary>
public static class Screenshots
{
    public static async Task<string> SaveAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Repo.Artifacts);
        var path = Path.Combine(Repo.Artifacts, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true, Animations = ScreenshotAnimations.Disabled });
        return path;
    }
}
