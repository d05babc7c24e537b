using System.ComponentModel;
using ReportSite.Build;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ReportSite.Cli;

public class InputSettings : CommandSettings
{
    [CommandArgument(0, "[INPUT]")]
    [Description("The report's input folder (site.yml, sections/, sources/, documents/).")]
    [DefaultValue("input")]
    public string Input { get; init; } = "input";

    [CommandOption("--theme <DIR>")]
    [Description("A theme folder (layouts/, assets/, i18n/) to use instead of the default one.")]
    public string? Theme { get; init; }

    [CommandOption("--strict")]
    [Description("Treat warnings as errors.")]
    public bool Strict { get; init; }

    [CommandOption("--format <FORMAT>")]
    [Description("How to print diagnostics: text (default; one compiler-style line each) or json (an array, for editors and CI).")]
    [DefaultValue(DiagnosticFormat.Text)]
    public DiagnosticFormat Format { get; init; } = DiagnosticFormat.Text;

    public BuildOptions Options(string? output) =>
        new(Input, output, Theme ?? BuildOptions.DefaultTheme, Environment.CurrentDirectory, Strict);
}

public enum DiagnosticFormat { Text, Json }

public sealed class BuildSettings : InputSettings
{
    [CommandOption("-o|--output <DIR>")]
    [Description("Where to write the site: a new or empty folder, or a site reportsite wrote. Replaced only when the build succeeds.")]
    [DefaultValue("_site")]
    public string Output { get; init; } = "_site";

    // A file is a wrong command line, not a report problem (exit 2).
    public override ValidationResult Validate() => File.Exists(Output)
        ? ValidationResult.Error($"--output '{Output}' is a file; give a folder")
        : ValidationResult.Success();
}

/// <summary><c>reportsite build [INPUT] [--output DIR]</c>: builds the site; exit 0, or 1 on content errors.</summary>
public sealed class BuildCommand : Command<BuildSettings>
{
    public override int Execute(CommandContext context, BuildSettings settings, CancellationToken cancellation)
    {
        // Ctrl-C and SIGTERM: finish the current file, skip the swap, remove the staging folder; the previous site
        // stays as it was.
        using var interrupted = CancellationTokenSource.CreateLinkedTokenSource(cancellation, Interruption.Token);
        try
        {
            var result = ReportBuilder.Run(settings.Options(settings.Output), interrupted.Token);
            return Report.Print(result, settings.Output, settings.Format);
        }
        catch (OperationCanceledException)
        {
            AnsiConsole.MarkupLine("[yellow]Interrupted: the previous site was left as it was.[/]");
            return Interruption.ExitCode;
        }
    }
}

/// <summary><c>reportsite check [INPUT]</c>: every check of build, nothing written.</summary>
public sealed class CheckCommand : Command<InputSettings>
{
    public override int Execute(CommandContext context, InputSettings settings, CancellationToken cancellation) =>
        Report.Print(ReportBuilder.Run(settings.Options(output: null), cancellation), output: null, settings.Format);
}
