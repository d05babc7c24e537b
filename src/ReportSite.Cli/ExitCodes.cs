namespace ReportSite.Cli;

/// <summary>The exit codes scripts and CI rely on.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    /// <summary>The report has errors (diagnostics were printed).</summary>
    public const int ContentErrors = 1;
    /// <summary>The command line was wrong.</summary>
    public const int Usage = 2;
    /// <summary>Interrupted by Ctrl-C (SIGINT): 128 + 2, as a shell reports it.</summary>
    public const int Interrupted = 130;
    /// <summary>Stopped by SIGTERM: 128 + 15.</summary>
    public const int Terminated = 143;
}
