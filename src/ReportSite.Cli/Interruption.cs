using System.Runtime.InteropServices;

namespace ReportSite.Cli;

/// <summary>
/// Ctrl-C (SIGINT) and SIGTERM (a CI job cancelled, a container stopped) for the whole life of the process: they
/// cancel <see cref="Token"/>, and the command decides what that means. Listening starts before the command runs
/// and never stops, so a signal that comes after the site was swapped in (while the summary prints, or while the
/// runtime shuts down) cannot turn a finished build into a "stopped" exit code: it is simply too late to matter.
/// </summary>
internal static class Interruption
{
    private static readonly CancellationTokenSource Source = new();
    private static readonly List<PosixSignalRegistration> Registrations = [];

    public static CancellationToken Token => Source.Token;

    /// <summary>130 after SIGINT, 143 after SIGTERM: what a shell reports for a process the signal stopped.</summary>
    public static int ExitCode { get; private set; } = ExitCodes.Interrupted;

    public static void Listen()
    {
        Registrations.Add(On(PosixSignal.SIGINT, ExitCodes.Interrupted));
        Registrations.Add(On(PosixSignal.SIGTERM, ExitCodes.Terminated));
    }

    private static PosixSignalRegistration On(PosixSignal signal, int code) => PosixSignalRegistration.Create(signal, e =>
    {
        e.Cancel = true; // the process ends when the command returns, with its own exit code
        if (Source.IsCancellationRequested) return;
        ExitCode = code;
        Source.Cancel();
    });
}
