using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using ReportSite.Exports;
using ReportSite.Sources;
using ReportSite.Tests.Support;
using Xunit.Abstractions;
using BuiltReport = ReportSite.BrowserTests.Support.BuiltReport;

namespace ReportSite.Tests.Exports;

/// <summary>
/// sources.csl.json on the sample and the English fixture: valid against the CSL-JSON schema, one item per record
/// with the record's id, and values that agree with sources.json (types, names, dates to their precision, containers).
/// </summary>
public sealed class CslJsonExportTests(ExportedSites sites, ITestOutputHelper log) : IClassFixture<ExportedSites>
{
    private static List<JsonElement> Items(BuiltReport report) =>
        [.. ExportedSites.Json(report, "sources.csl.json").EnumerateArray()];

    [Fact]
    public void Sources_csl_json_validates_against_the_csl_data_schema_read_in_place()
    {
        if (SharedConformance.Find("csl-data.json") is not { } schemaPath)
        {
            log.WriteLine("skipped: ../shared/conformance/csl-data.json is not beside this checkout");
            return;
        }
        var schema = JsonSchema.FromText(File.ReadAllText(schemaPath));
        var options = new EvaluationOptions { OutputFormat = OutputFormat.List };
        foreach (var report in sites.All)
        {
            var items = JsonNode.Parse(File.ReadAllText(ExportedSites.PathOf(report, "sources.csl.json")));
            var result = schema.Evaluate(items, options);
            Assert.True(result.IsValid, $"{report.Name}: sources.csl.json fails the schema:\n" + Errors(result));
        }
        // The validator does check: an unknown type and a date as text are refused.
        var broken = JsonNode.Parse("""[{"id": "a", "type": "newspaper", "issued": "2024"}]""");
        Assert.False(schema.Evaluate(broken, options).IsValid);
    }

    private static string Errors(EvaluationResults result) =>
        string.Join("\n", result.Details.Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}")));

    [Fact]
    public void Every_record_is_one_item_with_its_id_and_the_type_its_source_type_maps_to()
    {
        foreach (var report in sites.All)
        {
            var records = ExportedSites.Records(report);
            var items = Items(report);
            Assert.Equal(records.Keys.Order(StringComparer.Ordinal), items.Select(i => i.GetProperty("id").GetString()!).Order(StringComparer.Ordinal));
            foreach (var item in items)
            {
                var record = records[item.GetProperty("id").GetString()!];
                Assert.True(YamlEnum<SourceType>.TryParse(record.GetProperty("type").GetString()!, out var type));
                Assert.Equal(type.Csl(), item.GetProperty("type").GetString());
                Assert.Equal(record.GetProperty("title").GetString(), item.GetProperty("title").GetString());
            }
        }
    }

    [Fact]
    public void Dates_keep_their_precision_as_date_parts()
    {
        var items = Items(sites.Sample).ToDictionary(i => i.GetProperty("id").GetString()!);
        Assert.Equal("[[2024,3,29]]", Compact(items["article-ar"].GetProperty("issued").GetProperty("date-parts")));
        Assert.Equal("[[2014,11]]", Compact(items["doc-november-2014-orders"].GetProperty("issued").GetProperty("date-parts")));
        // Every dated record, in both reports, agrees with sources.json's ISO date.
        foreach (var report in sites.All)
        {
            var records = ExportedSites.Records(report);
            foreach (var item in Items(report))
            {
                var date = records[item.GetProperty("id").GetString()!].GetProperty("date");
                if (date.ValueKind == JsonValueKind.Null) Assert.False(item.TryGetProperty("issued", out _));
                else
                {
                    var parts = item.GetProperty("issued").GetProperty("date-parts")[0].EnumerateArray().Select(p => p.GetInt32().ToString("D2"));
                    Assert.Equal(date.GetString(), string.Join("-", parts));
                }
            }
        }
    }

    [Fact]
    public void Latin_given_family_names_are_split_and_others_stay_literal()
    {
        var english = Items(sites.English).ToDictionary(i => i.GetProperty("id").GetString()!);
        Assert.Equal("""[{"family":"Example","given":"Ann"}]""", Compact(english["harbour-gazette"].GetProperty("author")));
        Assert.Equal("""[{"family":"Rivera","given":"Sam"}]""", Compact(english["dock-worker-interview"].GetProperty("author")));
        Assert.False(english["port-authority-minutes"].TryGetProperty("author", out _));
        var sample = Items(sites.Sample).ToDictionary(i => i.GetProperty("id").GetString()!);
        Assert.Equal("""[{"literal":"أفضال أشرف"}]""", Compact(sample["afzal-ashraf-rusi"].GetProperty("author")));
    }

    [Theory]
    [InlineData("Ann Example", "Example", "Ann")]
    [InlineData("J. Smith", "Smith", "J.")]
    [InlineData("Zoë Müller", "Müller", "Zoë")]
    [InlineData("أفضال أشرف", null, null)]
    [InlineData("Human Rights Watch", null, null)] // three words: an organisation or a name with a particle
    [InlineData("Ludwig van Beethoven", null, null)]
    [InlineData("Sky", null, null)]
    [InlineData("SKY NEWS", null, null)]
    [InlineData("Иван Петров", null, null)] // not Latin: which part is the family name is the author's to say
    public void A_name_is_split_only_when_it_is_clearly_given_then_family(string name, string? family, string? given)
    {
        var parsed = PersonName.Parse(name);
        Assert.Equal((family, given, family is null ? name : null), (parsed.Family, parsed.Given, parsed.Literal));
    }

    [Fact]
    public void A_document_of_a_collection_has_the_collection_as_its_container_and_withheld_copies_are_not_linked()
    {
        foreach (var report in sites.All)
        {
            var records = ExportedSites.Records(report);
            foreach (var item in Items(report))
            {
                var record = records[item.GetProperty("id").GetString()!];
                var parent = record.GetProperty("part_of");
                if (parent.ValueKind == JsonValueKind.Null) Assert.False(item.TryGetProperty("container-title", out _));
                else Assert.Equal(records[parent.GetString()!].GetProperty("title").GetString(), item.GetProperty("container-title").GetString());
            }
        }
        // The sample's withheld testimonies: nothing in the export names a local copy.
        var text = File.ReadAllText(ExportedSites.PathOf(sites.Sample, "sources.csl.json"));
        Assert.DoesNotContain("documents/", text, StringComparison.Ordinal);
        var testimony = Items(sites.Sample).Single(i => i.GetProperty("id").GetString() == "defectors-testimony");
        Assert.Equal(["id", "type", "title", "abstract"], testimony.EnumerateObject().Select(p => p.Name));
    }

    private static string Compact(JsonElement element) => JsonSerializer.Serialize(element, new JsonSerializerOptions
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
