using System.Diagnostics;

namespace ReportSite.Tests.Support;

/// <summary>Runs a program to its end, as a terminal would, and returns what it printed.</summary>
public static class Processes
{
    public static (int ExitCode, string Stdout, string Stderr) Run(string program, string? workingDirectory, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (workingDirectory is not null) start.WorkingDirectory = workingDirectory;
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        // Both streams are drained at once: a child that fills one pipe while we wait on the other would hang.
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr);
    }
}
