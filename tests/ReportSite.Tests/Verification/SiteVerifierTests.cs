using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ReportSite.Exports;
using ReportSite.Tests.Support;
using ReportSite.Verification;

namespace ReportSite.Tests.Verification;

/// <summary>
/// manifest.json as a build writes it, and <see cref="SiteVerifier"/> on a mirror of the site: a fresh build verifies;
/// each way a copy can differ (a changed byte, a file added, removed, linked or swapped for a FIFO, evidence that no
/// longer matches its record, a hostile or damaged manifest) is named, by path.
/// </summary>
public sealed class SiteVerifierTests : IDisposable
{
    private readonly TempReport _report = new TempReport()
        .Write("sources/leak.yml", "id: leak\ntype: document\ntitle: Leaked file\nfile: documents/leak.txt\n")
        .Write("documents/leak.txt", "the leaked text\n")
        .Write("sources/b.yml", "id: b\ntype: report\ntitle: B\nurl: https://b.example/report\ncapture: documents/b-capture.html\n")
        .Write("documents/b-capture.html", "<p>the page as captured</p>\n")
        .Write("sources/w.yml", "id: w\ntype: testimony\ntitle: W\nfile: documents/witness.txt\nsensitivity: withheld\nwithheld_reason: it names the witness\n")
        .Write("documents/witness.txt", "the witness's name\n")
        .Write("sections/01-one.md", "---\ntitle: One\n---\nA claim [@leak]. Another [@b]. A third [@w].\n");

    public SiteVerifierTests() => Assert.True(_report.Build().Succeeded);

    public void Dispose() => _report.Dispose();

    private string Site => _report.Output;

    private string At(string path) => Path.Combine(Site, path);

    private static (string Path, MirrorProblemKind Kind)[] Problems(MirrorReport report) =>
        report.Problems.Select(p => (p.Path, p.Kind)).ToArray();

    [Fact]
    public void The_manifest_lists_every_other_file_of_the_site_with_its_hash_and_size_sorted_by_path()
    {
        var (files, problem) = SiteManifest.Read(File.ReadAllBytes(At("manifest.json")));
        Assert.Null(problem);
        var onDisk = Directory.EnumerateFiles(Site, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Site, f).Replace('\\', '/'))
            .Where(p => p is not ("manifest.json" or ".reportsite")).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(onDisk, files!.Select(f => f.Path).ToList());
        Assert.Contains("documents/leak.txt", onDisk);
        foreach (var file in files!)
        {
            var bytes = File.ReadAllBytes(At(file.Path));
            Assert.Equal((Convert.ToHexStringLower(SHA256.HashData(bytes)), (long)bytes.Length), (file.Sha256, file.Size));
        }
    }

    [Fact]
    public void An_unchanged_rebuild_writes_the_same_manifest_and_stays_up_to_date()
    {
        var before = File.ReadAllBytes(At("manifest.json"));
        _report.Write("sections/01-one.md", "---\ntitle: One\n---\nA claim [@leak]. Another claim [@b].\n");
        Assert.True(_report.Build().Succeeded);
        Assert.NotEqual(before, File.ReadAllBytes(At("manifest.json"))); // a page changed, so its hash did
        var after = File.ReadAllBytes(At("manifest.json"));
        Assert.True(_report.Build().UpToDate);
        Assert.Equal(after, File.ReadAllBytes(At("manifest.json")));
        Assert.True(SiteVerifier.Verify(Site).Verified);
    }

    [Fact]
    public void A_fresh_build_verifies_and_counts_its_evidence()
    {
        var report = SiteVerifier.Verify(Site);
        Assert.Empty(report.Problems);
        Assert.Equal(2, report.Evidence); // leak's file and b's capture; w's file is withheld
        Assert.Equal(Directory.EnumerateFiles(Site, "*", SearchOption.AllDirectories).Count() - 2, report.Files);
    }

    [Theory]
    [InlineData("index.html")]
    [InlineData("sections/one.html")]
    [InlineData("sources.json")]
    [InlineData("sources.csl.json")] // the exports are in the manifest like any page
    [InlineData("sources.bib")]
    [InlineData("assets/style.css")]
    public void One_changed_byte_fails_naming_the_file(string path)
    {
        var bytes = File.ReadAllBytes(At(path));
        bytes[bytes.Length / 2] ^= 1;
        File.WriteAllBytes(At(path), bytes);
        Assert.Equal([(path, MirrorProblemKind.Changed)], Problems(SiteVerifier.Verify(Site)));
    }

    [Fact]
    public void Added_removed_linked_and_special_files_are_each_named()
    {
        File.WriteAllText(At("sections/extra.html"), "<p>added</p>");
        File.Delete(At("sources/b.html"));
        File.Move(At("sources/index.html"), At("sources/moved.html"));
        File.CreateSymbolicLink(At("passwd"), "/etc/passwd");
        Directory.CreateSymbolicLink(At("etc"), "/etc");
        Assert.Equal(0, Processes.Run("mkfifo", Site, ["fifo"]).ExitCode);

        var problems = Problems(SiteVerifier.Verify(Site));
        Assert.Equal(
            new[]
            {
                ("etc", MirrorProblemKind.NotAFile),
                ("fifo", MirrorProblemKind.NotAFile),
                ("passwd", MirrorProblemKind.NotAFile),
                ("sections/extra.html", MirrorProblemKind.NotInManifest),
                ("sources/b.html", MirrorProblemKind.Missing),
                ("sources/index.html", MirrorProblemKind.Missing),
                ("sources/moved.html", MirrorProblemKind.NotInManifest),
            }, problems);
    }

    [Fact]
    public void Evidence_is_checked_against_its_record_even_when_the_manifest_was_rewritten_to_match()
    {
        File.WriteAllText(At("documents/leak.txt"), "a forged text\n");
        RewriteManifest(); // the forger updates manifest.json, but not the record's hash in sources.json
        var report = SiteVerifier.Verify(Site);
        var problem = Assert.Single(report.Problems);
        Assert.Equal(("documents/leak.txt", MirrorProblemKind.EvidenceMismatch), (problem.Path, problem.Kind));
        Assert.Contains("'leak'", problem.Detail);
    }

    [Theory]
    [InlineData("../outside.txt")]
    [InlineData("/etc/passwd")]
    [InlineData("a/../../b")]
    [InlineData("a//b")]
    [InlineData("./index.html")]
    [InlineData("a\\..\\b")]
    [InlineData("a\nb")]
    [InlineData("")]
    public void A_manifest_path_that_leaves_the_site_is_refused_not_followed(string path)
    {
        File.WriteAllText(Path.Combine(_report.Root, "outside.txt"), "outside");
        var files = ReadManifest();
        files.Add(new SiteFile(path, new string('0', 64), 7));
        WriteManifest(files);
        Assert.Equal([(path, MirrorProblemKind.UnsafePath)], Problems(SiteVerifier.Verify(Site)));
    }

    [Fact]
    public void A_path_listed_twice_is_a_problem()
    {
        var files = ReadManifest();
        files.Add(files[0]);
        WriteManifest(files);
        Assert.Equal([(files[0].Path, MirrorProblemKind.UnsafePath)], Problems(SiteVerifier.Verify(Site)));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{\"files\": []}")]
    [InlineData("{\"format\": 2, \"files\": []}")]
    [InlineData("{\"format\": 1}")]
    [InlineData("{\"format\": 1, \"files\": [{\"path\": \"index.html\"}]}")]
    [InlineData("{\"format\": 1, \"files\": [{\"path\": \"index.html\", \"size\": -1, \"sha256\": \"x\"}]}")]
    [InlineData("{\"format\": 1, \"files\": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}")]
    public void A_damaged_or_foreign_manifest_is_reported_not_trusted(string manifest)
    {
        File.WriteAllText(At("manifest.json"), manifest);
        var problem = Assert.Single(SiteVerifier.Verify(Site).Problems);
        Assert.Equal(("manifest.json", MirrorProblemKind.NoManifest), (problem.Path, problem.Kind));
    }

    [Fact]
    public void A_folder_without_a_manifest_or_no_folder_at_all_is_not_verified()
    {
        File.Delete(At("manifest.json"));
        Assert.Equal(MirrorProblemKind.NoManifest, Assert.Single(SiteVerifier.Verify(Site).Problems).Kind);
        Assert.Equal(MirrorProblemKind.NoManifest, Assert.Single(SiteVerifier.Verify(Path.Combine(_report.Root, "nowhere")).Problems).Kind);
    }

    private List<SiteFile> ReadManifest() => SiteManifest.Read(File.ReadAllBytes(At("manifest.json"))).Files!.ToList();

    private void WriteManifest(IEnumerable<SiteFile> files)
    {
        // Written by hand, not by SiteManifest.Write: a forged manifest keeps whatever order and entries it likes.
        using var stream = File.Create(At("manifest.json"));
        using var json = new Utf8JsonWriter(stream);
        json.WriteStartObject();
        json.WriteNumber("format", 1);
        json.WriteStartArray("files");
        foreach (var file in files)
        {
            json.WriteStartObject();
            json.WriteString("path", file.Path);
            json.WriteNumber("size", file.Size);
            json.WriteString("sha256", file.Sha256);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    [Fact]
    public void A_capture_is_evidence_too_and_a_withheld_file_is_neither_published_nor_listed()
    {
        Assert.False(File.Exists(At("documents/witness.txt")));
        Assert.DoesNotContain(ReadManifest(), f => f.Path.Contains("witness", StringComparison.Ordinal));

        File.WriteAllText(At("documents/b-capture.html"), "<p>a forged capture</p>\n");
        RewriteManifest();
        var problem = Assert.Single(SiteVerifier.Verify(Site).Problems);
        Assert.Equal(("documents/b-capture.html", MirrorProblemKind.EvidenceMismatch), (problem.Path, problem.Kind));
        Assert.Contains("source 'b'", problem.Detail, StringComparison.Ordinal);
    }

    private void RewriteManifest() =>
        WriteManifest(ReadManifest().Select(f =>
        {
            var bytes = File.ReadAllBytes(At(f.Path));
            return f with { Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)), Size = bytes.Length };
        }));
}
