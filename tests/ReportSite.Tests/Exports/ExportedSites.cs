using System.Text.Json;
using ReportSite.BrowserTests.Support;

namespace ReportSite.Tests.Exports;

/// <summary>The sample report (Arabic) and the English fixture report, each built once, for the export tests.</summary>
public sealed class ExportedSites : IDisposable
{
    public BuiltReport Sample { get; } = BuiltReport.BuildSample();
    public BuiltReport English { get; } = BuiltReport.BuildEnglish();

    public IEnumerable<BuiltReport> All => [Sample, English];

    public static string PathOf(BuiltReport report, string file) => Path.Combine(report.SiteFolder, file);

    public static JsonElement Json(BuiltReport report, string file) =>
        JsonDocument.Parse(File.ReadAllText(PathOf(report, file))).RootElement;

    /// <summary>The records as sources.json has them, by id: what every other export must agree with.</summary>
    public static Dictionary<string, JsonElement> Records(BuiltReport report) =>
        Json(report, "sources.json").GetProperty("sources").EnumerateArray().ToDictionary(s => s.GetProperty("id").GetString()!);

    public void Dispose()
    {
        Sample.Dispose();
        English.Dispose();
    }
}
