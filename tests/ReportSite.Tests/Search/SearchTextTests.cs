using CsCheck;
using ReportSite.Search;

namespace ReportSite.Tests.Search;

/// <summary>The search normaliser and stemmer: each rule, the words they must bring together, and the words they must
/// keep apart (docs/search.md, "What matches").</summary>
public class SearchTextTests
{
    private static IReadOnlyList<string> KeysOf(string word) => SearchText.Keys(SearchText.Normalise(word));

    /// <summary>Whether a query word finds a document word: their keys meet.</summary>
    private static bool Meet(string a, string b) => KeysOf(a).Intersect(KeysOf(b), StringComparer.Ordinal).Any();

    [Theory]
    [InlineData("أحمد", "احمد")]       // hamza above alef
    [InlineData("إسلام", "اسلام")]     // hamza below alef
    [InlineData("آخر", "اخر")]         // madda
    [InlineData("ٱلله", "الله")]        // alef wasla
    [InlineData("مؤتمر", "موتمر")]     // hamza on waw
    [InlineData("رئيس", "رييس")]       // hamza on yeh
    [InlineData("مستشفى", "مستشفي")]   // alef maqsura
    [InlineData("مدينة", "مدينه")]     // taa marbuta
    [InlineData("فارسی", "فارسي")]     // Persian yeh
    [InlineData("کتاب", "كتاب")]       // keheh
    [InlineData("مُحَمَّدٌ", "محمد")]     // harakat, shadda, tanween
    [InlineData("هٰذا", "هذا")]         // dagger alef
    [InlineData("سُكْر", "سكر")]        // sukun
    [InlineData("تـــدمـر", "تدمر")]     // tatweel
    [InlineData("٢٠١٩", "2019")]       // Arabic-Indic digits
    [InlineData("۲۰۱۹", "2019")]       // Persian digits
    [InlineData("Palmyra", "palmyra")] // case
    [InlineData("Café", "cafe")]       // Latin accents
    [InlineData("ﬁle", "file")]        // compatibility ligature
    [InlineData("İstanbul", "istanbul")] // dotted capital I: NFKD splits its dot, which goes with the marks
    [InlineData("ΣΟΦΟΣ", "σοφοσ")]     // letter by letter: no final sigma, as in the script
    [InlineData("\U00010400", "\U00010428")] // a letter outside the BMP is lower-cased whole (Deseret)
    [InlineData("\U0001D49C", "a")]   // a mathematical letter decomposes to its plain one
    public void Normalising_folds_each_variant_to_one_spelling(string word, string normalised) =>
        Assert.Equal(normalised, SearchText.Normalise(word));

    [Fact]
    public void Lone_surrogates_are_not_text_and_are_dropped()
    {
        Assert.Equal("ab", SearchText.Normalise(new string(['a', '\uD800', 'b', '\uDC00'])));
        Assert.Equal("", SearchText.Normalise(new string(['\uDC00', '\uD800'])));
        Assert.Empty(SearchText.Words(new string(['\uD800', ' ', '\uDC00'])));
    }

    [Theory]
    [InlineData("والنفط", "نفط")]
    [InlineData("بالنفط", "نفط")]
    [InlineData("كالنفط", "نفط")]
    [InlineData("فالنفط", "نفط")]
    [InlineData("للنفط", "نفط")]
    [InlineData("النفط", "نفط")]
    [InlineData("وتدمر", "تدمر")]
    [InlineData("فتدمر", "تدمر")]   // ف leaves four
    [InlineData("بتدمر", "تدمر")]
    [InlineData("كتدمر", "تدمر")]
    [InlineData("لتدمر", "تدمر")]
    [InlineData("مفاوضات", "مفاوض")]
    [InlineData("مفاوضات", "مفاوضه")] // a plural meets its taa marbuta singular
    [InlineData("الدولتين", "دوله")]
    [InlineData("مقاتلون", "مقاتل")]
    [InlineData("مقاتلين", "مقاتل")]
    [InlineData("وثائقها", "ثايق")]   // و, then ها: وثائق itself is indexed under ثايق too
    [InlineData("قادتهم", "قادت")]
    [InlineData("سورية", "سوري")]    // يه gives up its ه only
    [InlineData("sources", "source")]
    [InlineData("countries", "country")]
    [InlineData("verified", "verify")]
    [InlineData("leaked", "leak")]
    [InlineData("stopped", "stop")]
    [InlineData("boxes", "box")]
    [InlineData("reporting", "report")]
    public void A_word_is_also_indexed_under_its_light_stem(string word, string stem) =>
        Assert.Contains(stem, KeysOf(word));

    [Theory]
    [InlineData("الل")]   // ال would leave one letter
    [InlineData("وزن")]   // و would leave two
    [InlineData("كتاب")]  // ك would leave three
    [InlineData("بحر")]
    [InlineData("عين")]   // ين would leave one
    [InlineData("حسين")]  // ... and two
    [InlineData("سنوات")] // ات would leave three
    [InlineData("طالبان")] // ان is never a suffix
    [InlineData("مدينة")] // nor a bare ه
    [InlineData("news")]
    [InlineData("hamas")]
    [InlineData("class")]
    [InlineData("status")]
    [InlineData("bus")]
    [InlineData("during")]
    [InlineData("bed")]
    [InlineData("2019")]
    public void A_guarded_word_keeps_only_its_own_key(string word) =>
        Assert.Equal([SearchText.Normalise(word)], KeysOf(word));

    [Theory]
    [InlineData("النفط", "نفط")]
    [InlineData("والنفط", "النفط")]
    [InlineData("والنفط", "بالنفط")]
    [InlineData("تدمر", "وتدمر")]
    [InlineData("الشمالي", "شمالي")]
    [InlineData("مفاوضات", "مفاوضة")]
    [InlineData("المفاوضات", "مفاوضة")]
    [InlineData("مُفَاوَضَاتٌ", "مفاوضات")]
    [InlineData("وثائقها", "وثائق")]
    [InlineData("الدولتين", "دولة")]
    [InlineData("أبو", "ابو")]
    [InlineData("إيران", "ايران")]
    [InlineData("٢٠١٩", "2019")]
    [InlineData("۲۰۱۹", "٢٠١٩")]
    [InlineData("Palmyra", "palmyra")]
    [InlineData("sources", "source")]
    [InlineData("café", "CAFE")]
    public void Spellings_of_one_word_find_each_other(string a, string b)
    {
        Assert.True(Meet(a, b), $"{a} [{string.Join(",", KeysOf(a))}] and {b} [{string.Join(",", KeysOf(b))}] do not meet");
        Assert.True(Meet(b, a));
    }

    /// <summary>Different words that a careless stemmer would bring together: a root word and one that only shares a
    /// letter that looks like a prefix or suffix. (Known conflations the rules accept are in docs/search.md.)</summary>
    [Theory]
    [InlineData("بحر", "حر")]
    [InlineData("كلام", "لام")]
    [InlineData("فرع", "رع")]
    [InlineData("وزن", "زن")]
    [InlineData("ولد", "لد")]
    [InlineData("بيت", "يت")]
    [InlineData("لحم", "حم")]
    [InlineData("كتاب", "تاب")]
    [InlineData("فيلم", "يلم")]
    [InlineData("بريد", "ريد")]
    [InlineData("وجه", "جه")]
    [InlineData("علم", "عالم")]
    [InlineData("كتب", "كتاب")]
    [InlineData("سنة", "سن")]
    [InlineData("مدينة", "مدين")]
    [InlineData("ملكة", "ملك")]
    [InlineData("أمين", "أم")]
    [InlineData("حسين", "حس")]
    [InlineData("ثمين", "ثم")]
    [InlineData("سجين", "سج")]
    [InlineData("أمان", "أم")]
    [InlineData("إيران", "إير")]
    [InlineData("لبنان", "لبن")]
    [InlineData("بنات", "بن")]
    [InlineData("طالبان", "طالب")]
    [InlineData("عمان", "عم")]
    [InlineData("سلمان", "سلم")]
    [InlineData("نعمان", "نعم")]
    [InlineData("سنوات", "سنو")]
    [InlineData("الله", "له")]
    [InlineData("بلاد", "لاد")]
    [InlineData("الآن", "أن")]
    [InlineData("الذي", "ذي")]
    [InlineData("news", "new")]
    [InlineData("hamas", "hama")]
    [InlineData("isis", "isi")]
    [InlineData("this", "thi")]
    [InlineData("gas", "ga")]
    [InlineData("status", "statu")]
    [InlineData("bed", "be")]
    [InlineData("king", "k")]
    [InlineData("morning", "morn")]
    [InlineData("class", "clas")]
    public void Different_words_stay_apart(string a, string b)
    {
        Assert.False(Meet(a, b), $"{a} [{string.Join(",", KeysOf(a))}] and {b} [{string.Join(",", KeysOf(b))}] meet");
        Assert.False(Meet(b, a));
    }

    [Theory]
    [InlineData("أبو محمد الشمالي", new[] { "أبو", "محمد", "الشمالي" })]
    [InlineData("تـــدمـر، وPalmyra", new[] { "تـــدمـر", "وPalmyra" })]
    [InlineData("مُحَمَّد's well-known 2019", new[] { "مُحَمَّد", "s", "well", "known", "2019" })]
    [InlineData("𝒜lpha 😀 beta", new[] { "𝒜lpha", "beta" })]
    [InlineData("", new string[0])]
    public void Words_are_runs_of_letters_marks_and_digits(string text, string[] words) =>
        Assert.Equal(words, SearchText.Words(text).Select(w => text.Substring(w.Start, w.Length)));

    private static readonly Gen<string> Word = Gen.OneOf(
        Gen.String[Gen.Char["ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىيًٌٍَُِّْٰٱیکـ٠١٢٩۰۹"], 0, 10],
        Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéèüİıßσΣﬁ"], 0, 10],
        Gen.String, Gen.String[Gen.Char['\uD7F0', '\uE010'], 0, 6]);

    [Fact]
    public void Normalising_twice_changes_nothing() =>
        Word.Sample(word => Assert.Equal(SearchText.Normalise(word), SearchText.Normalise(SearchText.Normalise(word))), iter: 5000);

    [Fact]
    public void The_first_key_is_the_word_and_every_key_is_distinct_and_not_empty() =>
        Word.Sample(word =>
        {
            var normalised = SearchText.Normalise(word);
            var keys = SearchText.Keys(normalised);
            Assert.Equal(normalised, keys[0]);
            Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
            Assert.All(keys.Skip(1), key => Assert.NotEmpty(key));
            Assert.All(keys.Skip(1), key => Assert.True(key.Length < normalised.Length + 1, $"stem {key} of {normalised} is longer"));
        }, iter: 5000);

    [Fact]
    public void A_normalised_word_has_no_marks_no_tatweel_no_hamza_seats_and_no_eastern_digits() =>
        Word.Sample(word => Assert.DoesNotContain(SearchText.Normalise(word), c =>
            char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark
            || "ـأإآٱؤئىةیک٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹".Contains(c)), iter: 5000);
}
