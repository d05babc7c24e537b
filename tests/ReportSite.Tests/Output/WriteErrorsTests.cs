using ReportSite.Build;
using ReportSite.Diagnostics;

namespace ReportSite.Tests.Output;

/// <summary>
/// How failures met while writing become diagnostics, also when parallel writers wrap them in an
/// AggregateException: located errors kept as they are, one line for an I/O failure, and anything else (a bug)
/// not swallowed.
/// </summary>
public sealed class WriteErrorsTests
{
    private static DiagnosticException Located(int line) =>
        new(new SourceLocation("theme/layouts/section.html", line, 3), "RS9999", "cannot render");

    [Fact]
    public void Located_errors_from_parallel_writers_are_all_kept_and_io_failures_are_one_line()
    {
        var error = new AggregateException(Located(4), new IOException("No space left on device : 'a'"),
            new AggregateException(Located(9), new IOException("No space left on device : 'b'")), new OperationCanceledException());

        var errors = ReportBuilder.WriteErrors(error, "_site");

        Assert.NotNull(errors);
        Assert.Equal(
            [("_site", 0, DiagnosticCodes.OutputWriteFailed), ("theme/layouts/section.html", 4, "RS9999"), ("theme/layouts/section.html", 9, "RS9999")],
            errors.Select(d => (d.File, d.Line, d.Code)).Order());
        Assert.Contains("could not write the site: No space left on device : 'a'", errors.Single(d => d.File == "_site").Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_bug_or_a_bare_cancellation_is_not_turned_into_a_diagnostic(bool wrapped)
    {
        Exception bug = new NullReferenceException();
        Assert.Null(ReportBuilder.WriteErrors(wrapped ? new AggregateException(new IOException("x"), bug) : bug, "_site"));
        Assert.Null(ReportBuilder.WriteErrors(wrapped ? new AggregateException(new OperationCanceledException()) : new OperationCanceledException(), "_site"));
        Assert.Equal(DiagnosticCodes.OutputWriteFailed,
            Assert.Single(ReportBuilder.WriteErrors(wrapped ? new AggregateException(new UnauthorizedAccessException("denied")) : new UnauthorizedAccessException("denied"), "_site")!).Code);
    }
}
