using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using ReportSite.Corrections;
using ReportSite.Graph;
using ReportSite.Urls;

namespace ReportSite.Exports;

/// <summary>
/// corrections.xml: the report's corrections as an Atom feed (RFC 4287), newest first, so readers and archives learn
/// of each. Every entry links to what it corrects: an absolute URL when site.yml has a base_url, else a path
/// relative to the feed (at the site root). Ids never change between builds: with a base_url, tag: URIs (RFC 4151)
/// of its host; without, name-based UUIDs (RFC 9562, version 5) of the site's title and the entry's key.
/// </summary>
public static class CorrectionsFeed
{
    public const string AtomNamespace = "http://www.w3.org/2005/Atom";

    /// <param name="label">The theme's interface string of a key ("correction", "corrections"), for titles; null when it has none.</param>
    public static void Write(ReportGraph graph, Func<string, string?> label, IBufferWriter<byte> output)
    {
        var site = graph.Site;
        var urls = site.BaseUrl is { } baseUrl ? new SiteUrls(baseUrl) : null;
        var root = new PageUrls(SitePaths.CorrectionsFeed);
        string Link(string sitePath) => urls?.For(sitePath) ?? root.To(sitePath);
        var claims = graph.Claims.DistinctBy(c => c.Id, StringComparer.Ordinal).ToDictionary(c => c.Id, StringComparer.Ordinal);
        var sections = graph.Sections.ToDictionary(s => s.Slug, StringComparer.Ordinal);
        var keys = Keys(graph.Corrections);

        using var stream = new BufferWriterStream(output);
        // XmlWriter escapes what it writes; characters XML 1.0 cannot hold at all are replaced (Clean).
        using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) });
        xml.WriteStartDocument();
        xml.WriteStartElement("feed", AtomNamespace);
        xml.WriteAttributeString("xml", "lang", null, site.Language);
        xml.WriteElementString("id", AtomNamespace, urls?.For(SitePaths.CorrectionsFeed) ?? Uuid(site.Title, "feed"));
        Text(xml, "title", string.Join(": ", new[] { site.Title, label("corrections") }.Where(part => !string.IsNullOrEmpty(part))));
        xml.WriteElementString("updated", AtomNamespace, Instant(CorrectionDates.Newest(graph.Corrections)!));
        // A feed needs an author when its entries have none: the report's, else the report itself.
        foreach (var name in site.Authors.Count > 0 ? site.Authors : [site.Title])
        {
            xml.WriteStartElement("author", AtomNamespace);
            xml.WriteElementString("name", AtomNamespace, Clean(name));
            xml.WriteEndElement();
        }
        LinkElement(xml, "alternate", "text/html", Link(SitePaths.CorrectionsList));
        if (urls is not null) LinkElement(xml, "self", "application/atom+xml", urls.For(SitePaths.CorrectionsFeed));
        xml.WriteElementString("generator", AtomNamespace, "ReportSite");

        foreach (var correction in graph.Corrections.OrderByDescending(c => c.Date, StringComparer.Ordinal).ThenByDescending(c => c.Number))
        {
            var (path, what) = correction.Target == CorrectionTarget.Claim && claims.TryGetValue(correction.TargetId, out var claim)
                ? (claim.Url, claim.Text)
                : sections.TryGetValue(correction.TargetId, out var section) ? (SitePaths.Section(section.Slug), section.Section.Title) : (SitePaths.Cover, "");
            xml.WriteStartElement("entry", AtomNamespace);
            var key = keys[correction];
            xml.WriteElementString("id", AtomNamespace, urls is not null && Tag(urls, correction.Date, key) is { } tag ? tag : Uuid(site.Title, key));
            Text(xml, "title", string.Join(": ", new[] { label("correction"), what }.Where(part => !string.IsNullOrEmpty(part))));
            xml.WriteElementString("updated", AtomNamespace, Instant(correction.Date));
            LinkElement(xml, "alternate", "text/html", Link(path));
            Text(xml, "content", correction.Text);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    /// <summary>
    /// Each correction's key: what it corrects and the day ("claim/handover/2024-04-02"), with "/2", "/3" for a second
    /// and third correction of it that day: it does not change when other corrections are added before it in the file.
    /// </summary>
    private static Dictionary<Correction, string> Keys(IReadOnlyList<Correction> corrections)
    {
        var keys = new Dictionary<Correction, string>(ReferenceEqualityComparer.Instance);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var correction in corrections)
        {
            var key = $"{(correction.Target == CorrectionTarget.Claim ? "claim" : "section")}/{Uri.EscapeDataString(correction.TargetId)}/{correction.Date}";
            var n = seen[key] = seen.GetValueOrDefault(key) + 1;
            keys[correction] = n == 1 ? key : $"{key}/{n}";
        }
        return keys;
    }

    // tag:example.org,2024-04-02:report/corrections/claim/handover/2024-04-02: the host names the report's publisher on
    // the day of the correction; the base URL's path keeps two reports of one host apart. A host that is not a
    // domain name (an IP address) cannot mint tags: null, and a UUID is used.
    private static string? Tag(SiteUrls urls, string date, string key)
    {
        var uri = new Uri(urls.Base);
        if (uri.HostNameType != UriHostNameType.Dns || !uri.IdnHost.Contains('.')) return null;
        return $"tag:{uri.IdnHost.ToLowerInvariant()},{date}:{uri.AbsolutePath.TrimStart('/')}corrections/{key}";
    }

    // Fixed: the namespace of ReportSite's correction ids (a random UUID, chosen once).
    private static readonly Guid Namespace = new("5b1c7e3a-2f4d-4e8b-9a61-0d3c8f2e7b94");

    /// <summary>urn:uuid: of a version 5 (SHA-1, name-based) UUID of the report's title and <paramref name="key"/>.</summary>
    private static string Uuid(string title, string key) => "urn:uuid:" + Uuid5(Namespace, title + "\n" + key).ToString("D");

    /// <summary>The version 5 UUID of <paramref name="name"/> (UTF-8) in <paramref name="space"/> (RFC 9562 §5.5).</summary>
    internal static Guid Uuid5(Guid space, string text)
    {
        var name = Encoding.UTF8.GetBytes(text);
        var bytes = new byte[16 + name.Length];
        space.TryWriteBytes(bytes, bigEndian: true, out _);
        name.CopyTo(bytes, 16);
        var hash = SHA1.HashData(bytes)[..16];
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50); // version 5
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // RFC 9562 variant
        return new Guid(hash, bigEndian: true);
    }

    // A day as an RFC 3339 date-time (Atom's dates): its start, in UTC.
    private static string Instant(string date) => date + "T00:00:00Z";

    private static void Text(XmlWriter xml, string element, string text)
    {
        xml.WriteStartElement(element, AtomNamespace);
        xml.WriteAttributeString("type", "text");
        xml.WriteString(Clean(text));
        xml.WriteEndElement();
    }

    private static void LinkElement(XmlWriter xml, string rel, string type, string href)
    {
        xml.WriteStartElement("link", AtomNamespace);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", Clean(href));
        xml.WriteEndElement();
    }

    /// <summary>
    /// <paramref name="text"/> with every character XML 1.0 cannot hold (C0 controls but tab and line ends, lone
    /// surrogates, U+FFFE, U+FFFF), which YAML's "\x01" can write, as U+FFFD: XmlWriter would refuse the whole feed.
    /// </summary>
    internal static string Clean(string text)
    {
        if (!text.Any(c => !XmlConvert.IsXmlChar(c))) return text;
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i])) clean.Append(text[i]);
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i])) clean.Append(text[i]).Append(text[++i]);
            else clean.Append('\uFFFD');
        }
        return clean.ToString();
    }
}
