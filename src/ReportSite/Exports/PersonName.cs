using System.Text.RegularExpressions;

namespace ReportSite.Exports;

/// <summary>
/// A record's author as bibliographic exports need it: split into family and given name only when it is clearly a
/// Latin-script "Given Family" (two capitalised words, "Ann Example", "J. Smith"); anything else (Arabic names,
/// organisations, names with particles or more words) stays one literal name, since a wrong split misnames a person.
/// </summary>
public sealed partial record PersonName(string? Family, string? Given, string? Literal)
{
    public static PersonName Parse(string name)
    {
        var match = GivenFamily().Match(name);
        return match.Success && name.All(IsLatinOrPunctuation)
            ? new PersonName(match.Groups["family"].Value, match.Groups["given"].Value, null)
            : new PersonName(null, null, name);
    }

    // Latin letters: Basic Latin to Latin Extended-B, and Latin Extended Additional (Vietnamese and others).
    private static bool IsLatinOrPunctuation(char c) => c < '\u0250' || c is >= '\u1E00' and <= '\u1EFF' || c == '\u2019';

    [GeneratedRegex(@"^(?<given>\p{Lu}[\p{Ll}\p{Lu}'’-]*\.?) (?<family>\p{Lu}[\p{Ll}'’-]*\p{Ll})$")]
    private static partial Regex GivenFamily();
}
