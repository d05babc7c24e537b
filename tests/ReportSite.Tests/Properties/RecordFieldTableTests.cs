using ReportSite.Sources;

namespace ReportSite.Tests.Properties;

/// <summary>The field table and the enum spellings: what code matching on spellings relies on.</summary>
public class RecordFieldTableTests
{
    [Fact]
    public void Verification_constants_are_the_enum_spellings() =>
        Assert.Equal(
            [VerificationStatus.Verified, VerificationStatus.PartiallyVerified, VerificationStatus.Unverified, VerificationStatus.Disputed, VerificationStatus.Retracted],
            YamlEnum<SourceStatus>.Spellings);

    [Theory]
    [InlineData("2016", DatePrecision.Year)]
    [InlineData("2016-03", DatePrecision.Month)]
    [InlineData("2016-03-09", DatePrecision.Day)]
    public void A_partial_date_keeps_its_text_and_precision(string text, DatePrecision precision)
    {
        var date = PartialDate.Parse(text);
        Assert.NotNull(date);
        Assert.Equal(text, date.Iso);
        Assert.Equal(precision, date.Precision);
    }

    [Theory]
    [InlineData("2024-02-30")]
    [InlineData("16-03")]
    [InlineData("2016-3")]
    public void Not_a_date_is_refused(string text) => Assert.Null(PartialDate.Parse(text));

    [Fact]
    public void Known_keys_are_the_table_keys_and_aliases() =>
        Assert.Equal(RecordFieldTable.Fields.Count + RecordFieldTable.Fields.Count(f => f.Alias is not null), RecordFields.Known.Distinct().Count());
}
