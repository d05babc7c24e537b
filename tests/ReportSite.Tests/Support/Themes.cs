using ReportSite.Diagnostics;
using ReportSite.Engine;
using ReportSite.Input;
using ReportSite.Templates;

namespace ReportSite.Tests.Support;

/// <summary>A theme folder made by a test, listed as a build lists it, and its renderer.</summary>
public static class Themes
{
    /// <summary>A copy of the default theme at <paramref name="folder"/> (usually "theme/" beside a test's input), which a test may change.</summary>
    public static string CopyDefault(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(Repo.Theme, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(folder, Path.GetRelativePath(Repo.Theme, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return folder;
    }

    /// <param name="displayRoot">The folder diagnostics paths are relative to.</param>
    /// <param name="diagnostics">Where the theme's own problems go (a fresh bag when not given).</param>
    public static TemplateRenderer Renderer(string themeRoot, string displayRoot, DiagnosticBag? diagnostics = null)
    {
        diagnostics ??= new DiagnosticBag();
        var theme = InputTree.Read(themeRoot, new BuildSettings(themeRoot, themeRoot, displayRoot), diagnostics);
        return new TemplateRenderer(theme, "en", diagnostics);
    }
}
