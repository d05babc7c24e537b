using System.ComponentModel;
using ReportSite.Diagnostics;
using ReportSite.Urls;
using ReportSite.Verification;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ReportSite.Cli;

public sealed class VerifySettings : CommandSettings
{
    [CommandArgument(0, "<SITE>")]
    [Description("A built site or a downloaded copy of one: the folder that holds its manifest.json.")]
    public string Site { get; init; } = "";
}

/// <summary>
/// <c>reportsite verify SITE</c>: checks a site (a mirror, a download) against its manifest.json and each published
/// evidence file against its record's SHA-256; exit 0 when everything matches, 1 with one line per file that differs.
/// </summary>
public sealed class VerifyCommand : Command<VerifySettings>
{
    public override int Execute(CommandContext context, VerifySettings settings, CancellationToken cancellation)
    {
        var report = SiteVerifier.Verify(settings.Site);
        var shown = VisibleText.Of(settings.Site); // names in a mirror may hold anything: nothing is printed raw
        foreach (var problem in report.Problems)
            Console.Out.WriteLine($"{VisibleText.Of(problem.Path)}: {Label(problem.Kind)}: {VisibleText.Of(problem.Detail)}");
        if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 1000;
        if (!report.Verified)
        {
            var files = report.Problems.Select(p => p.Path).Distinct().Count();
            AnsiConsole.MarkupLine($"[red]Not verified:[/] {Markup.Escape(shown)}: {files} file(s) differ from what was built.");
            return ExitCodes.ContentErrors;
        }
        AnsiConsole.MarkupLine($"[green]Verified[/] {Markup.Escape(shown)}: {report.Files} files match {SitePaths.Manifest}; " +
            $"{report.Evidence} evidence file(s) match their records' SHA-256.");
        return ExitCodes.Success;
    }

    private static string Label(MirrorProblemKind kind) => kind switch
    {
        MirrorProblemKind.NoManifest => "no manifest",
        MirrorProblemKind.UnsafePath => "unsafe path",
        MirrorProblemKind.Missing => "missing",
        MirrorProblemKind.Changed => "changed",
        MirrorProblemKind.NotInManifest => "added",
        MirrorProblemKind.NotAFile => "not a file",
        MirrorProblemKind.EvidenceMismatch => "evidence differs from its record",
        _ => kind.ToString(),
    };
}
