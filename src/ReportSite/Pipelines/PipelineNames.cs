namespace ReportSite.Pipelines;

/// <summary>The build's pipelines, in the order the architecture doc describes them.</summary>
public static class PipelineNames
{
    public const string Site = "Site";
    public const string Theme = "Theme";
    public const string Sources = "Sources";
    public const string Corrections = "Corrections";
    public const string Sections = "Sections";
    public const string Report = "Report";
    public const string Exports = "Exports";
    public const string Search = "Search";
    public const string Assets = "Assets";
    public const string Sitemap = "Sitemap";
}
