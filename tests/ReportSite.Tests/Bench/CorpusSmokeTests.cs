using System.Security.Cryptography;
using ReportSite.Build;
using ReportSite.Corpus;
using ReportSite.Tests.Support;

namespace ReportSite.Tests.Bench;

/// <summary>
/// The benchmark corpora are too big for CI, so the same generator makes the tiny corpus here and the build must
/// pass on it: the generator cannot rot, and its output stays a valid report.
/// </summary>
public sealed class CorpusSmokeTests
{
    [Fact]
    public void The_tiny_generated_corpus_builds_cleanly()
    {
        var root = Directory.CreateTempSubdirectory("reportsite-corpus-").FullName;
        try
        {
            var input = Path.Combine(root, "input");
            CorpusGenerator.Write(CorpusShape.Tiny, input);
            var result = ReportBuilder.Run(new BuildOptions(input, Path.Combine(root, "_site"), Repo.Theme, root));

            Assert.Empty(result.Diagnostics);
            Assert.Equal(CorpusShape.Tiny.Sections, result.Stats.Sections);
            Assert.Equal(CorpusShape.Tiny.Sources, result.Stats.Sources);
            Assert.Equal(CorpusShape.Tiny.Citations, result.Stats.Citations);
            // + cover, sources index, report.html, search.html; the claims ledger, its three filtered views and one view per section
            Assert.Equal(CorpusShape.Tiny.Sources + CorpusShape.Tiny.Sections + 4 + 4 + CorpusShape.Tiny.Sections,
                Directory.EnumerateFiles(Path.Combine(root, "_site"), "*.html", SearchOption.AllDirectories).Count());
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void The_generator_is_deterministic()
    {
        var root = Directory.CreateTempSubdirectory("reportsite-corpus-").FullName;
        try
        {
            CorpusGenerator.Write(CorpusShape.Tiny, Path.Combine(root, "a"));
            CorpusGenerator.Write(CorpusShape.Tiny, Path.Combine(root, "b"));
            Assert.Equal(Fingerprint(Path.Combine(root, "a")), Fingerprint(Path.Combine(root, "b")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static string Fingerprint(string folder)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetRelativePath(folder, file)));
            hash.AppendData(File.ReadAllBytes(file));
        }
        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
