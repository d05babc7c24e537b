namespace ReportSite.Corpus;

/// <summary>The size and make-up of a generated report.</summary>
/// <param name="Name">Folder name and the name the bench commands use.</param>
/// <param name="Sections">Number of section files.</param>
/// <param name="WordsPerSection">Approximate prose length of each section.</param>
/// <param name="Sources">Number of source records (0: a plain pages corpus with no citations).</param>
/// <param name="Collections">How many collections most records belong to.</param>
/// <param name="Citations">Total citations across all sections (every source is cited at least once).</param>
public sealed record CorpusShape(string Name, int Sections, int WordsPerSection, int Sources, int Collections, int Citations)
{
    /// <summary>5,000 sections of ~600 words and no citations: the shape Hugo and its peers build.</summary>
    public static readonly CorpusShape Pages5k = new("pages-5k", 5000, 600, 0, 0, 0);

    /// <summary>500 sections, 22,000 records (most in 20 collections), 50,000 citations: a report built on a large leak.</summary>
    public static readonly CorpusShape Report22k = new("report-22k", 500, 600, 22_000, 20, 50_000);

    /// <summary>A quarter of report-22k, to check that cost grows linearly.</summary>
    public static readonly CorpusShape ReportQuarter = new("report-5500", 125, 600, 5_500, 20, 12_500);

    /// <summary>The CI smoke corpus: 50 sections, 500 sources.</summary>
    public static readonly CorpusShape Tiny = new("tiny", 50, 200, 500, 5, 1_200);

    public static readonly IReadOnlyList<CorpusShape> All = [Pages5k, Report22k, ReportQuarter, Tiny];

    public static CorpusShape Named(string name) =>
        All.FirstOrDefault(s => s.Name == name) ?? throw new ArgumentException(
            $"Unknown corpus '{name}'. Known: {string.Join(", ", All.Select(s => s.Name))}");
}
