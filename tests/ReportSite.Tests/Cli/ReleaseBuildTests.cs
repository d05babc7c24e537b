using System.Runtime.InteropServices;
using System.Text.Json;
using ReportSite.Build;
using ReportSite.Corpus;
using ReportSite.Tests.Support;

namespace ReportSite.Tests.Cli;

/// <summary>
/// The release binary, published once for the tests below exactly as README and bench publish it: Native AOT
/// (trimmed, compiled ahead of time).
/// </summary>
public sealed class ReleaseBinary : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("reportsite-release-").FullName;
    public string Program => Path.Combine(Folder, "reportsite");

    public ReleaseBinary()
    {
        var (exit, stdout, stderr) = Processes.Run("dotnet", null,
            ["publish", Path.Combine(Repo.Root, "src", "ReportSite.Cli"), "-c", "Release", "-r", Rid, "-p:PublishAot=true", "-o", Folder, "--nologo"]);
        if (exit != 0 || !File.Exists(Program))
            throw new InvalidOperationException($"dotnet publish (Native AOT) failed:\n{stdout}\n{stderr}");
    }

    // The portable RID (linux-x64), for which the ahead-of-time compiler package exists, even on a distro-built SDK.
    private static string Rid => OperatingSystem.IsLinux()
        ? "linux-" + RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant()
        : RuntimeInformation.RuntimeIdentifier;

    public (int ExitCode, string Stdout, string Stderr) Run(string workingDirectory, params string[] args) =>
        Processes.Run(Program, workingDirectory, args);

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}

/// <summary>
/// Reflection that works under the JIT can fail in a trimmed, ahead-of-time binary (Scriban reads page models and
/// Spectre.Console.Cli reads command settings by reflection). So the published binary must build the very same
/// site, byte for byte, and report the very same diagnostics, as the library does in-process.
/// </summary>
public sealed class ReleaseBuildTests(ReleaseBinary release) : IClassFixture<ReleaseBinary>
{
    [Fact]
    public void The_release_binary_builds_the_sample_report_byte_for_byte_as_the_library_does()
    {
        var root = Directory.CreateTempSubdirectory("reportsite-parity-").FullName;
        try
        {
            AssertSameSite(Repo.Input, root);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void The_release_binary_builds_the_tiny_corpus_byte_for_byte_as_the_library_does()
    {
        var root = Directory.CreateTempSubdirectory("reportsite-parity-").FullName;
        try
        {
            var input = Path.Combine(root, "input");
            CorpusGenerator.Write(CorpusShape.Tiny, input);
            AssertSameSite(input, root);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void The_release_binary_reports_the_same_diagnostics_and_exit_codes()
    {
        using var report = new TempReport()
            .Write("sources/a.yml", "- id: a\n  type: reprt\n  title: A\n  url: javascript:alert(1)\n")
            .Write("sections/01-one.md", "---\ntitle: One\n---\nA claim [@b]. Another [@a, p. 4].\n");
        var expected = ReportBuilder.Run(new BuildOptions("input", null, Repo.Theme, report.Root)).Diagnostics;
        Assert.NotEmpty(expected);

        var (exit, stdout, _) = release.Run(report.Root, "check", "input", "--format", "json");
        Assert.Equal(1, exit);
        var printed = JsonDocument.Parse(stdout).RootElement.EnumerateArray()
            .Select(d => $"{d.GetProperty("file").GetString()}({d.GetProperty("line").GetInt32()},{d.GetProperty("column").GetInt32()}) " +
                         $"{d.GetProperty("severity").GetString()} {d.GetProperty("code").GetString()}: {d.GetProperty("message").GetString()}")
            .ToList();
        Assert.Equal(expected.Select(d => $"{d.File}({d.Line},{d.Column}) {(d.Severity == ReportSite.Diagnostics.Severity.Error ? "error" : "warning")} {d.Code}: {d.Message}"), printed);

        Assert.Equal(2, release.Run(report.Root, "build", "--no-such-option").ExitCode);
        Assert.Equal(2, release.Run(report.Root, "verify").ExitCode);
        Assert.Equal(0, release.Run(report.Root, "--help").ExitCode);
    }

    private void AssertSameSite(string input, string root)
    {
        var library = Path.Combine(root, "library");
        var result = ReportBuilder.Run(new BuildOptions(input, library, Repo.Theme, root));
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));

        var published = Path.Combine(root, "published");
        var (exit, stdout, stderr) = release.Run(root, "build", input, "--output", published);
        Assert.True(exit == 0, $"exit {exit}\n{stdout}\n{stderr}");

        var expected = Files(library);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, Files(published));
        foreach (var file in expected)
            Assert.True(File.ReadAllBytes(Path.Combine(library, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(published, file))),
                $"{file} differs between the library build and the release binary");
        (exit, stdout, stderr) = release.Run(root, "verify", published); // reading JSON without reflection, ahead of time
        Assert.True(exit == 0, $"verify: exit {exit}\n{stdout}\n{stderr}");
    }

    private static List<string> Files(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f)).Order(StringComparer.Ordinal).ToList();
}
