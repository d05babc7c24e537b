using ReportSite.Diagnostics;

namespace ReportSite.Sources;

/// <summary>One citation record from input/sources/*.yml, validated. Field names follow the YAML keys.</summary>
public sealed record SourceRecord
{
    public required string Id { get; init; }
    public required string Type { get; init; }
    public required string Title { get; init; }
    public string? TitleTranslated { get; init; }
    public IReadOnlyList<string> Authors { get; init; } = [];
    public string? Publisher { get; init; }
    public string? Date { get; init; }
    public string? Language { get; init; }
    public string? Url { get; init; }
    public string? ArchiveUrl { get; init; }
    public string? Accessed { get; init; }
    /// <summary>Path of the local copy, relative to the input folder, with '/'.</summary>
    public string? File { get; init; }
    /// <summary>The SHA-256 the author declared (lower-case hex), if any.</summary>
    public string? Sha256 { get; init; }
    /// <summary>The SHA-256 of <see cref="File"/> computed at build time.</summary>
    public string? ComputedSha256 { get; init; }
    public string? PartOf { get; init; }
    public string Verification { get; init; } = VerificationStatus.Unverified;
    public string? VerificationNote { get; init; }
    public string? Description { get; init; }
    public string? Quote { get; init; }

    /// <summary>Where the record starts, for diagnostics about the record as a whole.</summary>
    public required SourceLocation Location { get; init; }
    /// <summary>Where each field's value is, keyed by YAML key, for diagnostics about one field.</summary>
    public IReadOnlyDictionary<string, SourceLocation> FieldLocations { get; init; } = new Dictionary<string, SourceLocation>();

    public SourceLocation LocationOf(string field) => FieldLocations.TryGetValue(field, out var at) ? at : Location;

    /// <summary>The output page's file name: ids may hold ':', which is not safe in a file name or a relative URL.</summary>
    public string PageName => PageNameFor(Id);

    public static string PageNameFor(string id) => id.Replace(':', '~') + ".html";
}

public static class SourceTypes
{
    public static readonly IReadOnlyList<string> All =
    [
        "article", "report", "document", "letter", "interview", "testimony", "dataset",
        "image", "video", "webpage", "book", "collection", "other",
    ];
}

public static class VerificationStatus
{
    public const string Verified = "verified";
    public const string PartiallyVerified = "partially-verified";
    public const string Unverified = "unverified";
    public const string Disputed = "disputed";
    public const string Retracted = "retracted";

    public static readonly IReadOnlyList<string> All = [Verified, PartiallyVerified, Unverified, Disputed, Retracted];
}
