using System.Collections.Concurrent;

namespace ReportSite.Diagnostics;

/// <summary>
/// Collects every problem of a build (modules run in parallel, so it is thread-safe).
/// A build reports all of them at once rather than stopping at the first.
/// </summary>
/// <param name="warningsAsErrors">--strict: every warning is recorded as an error, so the build fails.</param>
public sealed class DiagnosticBag(bool warningsAsErrors = false)
{
    private readonly ConcurrentQueue<Diagnostic> _items = new();

    public void Add(Diagnostic diagnostic) =>
        _items.Enqueue(warningsAsErrors && diagnostic.Severity == Severity.Warning
            ? diagnostic with { Severity = Severity.Error, Message = diagnostic.Message + " (warning treated as error: --strict)" }
            : diagnostic);

    public void Error(SourceLocation at, string code, string message) =>
        Add(new Diagnostic(at.File, at.Line, at.Column, Severity.Error, code, message));

    public void Warning(SourceLocation at, string code, string message) =>
        Add(new Diagnostic(at.File, at.Line, at.Column, Severity.Warning, code, message));

    public bool HasErrors => _items.Any(d => d.Severity == Severity.Error);

    /// <summary>
    /// All diagnostics sorted by file, then position, then code, so output is stable across runs.
    /// The same problem met by several pages (a template error in a layout every section uses) is listed once.
    /// </summary>
    public IReadOnlyList<Diagnostic> Sorted() => _items
        .Distinct()
        .OrderBy(d => d.File, StringComparer.Ordinal)
        .ThenBy(d => d.Line).ThenBy(d => d.Column)
        .ThenBy(d => d.Code, StringComparer.Ordinal)
        .ThenBy(d => d.Message, StringComparer.Ordinal)
        .ToList();
}
