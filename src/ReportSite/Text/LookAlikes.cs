using ReportSite.Diagnostics;

namespace ReportSite.Text;

/// <summary>
/// Ids that are different yet look the same (<see cref="Confusables"/>): an author reading one cannot tell which
/// of the two it is, so each such pair is a warning naming both and the code points where they differ.
/// </summary>
public static class LookAlikes
{
    /// <summary>Warns (RS0220) at every id whose skeleton an earlier, different id already has.</summary>
    /// <param name="what">What the ids are, for the message: "source id", "claim id", "slug".</param>
    public static void Warn(IEnumerable<(string Id, SourceLocation At)> ids, string what, DiagnosticBag diagnostics)
    {
        var bySkeleton = new Dictionary<string, (string Id, SourceLocation At)>(StringComparer.Ordinal);
        foreach (var item in ids)
        {
            var skeleton = Confusables.Skeleton(item.Id);
            if (!bySkeleton.TryAdd(skeleton, item) && bySkeleton[skeleton] is var first && first.Id != item.Id)
                diagnostics.Warning(item.At, DiagnosticCodes.LookAlikeId,
                    $"{what} '{item.Id}' looks like {what} '{first.Id}' at {first.At.File}({first.At.Line},{first.At.Column}): {Difference(item.Id, first.Id)}");
        }
    }

    /// <summary>The first of <paramref name="candidates"/> that looks like <paramref name="value"/> but is not it.</summary>
    public static string? Find(string value, IEnumerable<string> candidates)
    {
        var skeleton = Confusables.Skeleton(value);
        return candidates.FirstOrDefault(c => c != value && Confusables.Skeleton(c) == skeleton);
    }

    /// <summary>"'pаypal' has U+0430 where 'paypal' has U+0061": the code points between the common prefix and suffix.</summary>
    public static string Difference(string a, string b)
    {
        int[] x = [.. a.EnumerateRunes().Select(r => r.Value)], y = [.. b.EnumerateRunes().Select(r => r.Value)];
        var prefix = 0;
        while (prefix < x.Length && prefix < y.Length && x[prefix] == y[prefix]) prefix++;
        var suffix = 0;
        while (suffix < x.Length - prefix && suffix < y.Length - prefix && x[^(suffix + 1)] == y[^(suffix + 1)]) suffix++;
        return $"'{a}' has {CodePoints(x[prefix..^suffix])} where '{b}' has {CodePoints(y[prefix..^suffix])}";
    }

    private static string CodePoints(int[] codePoints) =>
        codePoints.Length == 0 ? "nothing" : string.Join(" ", codePoints.Select(cp => $"U+{cp:X4}"));
}
