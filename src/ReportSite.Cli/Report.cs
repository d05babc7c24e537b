using System.Globalization;
using ReportSite.Build;
using ReportSite.Diagnostics;
using Spectre.Console;

namespace ReportSite.Cli;

/// <summary>Prints a build's diagnostics (one plain line each, in the compiler format editors parse) and its summary.</summary>
internal static class Report
{
    public static int Print(BuildResult result, string? output)
    {
        // Spectre wraps at 80 columns when output is redirected; keep the summary on one line for logs.
        if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 1000;
        foreach (var diagnostic in result.Diagnostics)
        {
            // Plain text, never wrapped or styled: CI annotators and editors match these lines.
            var writer = diagnostic.Severity == Severity.Error ? Console.Error : Console.Out;
            writer.WriteLine(diagnostic.ToString());
        }

        var seconds = result.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);
        if (!result.Succeeded)
        {
            AnsiConsole.MarkupLine(
                $"[red]Build failed:[/] {result.ErrorCount} error(s), {result.WarningCount} warning(s) in {seconds} s." +
                (output is null ? "" : $" [grey]{Markup.Escape(output)} was not changed.[/]"));
            return ExitCodes.ContentErrors;
        }

        var stats = result.Stats;
        var what = output is null ? "Checked" : $"Built {Markup.Escape(output)}:";
        AnsiConsole.MarkupLine(
            $"[green]{what}[/] {stats.Sections} sections, {stats.Sources} sources, {stats.Claims} claims, " +
            $"{stats.Citations} citations, {result.WarningCount} warning(s) in {seconds} s");
        if (Environment.GetEnvironmentVariable("REPORTSITE_TIMINGS") == "1")
            foreach (var timing in result.Timings)
                AnsiConsole.MarkupLine($"  [grey]{timing.Pipeline,-10} {timing.Elapsed.TotalMilliseconds,8:0.0} ms[/]");
        return ExitCodes.Success;
    }
}
