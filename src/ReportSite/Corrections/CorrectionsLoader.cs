using System.Globalization;
using ReportSite.Diagnostics;
using ReportSite.Text;
using YamlDotNet.RepresentationModel;

namespace ReportSite.Corrections;

/// <summary>
/// Reads <c>input/corrections.yml</c>: a list of corrections, each <c>date</c> (YYYY-MM-DD), <c>claim</c> (a claim id)
/// or <c>section</c> (a slug), and <c>text</c>. Checks what one entry can say about itself; whether its claim or
/// section exists is checked against the report (<see cref="CorrectionTargets"/>).
/// </summary>
public static class CorrectionsLoader
{
    public static readonly IReadOnlyList<string> Known = ["date", "claim", "section", "text"];

    public static IReadOnlyList<Correction> Load(string text, string displayPath, DiagnosticBag diagnostics)
    {
        var root = Yaml.Parse(text, displayPath, diagnostics);
        switch (root)
        {
            case null:
            case YamlScalarNode when root.ScalarText() is null: // an empty file: no corrections yet
                return [];
            case YamlSequenceNode sequence:
                var corrections = new List<Correction>();
                var number = 0;
                foreach (var item in sequence)
                {
                    number++;
                    if (item is YamlMappingNode mapping)
                    {
                        if (Read(mapping, number, displayPath, diagnostics) is { } correction) corrections.Add(correction);
                    }
                    else diagnostics.Error(item.At(displayPath), DiagnosticCodes.CorrectionsNotAList,
                        "each correction must be a mapping (date, claim or section, text)");
                }
                return corrections;
            default:
                diagnostics.Error(root.At(displayPath), DiagnosticCodes.CorrectionsNotAList,
                    "corrections.yml must be a list of corrections (- date: …, claim: … or section: …, text: …)");
                return [];
        }
    }

    private static Correction? Read(YamlMappingNode mapping, int number, string file, DiagnosticBag diagnostics)
    {
        var fields = new YamlFields(mapping, Known, "a correction", file, diagnostics);
        var valid = true;

        var date = fields.Text("date");
        if (!fields.IsMisshapen("date") && !IsFullDate(date))
        {
            diagnostics.Error(fields.At("date"), DiagnosticCodes.CorrectionDateInvalid, date is null
                ? "a correction needs 'date': the day it was made (YYYY-MM-DD)"
                : $"a correction's 'date' must be a full ISO 8601 date that exists (YYYY-MM-DD), not '{date}'");
            valid = false;
        }
        valid &= date is not null && IsFullDate(date);

        var claim = fields.Text("claim");
        var section = fields.Text("section");
        if (fields.IsMisshapen("claim") || fields.IsMisshapen("section")) valid = false; // reported (RS0216)
        else if ((claim is null) == (section is null))
        {
            diagnostics.Error(claim is null ? fields.Start : fields.At("section"), DiagnosticCodes.CorrectionTargetInvalid, claim is null
                ? "a correction needs 'claim' (a claim id) or 'section' (a section's slug): what it corrects"
                : "a correction names both 'claim' and 'section': give one (a claim's correction is shown in its section already)");
            valid = false;
        }

        var text = fields.Text("text");
        if (text is null && !fields.IsMisshapen("text"))
        {
            diagnostics.Error(fields.At("text"), DiagnosticCodes.CorrectionTextMissing, "a correction needs 'text': what was wrong and what is right");
            valid = false;
        }
        if (!valid || text is null) return null;

        return claim is not null
            ? new Correction(date!, CorrectionTarget.Claim, claim, text, number, fields.Start, fields.At("claim"))
            : new Correction(date!, CorrectionTarget.Section, section!, text, number, fields.Start, fields.At("section"));
    }

    /// <summary>A calendar date written YYYY-MM-DD (a correction is made on a day, not in a month).</summary>
    public static bool IsFullDate(string? value) =>
        value is { Length: 10 } && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
}
