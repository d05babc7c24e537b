using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ReportSite.Build;
using ReportSite.Diagnostics;
using Spectre.Console;

namespace ReportSite.Cli;

/// <summary>Prints a build's diagnostics and its summary, and picks the exit code.</summary>
internal static class Report
{
    private static readonly JsonWriterOptions Json = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // for terminals and editors, not for HTML
    };

    public static int Print(BuildResult result, string? output, DiagnosticFormat format)
    {
        var exitCode = result.Succeeded ? ExitCodes.Success : ExitCodes.ContentErrors;
        if (format == DiagnosticFormat.Json)
        {
            // Only the array on stdout, so tools can parse it as it is; the exact values, no hidden character raw.
            Console.Out.WriteLine(VisibleText.InJson(DiagnosticsJson(result.Diagnostics)));
            return exitCode;
        }

        foreach (var diagnostic in result.Diagnostics)
        {
            // Plain text, never wrapped or styled: CI annotators and editors match these lines.
            var writer = diagnostic.Severity == Severity.Error ? Console.Error : Console.Out;
            writer.WriteLine(diagnostic.ToString());
        }

        // Spectre wraps at 80 columns when output is redirected; keep the summary on one line for logs.
        if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 1000;
        var shown = output is null ? null : Markup.Escape(VisibleText.Of(output)); // the path as typed, nothing hidden
        var seconds = result.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);
        if (!result.Succeeded)
        {
            AnsiConsole.MarkupLine(
                $"[red]Build failed:[/] {result.ErrorCount} error(s), {result.WarningCount} warning(s) in {seconds} s." +
                (shown is null ? "" : $" [grey]{shown} was not changed.[/]"));
            return exitCode;
        }

        var stats = result.Stats;
        var what = shown is null ? "Checked" : result.UpToDate ? $"Up to date {shown}:" : $"Built {shown}:";
        AnsiConsole.MarkupLine(
            $"[green]{what}[/] {stats.Sections} sections, {stats.Sources} sources, {stats.Claims} claims, " +
            $"{stats.Citations} citations, {result.WarningCount} warning(s) in {seconds} s" +
            (shown is null ? "" : $" [grey]({stats.FilesWritten} files written, {stats.FilesUnchanged} unchanged)[/]"));
        if (Environment.GetEnvironmentVariable("REPORTSITE_TIMINGS") == "1")
        {
            foreach (var timing in result.Timings)
                AnsiConsole.MarkupLine($"  [grey]{timing.Pipeline,-10} {timing.Elapsed.TotalMilliseconds,8:0} ms  (" +
                    string.Join(", ", timing.Phases.Where(p => p.Value > TimeSpan.Zero).Select(p => $"{p.Key} {p.Value.TotalMilliseconds:0}")) + ")[/]");
            // The runtime's own share, for benchmarks: a build lasts seconds, so JIT and GC are a visible part of it.
            var jit = System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds;
            var paused = GC.GetTotalPauseDuration().TotalMilliseconds;
            AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                $"  [grey]runtime    JIT {System.Runtime.JitInfo.GetCompiledMethodCount()} methods in {jit:0} ms; {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} (gen0/1/2), paused {paused:0} ms, allocated {GC.GetTotalAllocatedBytes() / (1 << 20)} MiB[/]"));
        }
        return exitCode;
    }

    /// <summary>The diagnostics as a JSON array of {file, line, column, severity, code, message}.</summary>
    private static string DiagnosticsJson(IReadOnlyList<Diagnostic> diagnostics)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, Json))
        {
            json.WriteStartArray();
            foreach (var d in diagnostics)
            {
                json.WriteStartObject();
                json.WriteString("file", d.File);
                json.WriteNumber("line", d.Line);
                json.WriteNumber("column", d.Column);
                json.WriteString("severity", d.Severity == Severity.Error ? "error" : "warning");
                json.WriteString("code", d.Code);
                json.WriteString("message", d.Message);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
