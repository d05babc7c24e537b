namespace ReportSite.Engine;

/// <summary>Where a build reads from and writes to. Paths are absolute.</summary>
/// <param name="InputRoot">The report's input folder (site.yml, sections/, sources/, documents/).</param>
/// <param name="ThemeRoot">The theme folder (layouts/, assets/).</param>
/// <param name="DisplayRoot">The folder diagnostics are made relative to (usually the working directory).</param>
public sealed record BuildSettings(string InputRoot, string ThemeRoot, string DisplayRoot)
{
    /// <summary>The path of an input file as authors see it in diagnostics: relative to the working directory, with '/'.</summary>
    public string Display(string absolutePath) =>
        Path.GetRelativePath(DisplayRoot, absolutePath).Replace('\\', '/');

}
