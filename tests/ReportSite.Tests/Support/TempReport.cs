using ReportSite.Build;
using ReportSite.Diagnostics;

namespace ReportSite.Tests.Support;

/// <summary>
/// A tiny report written to a temporary folder by a test: <c>input/</c> with the files given, built into
/// <c>_site/</c> beside it. Diagnostics paths are relative to the temporary folder ("input/sections/01-a.md").
/// </summary>
public sealed class TempReport : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("reportsite-test-").FullName;
    public string Input => Path.Combine(Root, "input");
    public string Output => Path.Combine(Root, "_site");

    public const string MinimalSite = "title: Test report\nlanguage: en\n";

    public TempReport(bool withSite = true)
    {
        Directory.CreateDirectory(Input);
        if (withSite) Write("site.yml", MinimalSite);
    }

    /// <summary>Writes a file under input/ (creating folders).</summary>
    public TempReport Write(string relativePath, string text)
    {
        var path = Path.Combine(Input, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return this;
    }

    public TempReport WriteBytes(string relativePath, byte[] bytes)
    {
        var path = Path.Combine(Input, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return this;
    }

    public BuildResult Build() => ReportBuilder.Run(new BuildOptions(Input, Output, Repo.Theme, Root));

    public BuildResult Check() => ReportBuilder.Run(new BuildOptions(Input, null, Repo.Theme, Root));

    public string ReadOutput(string relativePath) => File.ReadAllText(Path.Combine(Output, relativePath));

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}

public static class DiagnosticAssertions
{
    /// <summary>Asserts exactly one diagnostic with <paramref name="code"/> at file(line,col), and returns it.</summary>
    public static Diagnostic Single(this BuildResult result, string code, string file, int line, int column)
    {
        var matches = result.Diagnostics.Where(d => d.Code == code).ToList();
        var diagnostic = Assert.Single(matches);
        Assert.Equal((file, line, column), (diagnostic.File, diagnostic.Line, diagnostic.Column));
        return diagnostic;
    }
}
