using ReportSite.Text;

namespace ReportSite.Diagnostics;

/// <summary>"Did you mean …?" hints: a known name that looks the same (<see cref="LookAlikes"/>), else the closest (Levenshtein distance).</summary>
public static class Suggestions
{
    public static string? Closest(string value, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestScore = int.MaxValue;
        foreach (var candidate in candidates)
        {
            // A typo of the whole name ("reprot"), or of its beginning ("sky-newz" for "sky-news-investigation").
            var whole = Distance(value, candidate);
            var score = whole <= Math.Max(2, value.Length / 3) ? whole : int.MaxValue;
            if (candidate.Length > value.Length && value.Length >= 4)
            {
                var prefix = Distance(value, candidate[..value.Length]);
                if (prefix <= Math.Max(1, value.Length / 4)) score = Math.Min(score, prefix + 1);
            }
            if (score < bestScore || (score == bestScore && best is not null && string.CompareOrdinal(candidate, best) < 0))
            {
                best = candidate;
                bestScore = score;
            }
        }
        // Only suggest when the candidate is plausibly a typo, not an unrelated name.
        return bestScore == int.MaxValue ? null : best;
    }

    /// <summary>A name that looks the same as the value comes first: no typo distance can tell the author why it differs.</summary>
    public static string Hint(string value, IEnumerable<string> candidates) =>
        LookAlikes.Find(value, candidates) is { } twin ? $"; did you mean '{twin}'? They look alike: {LookAlikes.Difference(value, twin)}"
        : Closest(value, candidates) is { } match ? $"; did you mean '{match}'?" : "";

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
