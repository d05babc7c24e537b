namespace ReportSite.Diagnostics;

public enum Severity { Warning, Error }

/// <summary>
/// One problem found in the author's input, located at a 1-based line and column of a file
/// (path relative to the working directory, with forward slashes, as editors expect).
/// </summary>
public sealed record Diagnostic(string File, int Line, int Column, Severity Severity, string Code, string Message)
{
    /// <summary>
    /// The MSBuild/compiler format that editors and CI annotate: <c>path(line,col): error RS0101: message</c>,
    /// on one line, with every control or invisible character shown as <c>&lt;U+XXXX&gt;</c> (<see cref="VisibleText"/>).
    /// </summary>
    public override string ToString()
    {
        var severity = Severity == Severity.Error ? "error" : "warning";
        var location = Line > 0 ? $"({Line},{Math.Max(Column, 1)})" : "";
        return $"{VisibleText.Of(File)}{location}: {severity} {Code}: {VisibleText.Of(Message)}";
    }
}

/// <summary>A position in an input file. Line and column are 1-based; 0 means "the whole file".</summary>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    public static SourceLocation WholeFile(string file) => new(file, 0, 0);
}
