namespace ReportSite.Diagnostics;

/// <summary>
/// A located author or environment error found where a module cannot hand back diagnostics — while a page is
/// rendered or a file is written in the Output phase. <see cref="Build.ReportBuilder"/> turns it into an error
/// diagnostic, discards the staging folder and leaves the previous site as it was.
/// </summary>
public sealed class DiagnosticException(Diagnostic diagnostic) : Exception(diagnostic.ToString())
{
    public Diagnostic Diagnostic { get; } = diagnostic;

    public DiagnosticException(SourceLocation at, string code, string message)
        : this(new Diagnostic(at.File, at.Line, at.Column, Severity.Error, code, message)) { }
}
