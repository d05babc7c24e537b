namespace ReportSite.Site;

/// <summary>input/site.yml: the report as a whole.</summary>
public sealed record SiteConfig
{
    public required string Title { get; init; }
    public string? Subtitle { get; init; }
    /// <summary>BCP 47 language tag of the report (html lang).</summary>
    public string Language { get; init; } = "en";
    /// <summary>"rtl" or "ltr": derived from the language unless site.yml sets it.</summary>
    public string Direction { get; init; } = "ltr";
    public IReadOnlyList<string> Authors { get; init; } = [];
    public string? Published { get; init; }
    public string? Updated { get; init; }
    public string? Description { get; init; }
    public string? License { get; init; }
    public string? BaseUrl { get; init; }
    /// <summary>Digits the theme prints numbers and dates in: "latn" (0123456789, the default) or "arab" (٠١٢٣٤٥٦٧٨٩).</summary>
    public string Digits { get; init; } = "latn";

    private static readonly HashSet<string> RightToLeft = new(StringComparer.OrdinalIgnoreCase)
    {
        "ar", "he", "fa", "ur", "ps", "sd", "ug", "yi", "dv", "ckb",
    };

    /// <summary>rtl for scripts written right to left (Arabic, Hebrew, Persian, Urdu, …), judged by the primary subtag.</summary>
    public static string DirectionOf(string language) =>
        RightToLeft.Contains(language.Split('-')[0]) ? "rtl" : "ltr";
}
