using System.Runtime.InteropServices;

namespace ReportSite.Tests.Input;

/// <summary>Real file-system oddities made in a test's temp folder, and a guard against a build that never ends.</summary>
public static class Oddities
{
    /// <summary>Makes a FIFO (named pipe) at <paramref name="path"/>: opening it for reading blocks until a writer comes.</summary>
    public static void Fifo(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Assert.True(mkfifo(path, 0b110_100_100) == 0, $"mkfifo {path} failed: {Marshal.GetLastPInvokeError()}");
    }

    /// <summary>A symlink at <paramref name="path"/> to <paramref name="target"/> (relative or absolute, file or folder, existing or not).</summary>
    public static void Link(string path, string target)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.CreateSymbolicLink(path, target);
    }

    /// <summary>Runs a build, a check or a CLI process, failing the test (instead of hanging it) when it does not end in time.</summary>
    public static T Finishes<T>(Func<T> build, int seconds = 60)
    {
        var run = Task.Run(build);
        Assert.True(run.Wait(TimeSpan.FromSeconds(seconds)), $"did not finish within {seconds} s (it hangs)");
        return run.Result;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int mkfifo(string path, uint mode);
}
