using System.Text.Json;
using Harness.Parsing;
using Harness.Tests.Support;
using Harness.Tools;

namespace Harness.Core.Tests.Parsing;

public class OutputParserTests
{
    private readonly OutputParser _parser = new(DatasetFixture.Filters);

    private static double[] Vector(ParsedOutput parsed) => [.. ((VectorSetting)parsed.Setting!).Values];

    [TestCase("")]
    [TestCase("   \n ")]
    [TestCase("null")]
    [TestCase("NULL")]
    [TestCase("None")]
    [TestCase("{}")]
    [TestCase("{ }")]
    [TestCase("```json\nnone\n```")]
    [TestCase(null)]
    public void Empty_null_none_and_empty_object_mean_not_used_without_failure(string? raw)
    {
        var parsed = _parser.Parse(ToolName.Adjust, raw);
        Assert.That(parsed.Used, Is.False);
        Assert.That(parsed.Failure, Is.Null);
    }

    [TestCase("```json\n{\"contrast\": 10}\n```")]
    [TestCase("```\n{\"contrast\": 10}\n```")]
    [TestCase("  ```JSON\n{\"contrast\": 10}```  ")]
    [TestCase("```{\"contrast\": 10}```")]
    [TestCase("\n {\"contrast\": 10} \n")]
    public void A_surrounding_code_fence_and_white_space_are_stripped(string raw)
    {
        var parsed = _parser.Parse(ToolName.Adjust, raw);
        Assert.That(parsed.Failure, Is.Null, parsed.FailureDetail);
        Assert.That(Vector(parsed)[1], Is.EqualTo(10));
    }

    [Test]
    public void Missing_parameters_are_zero_and_values_land_in_canonical_order()
    {
        var parsed = _parser.Parse(ToolName.Adjust, "{\"linearOffset\":-5,\"exposure\":12.5}");
        Assert.That(Vector(parsed), Is.EqualTo(new double[] { 12.5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -5 }));
        Assert.That(parsed.ClampedCount, Is.Zero);
        Assert.That(parsed.UnknownKeyCount, Is.Zero);
    }

    [Test]
    public void Unknown_keys_are_ignored_and_counted_at_every_level()
    {
        var parsed = _parser.Parse(ToolName.SelectiveAdjust, "{\"red\":{\"saturation\":20,\"hue\":5},\"magenta\":{\"saturation\":1},\"blue\":{\"luminance\":-10}}");
        Assert.That(parsed.Failure, Is.Null);
        Assert.That(Vector(parsed), Is.EqualTo(new double[] { 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -10 }));
        Assert.That(parsed.UnknownKeyCount, Is.EqualTo(2));
    }

    [Test]
    public void Out_of_range_numbers_are_clamped_and_counted()
    {
        var adjust = _parser.Parse(ToolName.Adjust, "{\"contrast\":150,\"tint\":-300,\"hue\":100}");
        Assert.That(Vector(adjust)[1], Is.EqualTo(100));
        Assert.That(Vector(adjust)[8], Is.EqualTo(-100));
        Assert.That(adjust.ClampedCount, Is.EqualTo(2));
        var filter = _parser.Parse(ToolName.Filter, "{\"name\":\"mono_Classic\",\"intensity\":-4}");
        Assert.That(filter.Setting, Is.EqualTo(new FilterSetting("mono_Classic", 0)));
        Assert.That(filter.ClampedCount, Is.EqualTo(1));
    }

    [TestCase("{\"contrast\": 10")]
    [TestCase("contrast: 10")]
    [TestCase("Sure! Here is the setting.")]
    [TestCase("{'contrast': 10}")]
    public void Text_that_is_not_json_is_invalid_json(string raw)
    {
        var parsed = _parser.Parse(ToolName.Adjust, raw);
        Assert.That(parsed.Failure, Is.EqualTo(ParseFailureKind.InvalidJson));
        Assert.That(parsed.Used, Is.False);
        Assert.That(parsed.FailureDetail, Is.Not.Empty);
    }

    [TestCase(ToolName.Adjust, "[1,2,3]")]
    [TestCase(ToolName.Adjust, "42")]
    [TestCase(ToolName.Adjust, "\"{\\\"contrast\\\":10}\"")]
    [TestCase(ToolName.SelectiveAdjust, "{\"red\":20}")]
    [TestCase(ToolName.Filter, "{\"intensity\":40}")]
    public void Json_of_the_wrong_shape_is_wrong_shape(ToolName tool, string raw)
    {
        var parsed = _parser.Parse(tool, raw);
        Assert.That(parsed.Failure, Is.EqualTo(ParseFailureKind.WrongShape), parsed.FailureDetail);
        Assert.That(parsed.Used, Is.False);
    }

    [TestCase(ToolName.Adjust, "{\"contrast\":\"high\"}")]
    [TestCase(ToolName.Adjust, "{\"contrast\":\"10\"}")]
    [TestCase(ToolName.Adjust, "{\"contrast\":null}")]
    [TestCase(ToolName.SelectiveAdjust, "{\"red\":{\"saturation\":true}}")]
    [TestCase(ToolName.Filter, "{\"name\":7,\"intensity\":40}")]
    [TestCase(ToolName.Filter, "{\"name\":\"  \",\"intensity\":40}")]
    [TestCase(ToolName.Filter, "{\"name\":\"mono_Classic\",\"intensity\":\"40\"}")]
    public void A_value_that_is_not_a_number_or_a_name_that_is_not_a_string_is_bad_value(ToolName tool, string raw)
    {
        var parsed = _parser.Parse(tool, raw);
        Assert.That(parsed.Failure, Is.EqualTo(ParseFailureKind.BadValue), parsed.FailureDetail);
        Assert.That(parsed.Used, Is.False);
    }

    [Test]
    public void A_filter_name_outside_the_catalogue_still_counts_as_used()
    {
        var parsed = _parser.Parse(ToolName.Filter, "{\"name\":\" vivid_Pop \"}");
        Assert.That(parsed.Failure, Is.Null);
        Assert.That(parsed.Setting, Is.EqualTo(new FilterSetting("vivid_Pop", 0)));
        Assert.That(_parser.IsInCatalogue("vivid_Pop"), Is.False);
        Assert.That(_parser.IsInCatalogue(" mono_Classic"), Is.True);
    }

    [Test]
    public void Outputs_given_as_json_values_parse_like_text()
    {
        using var doc = JsonDocument.Parse("{\"o\":{\"contrast\":10},\"s\":\"{\\\"contrast\\\":10}\",\"n\":null,\"a\":[1]}");
        var root = doc.RootElement;
        Assert.That(Vector(_parser.ParseJson(ToolName.Adjust, root.GetProperty("o")))[1], Is.EqualTo(10));
        Assert.That(Vector(_parser.ParseJson(ToolName.Adjust, root.GetProperty("s")))[1], Is.EqualTo(10));
        Assert.That(_parser.ParseJson(ToolName.Adjust, root.GetProperty("n")), Is.EqualTo(new ParsedOutput(ToolName.Adjust, null)));
        Assert.That(_parser.ParseJson(ToolName.Adjust, root.GetProperty("a")).Failure, Is.EqualTo(ParseFailureKind.WrongShape));
    }

    [Test]
    public void Failure_kinds_have_snake_case_wire_names_that_round_trip()
    {
        Assert.That(ParseFailureKinds.All.Select(k => k.WireName()), Is.EqualTo(new[] { "invalid_json", "wrong_shape", "bad_value", "backend_error", "invalid_text" }));
        foreach (var kind in ParseFailureKinds.All)
        {
            Assert.That(ParseFailureKinds.TryParse(kind.WireName(), out var back), Is.True);
            Assert.That(back, Is.EqualTo(kind));
        }
    }
}
