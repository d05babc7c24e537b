namespace ReportSite.Search;

/// <summary>
/// How search reads text: the words of a text, each word's normalised form, and the keys it is indexed and looked up
/// under. Its twin is the text part of theme/assets/search.js; the two must give identical results.
/// </summary>
public static class SearchText
{
    /// <summary>The words of <paramref name="text"/> in order, as (start, length) in the text.</summary>
    public static List<(int Start, int Length)> Words(string text)
    {
        // First cut (to be replaced): runs of letters, marks and digits.
        var words = new List<(int, int)>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && (char.IsLetterOrDigit(text[i]) || char.GetUnicodeCategory(text[i]) is System.Globalization.UnicodeCategory.NonSpacingMark);
            if (inWord && start < 0) start = i;
            else if (!inWord && start >= 0) { words.Add((start, i - start)); start = -1; }
        }
        return words;
    }

    /// <summary>A word's normalised form: what two spellings of one word have in common.</summary>
    public static string Normalise(string word) => word.ToLowerInvariant(); // first cut

    /// <summary>The keys of a normalised word: the word itself first, then its stems, without repeats.</summary>
    public static IReadOnlyList<string> Keys(string normalised) => [normalised]; // first cut
}
