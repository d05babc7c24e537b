using System.Globalization;
using System.Text;

namespace ReportSite.Search;

/// <summary>
/// How search reads text (docs/search.md, "What matches"): the words of a text, each word's normalised form, and the
/// keys it is indexed and looked up under (the normalised word and its light stems). Its twin is the Text part of
/// theme/assets/search.js; SearchTextAgreementTests runs both over every word of three reports and asserts identical
/// output, so a change here is a change there.
/// </summary>
public static class SearchText
{
    /// <summary>The words of <paramref name="text"/> in order, as (start, length) in UTF-16 units: runs of letters,
    /// marks and decimal digits (tatweel is a letter, so it never splits a word; apostrophes and hyphens do).</summary>
    public static List<(int Start, int Length)> Words(string text)
    {
        var words = new List<(int, int)>();
        var start = -1;
        var i = 0;
        while (i <= text.Length)
        {
            var width = 1;
            var inWord = false;
            if (i < text.Length)
            {
                if (Rune.TryGetRuneAt(text, i, out var rune)) { width = rune.Utf16SequenceLength; inWord = IsWordPart(Rune.GetUnicodeCategory(rune)); }
            }
            if (inWord && start < 0) start = i;
            else if (!inWord && start >= 0) { words.Add((start, i - start)); start = -1; }
            i += width;
        }
        return words;
    }

    private static bool IsWordPart(UnicodeCategory category) => category is
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
        or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
        or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
        or UnicodeCategory.DecimalDigitNumber;

    /// <summary>A word's normalised form: compatibility decomposition (NFKD), without marks (tashkeel, accents) or
    /// tatweel, lower case letter by letter, Arabic letter variants and Eastern digits folded.</summary>
    public static string Normalise(string word)
    {
        // A lone surrogate is not text (and Normalize refuses it): it is dropped, as the script drops it.
        var decomposed = WithoutLoneSurrogates(word).Normalize(NormalizationForm.FormKD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var rune in decomposed.EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) == UnicodeCategory.NonSpacingMark || rune.Value == Tatweel) continue;
            var lower = Rune.ToLowerInvariant(rune);
            folded.Append(lower.Value < 0x10000 ? Fold((char)lower.Value).ToString() : lower.ToString());
        }
        return folded.ToString();
    }

    private const int Tatweel = 0x0640;

    private static string WithoutLoneSurrogates(string word)
    {
        if (!word.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF')) return word;
        var kept = new StringBuilder(word.Length);
        for (var i = 0; i < word.Length; i++)
        {
            if (char.IsHighSurrogate(word[i]) && i + 1 < word.Length && char.IsLowSurrogate(word[i + 1])) kept.Append(word, i++, 2);
            else if (!char.IsSurrogate(word[i])) kept.Append(word[i]);
        }
        return kept.ToString();
    }

    /// <summary>One letter's fold: hamza seats and wasla to their letter (NFKD has already split أ إ آ ؤ ئ into a letter
    /// and a mark), alef maqsura to yeh, taa marbuta to heh, Persian yeh and keheh to Arabic, Eastern digits to 0-9.</summary>
    public static char Fold(char c) => c switch
    {
        '\u0623' or '\u0625' or '\u0622' or '\u0671' => '\u0627', // أ إ آ ٱ → ا
        '\u0624' => '\u0648',                                     // ؤ → و
        '\u0626' or '\u0649' or '\u06CC' => '\u064A',             // ئ ى ی → ي
        '\u0629' => '\u0647',                                     // ة → ه
        '\u06A9' => '\u0643',                                     // ک → ك
        >= '\u0660' and <= '\u0669' => (char)('0' + (c - '\u0660')),
        >= '\u06F0' and <= '\u06F9' => (char)('0' + (c - '\u06F0')),
        _ => c,
    };

    /// <summary>The keys of a normalised word: the word itself first, then its light stems, without repeats.</summary>
    public static IReadOnlyList<string> Keys(string normalised)
    {
        var keys = new List<string>(4) { normalised };
        if (normalised.Length == 0) return keys;
        if (IsArabicLetter(normalised[0])) ArabicStems(normalised, keys);
        else if (normalised[0] is >= 'a' and <= 'z' && normalised.All(c => c is >= 'a' and <= 'z')) EnglishStem(normalised, keys);
        return keys;
    }

    private static bool IsArabicLetter(char c) => c is >= '\u0621' and <= '\u064A';

    // Attached prefixes, longest first, each with the letters that must remain after it.
    private static readonly (string Prefix, int Remain)[] ArabicPrefixes =
    [
        ("وال", 2), ("بال", 2), ("كال", 2), ("فال", 2), ("لل", 2), ("ال", 2),
        ("و", 3), ("ف", 4), ("ب", 4), ("ك", 4), ("ل", 4),
    ];

    // Suffixes, longest first; at least four letters must remain after the cut. Not ان (it ends too many names: طالبان, لبنان) and
    // never a bare ه (it ends every folded taa marbuta).
    private static readonly string[] ArabicSuffixes = ["تين", "تان", "ات", "ون", "ين", "ها", "هم", "هن", "كم", "كن", "نا", "يه"];
    private const int SuffixRemain = 4;

    // The dual of a taa marbuta word may leave three letters (دولتين → دول, دوله): the ending is specific enough.
    private static int RemainAfter(string suffix) => suffix is "تين" or "تان" ? 3 : SuffixRemain;

    // Words that look like article + word but are one word: الله is not ل+ه, الآن is not آن (أن).
    private static readonly HashSet<string> ArabicWholeWords = new(StringComparer.Ordinal)
    {
        "الله", "اللهم", "الان", "الذي", "التي", "الذين", "اللذان", "اللتان", "اللذين", "اللتين", "اللاتي", "اللواتي",
    };

    private static void ArabicStems(string word, List<string> keys)
    {
        if (ArabicWholeWords.Contains(word)) return;
        var stem = word;
        foreach (var (prefix, remain) in ArabicPrefixes)
            if (stem.StartsWith(prefix, StringComparison.Ordinal) && stem.Length - prefix.Length >= remain)
            {
                stem = stem[prefix.Length..];
                Add(keys, stem);
                break;
            }
        foreach (var suffix in ArabicSuffixes)
        {
            // يه gives up only its ه: سوريه (سورية) → سوري.
            var cut = suffix == "يه" ? 1 : suffix.Length;
            if (!stem.EndsWith(suffix, StringComparison.Ordinal) || stem.Length - cut < RemainAfter(suffix)) continue;
            var root = stem[..^cut];
            Add(keys, root);
            // A plural or dual of a taa marbuta word also meets its singular: مفاوضات → مفاوضه, دولتين → دوله.
            if (suffix is "ات" or "تين" or "تان") Add(keys, root + "\u0647");
            break;
        }
    }

    // Words a suffix rule would break: they end in s, ed or ing without being a plural or a tense.
    private static readonly HashSet<string> EnglishExceptions = new(StringComparer.Ordinal)
    {
        "news", "hamas", "isis", "is", "was", "has", "his", "this", "us", "gas", "bus", "yes", "its", "thus", "plus",
        "series", "species", "analysis", "basis", "crisis", "thesis", "status", "bias", "across", "always", "perhaps",
        "whereas", "christmas", "texas", "paris", "lens", "means", "politics", "economics", "physics", "ethics",
        "bed", "red", "shed", "led", "fed", "wed", "seed", "need", "feed", "speed", "greed", "hundred", "sacred", "naked",
        "thing", "king", "ring", "sing", "wing", "bring", "spring", "string", "nothing", "something", "anything", "everything",
        "morning", "evening", "during", "ceiling", "sterling", "beijing",
    };

    private static void EnglishStem(string word, List<string> keys)
    {
        if (word.Length < 4 || EnglishExceptions.Contains(word)) return;
        string? stem = null;
        if (word.EndsWith("ies", StringComparison.Ordinal) && word.Length > 4) stem = word[..^3] + "y";
        else if (word.EndsWith("sses", StringComparison.Ordinal)) stem = word[..^2];
        else if (word.EndsWith("ss", StringComparison.Ordinal) || word.EndsWith("us", StringComparison.Ordinal) || word.EndsWith("is", StringComparison.Ordinal)) stem = null;
        else if (word.EndsWith("es", StringComparison.Ordinal) && (word.EndsWith("shes", StringComparison.Ordinal) || word.EndsWith("ches", StringComparison.Ordinal)
            || word.EndsWith("xes", StringComparison.Ordinal) || word.EndsWith("zes", StringComparison.Ordinal))) stem = word[..^2];
        else if (word.EndsWith('s')) stem = word[..^1];
        else if (word.EndsWith("ing", StringComparison.Ordinal) && word.Length >= 6 && HasVowel(word[..^3])) stem = Undouble(word[..^3]);
        else if (word.EndsWith("ied", StringComparison.Ordinal) && word.Length > 4) stem = word[..^3] + "y";
        else if (word.EndsWith("ed", StringComparison.Ordinal) && word.Length >= 5 && HasVowel(word[..^2])) stem = Undouble(word[..^2]);
        if (stem is not null) Add(keys, stem);
    }

    private static bool HasVowel(string s) => s.AsSpan().IndexOfAny("aeiouy") >= 0;

    // stopped → stop; but not "fall", "miss", "buzz".
    private static string Undouble(string s) =>
        s.Length >= 3 && s[^1] == s[^2] && s[^1] is not ('l' or 's' or 'z') && !"aeiou".Contains(s[^1]) ? s[..^1] : s;

    private static void Add(List<string> keys, string key)
    {
        if (key.Length > 0 && !keys.Contains(key)) keys.Add(key);
    }
}
