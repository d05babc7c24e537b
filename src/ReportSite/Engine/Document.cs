using System.Buffers;
using ReportSite.Diagnostics;

namespace ReportSite.Engine;

/// <summary>
/// The unit that flows through pipelines. Immutable: a module returns new documents rather than changing
/// the ones it was given, so pipelines can run in parallel without locks.
/// </summary>
/// <param name="Source">Input path relative to the input folder, or null for generated documents.</param>
/// <param name="Destination">Output path relative to the site root (forward slashes), or null if not written.</param>
/// <param name="Model">The typed data this document carries (a source record, a rendered section, …).</param>
/// <param name="Content">What is written to <paramref name="Destination"/>.</param>
public sealed record Document(string? Source, string? Destination, object? Model, DocumentContent? Content = null)
{
    /// <summary>The input that chose <see cref="Destination"/> (a slug, an id, a file path), where a problem with it is reported.</summary>
    public SourceLocation? Origin { get; init; }

    /// <summary>The document's model as <typeparamref name="T"/>; a wrong type is a bug in a pipeline, not bad input.</summary>
    public T ModelAs<T>() where T : class =>
        Model as T ?? throw new InvalidOperationException(
            $"Document '{Source ?? Destination}' carries {Model?.GetType().Name ?? "no model"}, not {typeof(T).Name}.");
}

/// <summary>What an output document writes: bytes produced when it is written, or a file copied as it is.</summary>
public abstract record DocumentContent;

/// <summary>
/// Content produced when the document is written, not before: a build with 22,000 source pages renders and writes
/// each in turn instead of holding them all in memory. The producer writes UTF-8 straight into a buffer the
/// writer reuses, so a page never exists as a string.
/// </summary>
public sealed record GeneratedContent(Action<IBufferWriter<byte>> Write) : DocumentContent;

/// <param name="File">The input or theme file, as listed.</param>
/// <param name="Sha256">The file's SHA-256 when the build already computed it (a verified source document): the copy
/// must have that hash, and an unchanged file is reused from the previous site without being read.</param>
public sealed record FileCopyContent(Input.InputFile File, string? Sha256 = null) : DocumentContent;
