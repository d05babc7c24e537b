using ReportSite.Diagnostics;

namespace ReportSite.Sources;

/// <summary>
/// One citation record from input/sources/*.yml, validated. Field names follow the YAML keys; every field is declared
/// (key, kind, docs, how it is read and exported) once, in <see cref="RecordFieldTable"/>.
/// </summary>
public sealed record SourceRecord
{
    public required string Id { get; init; }
    /// <summary>Other only when <c>type</c> was missing or unknown, which is an error already.</summary>
    public SourceType Type { get; init; } = SourceType.Other;
    public required string Title { get; init; }
    public string? TitleTranslated { get; init; }
    public IReadOnlyList<string> Authors { get; init; } = [];
    public string? Publisher { get; init; }
    public PartialDate? Date { get; init; }
    public string? Language { get; init; }
    public string? Url { get; init; }
    /// <summary>Archived copies of <see cref="Url"/>, in the author's order (<c>archive_urls</c>, or one <c>archive_url</c>).</summary>
    public IReadOnlyList<string> ArchiveUrls { get; init; } = [];
    public PartialDate? Accessed { get; init; }
    /// <summary>Path of the local copy, relative to the input folder, with '/'.</summary>
    public string? File { get; init; }
    /// <summary>The SHA-256 the author declared (lower-case hex), if any.</summary>
    public string? Sha256 { get; init; }
    /// <summary><see cref="File"/> as the build hashed it; null when there is none or it could not be read.</summary>
    public HashedFile? LocalFile { get; init; }
    /// <summary>The SHA-256 of <see cref="File"/> computed at build time.</summary>
    public string? ComputedSha256 => LocalFile?.Sha256;
    /// <summary>Path of the local capture of a web source (<c>capture</c>), relative to the input folder.</summary>
    public string? Capture { get; init; }
    /// <summary><see cref="Capture"/> as the build hashed it.</summary>
    public HashedFile? LocalCapture { get; init; }
    public string? PartOf { get; init; }

    // Chain of custody (Berkeley Protocol, §§153–167): who collected the source, when and how.
    public string? CollectedBy { get; init; }
    public PartialDate? CollectedOn { get; init; }
    public string? CollectionMethod { get; init; }

    public SourceSensitivity Sensitivity { get; init; } = SourceSensitivity.Public;
    /// <summary>Why a withheld source's files are not published; shown on its page.</summary>
    public string? WithheldReason { get; init; }
    /// <summary>Whether the local copies stay out of the site (only their hash, size and media type are published).</summary>
    public bool IsWithheld => Sensitivity == SourceSensitivity.Withheld;
    /// <summary>The sources this one reports or copies (<c>derived_from</c>): not an independent origin of what it says.</summary>
    public IReadOnlyList<string> DerivedFrom { get; init; } = [];
    public SourceStatus Status { get; init; } = SourceStatus.Unverified;
    /// <summary>The status as YAML spells it ("partially-verified"): what themes and the claim code compare.</summary>
    public string Verification => Status.Yaml();
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

/// <summary>The YAML spellings of <see cref="SourceType"/>, for messages and tests.</summary>
public static class SourceTypes
{
    public static readonly IReadOnlyList<string> All = YamlEnum<SourceType>.Spellings;
}

/// <summary>
/// The YAML spellings of <see cref="SourceStatus"/> as constants, for code that matches on the spelled status
/// (<see cref="SourceRecord.Verification"/>); a test checks they agree with <see cref="YamlEnum{T}"/>.
/// </summary>
public static class VerificationStatus
{
    public const string Verified = "verified";
    public const string PartiallyVerified = "partially-verified";
    public const string Unverified = "unverified";
    public const string Disputed = "disputed";
    public const string Retracted = "retracted";

    public static readonly IReadOnlyList<string> All = YamlEnum<SourceStatus>.Spellings;
}
