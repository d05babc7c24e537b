using ReportSite.Diagnostics;

namespace ReportSite.Corrections;

/// <summary>
/// Checks that each correction names a claim or section of the report (with a "did you mean" when it does not) and
/// keeps those that do, their claim ids as the report spells them (<c>claim-x</c> is read as <c>x</c>, as <c>{#claim-x}</c> is).
/// </summary>
public static class CorrectionTargets
{
    public static IReadOnlyList<Correction> Resolve(IReadOnlyList<Correction> corrections, IReadOnlyCollection<string> claimIds,
        IReadOnlyCollection<string> slugs, DiagnosticBag diagnostics)
    {
        var claims = claimIds as IReadOnlySet<string> ?? new HashSet<string>(claimIds, StringComparer.Ordinal);
        var sections = slugs as IReadOnlySet<string> ?? new HashSet<string>(slugs, StringComparer.Ordinal);
        var resolved = new List<Correction>(corrections.Count);
        foreach (var correction in corrections)
        {
            if (correction.Target == CorrectionTarget.Claim)
            {
                var id = claims.Contains(correction.TargetId) ? correction.TargetId
                    : correction.TargetId.StartsWith("claim-", StringComparison.Ordinal) && claims.Contains(correction.TargetId["claim-".Length..])
                        ? correction.TargetId["claim-".Length..]
                        : null;
                if (id is not null) resolved.Add(correction with { TargetId = id });
                else diagnostics.Error(correction.TargetLocation, DiagnosticCodes.CorrectionUnknownClaim,
                    $"the correction names unknown claim '{correction.TargetId}'{Suggestions.Hint(correction.TargetId, claims)} " +
                    "(a derived id changes with the claim's words: give a claim you correct an explicit id, [@key]{#id})");
            }
            else if (sections.Contains(correction.TargetId)) resolved.Add(correction);
            else diagnostics.Error(correction.TargetLocation, DiagnosticCodes.CorrectionUnknownSection,
                $"the correction names unknown section '{correction.TargetId}'{Suggestions.Hint(correction.TargetId, sections)} (a section is named by its slug)");
        }
        return resolved;
    }
}
