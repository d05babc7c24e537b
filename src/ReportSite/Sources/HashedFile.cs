namespace ReportSite.Sources;

/// <summary>
/// A record's local file (its <c>file</c> or <c>capture</c>) as the build found it: the path relative to the input
/// folder, its SHA-256 and size computed at build time, and its media type. What fact-checkers compare a copy with.
/// </summary>
public sealed record HashedFile(string Path, string Sha256, long Size)
{
    /// <summary>The IANA media type from the file's extension (application/octet-stream when unknown).</summary>
    public string MediaType => MediaTypes.Of(Path);
}

/// <summary>
/// Media types by extension, for the kinds of evidence reports keep. From the name, not the content: the name is
/// what the author chose and what a browser offered the download as, and sniffing would make the page depend on bytes
/// a reader cannot see.
/// </summary>
public static class MediaTypes
{
    private static readonly Dictionary<string, string> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".txt"] = "text/plain",
        [".md"] = "text/markdown",
        [".csv"] = "text/csv",
        [".tsv"] = "text/tab-separated-values",
        [".html"] = "text/html",
        [".htm"] = "text/html",
        [".mhtml"] = "multipart/related",
        [".mht"] = "multipart/related",
        [".warc"] = "application/warc",
        [".wacz"] = "application/wacz",
        [".json"] = "application/json",
        [".xml"] = "application/xml",
        [".zip"] = "application/zip",
        [".doc"] = "application/msword",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xls"] = "application/vnd.ms-excel",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".odt"] = "application/vnd.oasis.opendocument.text",
        [".ods"] = "application/vnd.oasis.opendocument.spreadsheet",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".gif"] = "image/gif",
        [".webp"] = "image/webp",
        [".tif"] = "image/tiff",
        [".tiff"] = "image/tiff",
        [".svg"] = "image/svg+xml",
        [".mp3"] = "audio/mpeg",
        [".m4a"] = "audio/mp4",
        [".ogg"] = "audio/ogg",
        [".wav"] = "audio/wav",
        [".mp4"] = "video/mp4",
        [".webm"] = "video/webm",
        [".mov"] = "video/quicktime",
        [".eml"] = "message/rfc822",
    };

    public static string Of(string path) =>
        ByExtension.TryGetValue(System.IO.Path.GetExtension(path), out var type) ? type : "application/octet-stream";

    /// <summary>Whether a viewer can open the file at a page (<c>#page=N</c>).</summary>
    public static bool IsPdf(string path) => Of(path) == "application/pdf";
}
