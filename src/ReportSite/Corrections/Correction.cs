using ReportSite.Diagnostics;

namespace ReportSite.Corrections;

/// <summary>What a correction corrects: one claim, or a section as a whole.</summary>
public enum CorrectionTarget { Claim, Section }

/// <summary>
/// One entry of <c>input/corrections.yml</c>: on <see cref="Date"/> the report corrected the claim or section
/// <see cref="TargetId"/>, as <see cref="Text"/> says.
/// </summary>
/// <param name="Date">A full ISO 8601 date (YYYY-MM-DD).</param>
/// <param name="TargetId">A claim id (without "claim-") or a section slug, as <see cref="Target"/> says.</param>
/// <param name="Number">Its place in the file, from 1: orders corrections of one day and keeps feed ids stable.</param>
/// <param name="Location">Where the entry starts; <paramref name="TargetLocation"/> where its claim or section is named.</param>
public sealed record Correction(string Date, CorrectionTarget Target, string TargetId, string Text, int Number,
    SourceLocation Location, SourceLocation TargetLocation)
{
    /// <summary>The id of the correction's note (and of its feed entry): stable while the file's earlier entries stay.</summary>
    public string Anchor => $"correction-{Number}";
}
