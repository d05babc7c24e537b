using System.Buffers;
using System.Text;
using System.Text.Unicode;
using Scriban.Runtime;

namespace ReportSite.Templates;

/// <summary>
/// A Scriban output that encodes what a template writes straight into UTF-8 bytes: a page goes from template to
/// file without ever being a string (for 22,000 source pages, that was most of what the build allocated).
/// </summary>
public sealed class Utf8ScriptOutput(IBufferWriter<byte> destination) : IScriptOutput
{
    public void Write(string text, int offset, int count) => Write(text.AsSpan(offset, count));

    public void Write(ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty)
        {
            var span = destination.GetSpan(Math.Min(text.Length, 4096) * 3);
            // Scriban writes whole strings (template text, encoded values), so a surrogate pair is never split
            // across calls; a lone surrogate becomes U+FFFD, as Encoding.UTF8 would make it.
            Utf8.FromUtf16(text, span, out var read, out var written, replaceInvalidSequences: true, isFinalBlock: true);
            destination.Advance(written);
            text = text[read..];
        }
    }

    /// <summary>Bytes that are already UTF-8 (a rendered page body), copied as they are.</summary>
    public void WriteUtf8(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(destination.GetSpan(bytes.Length));
        destination.Advance(bytes.Length);
    }

    public ValueTask WriteAsync(string text, int offset, int count, CancellationToken cancellationToken)
    {
        Write(text, offset, count);
        return ValueTask.CompletedTask;
    }

    // Template.Render reads the output back as a string: there is none to give, the bytes went to the destination.
    public override string ToString() => string.Empty;
}

/// <summary>A page body already rendered to UTF-8, which the base layout writes as it is (<c>{{ content }}</c>).</summary>
public sealed class RenderedBody(ReadOnlyMemory<byte> utf8)
{
    public ReadOnlySpan<byte> Utf8 => utf8.Span;

    public override string ToString() => Encoding.UTF8.GetString(utf8.Span);
}
