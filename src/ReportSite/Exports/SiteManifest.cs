using System.Buffers;
using System.Text.Json;
using ReportSite.Output;

namespace ReportSite.Exports;

/// <summary>One file a published site lists in its manifest.json.</summary>
public sealed record SiteFile(string Path, string Sha256, long Size);

/// <summary>
/// manifest.json: every file of the published site (but itself) with its SHA-256 and size, sorted by path, so that a
/// reader who downloaded a mirror can check it is the site as built (<c>reportsite verify</c>). It holds no time or
/// machine name: an unchanged rebuild writes the same bytes.
/// </summary>
public static class SiteManifest
{
    /// <summary>Bumped when the shape changes incompatibly; a reader refuses a format it does not know.</summary>
    public const int Format = 1;

    public static void Write(IBufferWriter<byte> output, IReadOnlyDictionary<string, ManifestEntry> files)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteNumber("format", Format);
        json.WriteString("generator", "ReportSite");
        json.WriteString("hash", "sha256");
        json.WriteStartArray("files");
        foreach (var (path, entry) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            json.WriteStartObject();
            json.WriteString("path", path);
            json.WriteNumber("size", entry.Size);
            json.WriteString("sha256", entry.Sha256);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>The files a manifest lists, or why it cannot be read (it may come from anywhere: nothing is assumed).</summary>
    public static (IReadOnlyList<SiteFile>? Files, string? Problem) Read(ReadOnlySpan<byte> utf8)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 8 });
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.Number)
                return (null, "is not a ReportSite manifest (no \"format\")");
            if (!format.TryGetInt32(out var version) || version != Format)
                return (null, $"has format {format.GetRawText()}, which this version of reportsite does not read (it reads {Format})");
            if (!root.TryGetProperty("files", out var list) || list.ValueKind != JsonValueKind.Array)
                return (null, "has no \"files\" list");
            var files = new List<SiteFile>(list.GetArrayLength());
            var index = 0;
            foreach (var item in list.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object
                    || !item.TryGetProperty("path", out var path) || path.ValueKind != JsonValueKind.String
                    || !item.TryGetProperty("sha256", out var sha) || sha.ValueKind != JsonValueKind.String
                    || !item.TryGetProperty("size", out var size) || !size.TryGetInt64(out var bytes) || bytes < 0)
                    return (null, $"has a damaged entry (files[{index}]: it needs \"path\", \"size\" and \"sha256\")");
                files.Add(new SiteFile(path.GetString()!, sha.GetString()!, bytes));
                index++;
            }
            return (files, null);
        }
        catch (JsonException error)
        {
            return (null, $"is not valid JSON ({error.Message})");
        }
    }
}
