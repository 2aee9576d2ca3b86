using System.Text.Json;
using Harness.Parsing;
using Harness.Runs;
using Harness.Tests.Support;
using Harness.Tools;

namespace Harness.Core.Tests.Parsing;

/// <summary>Outputs that are not well-formed Unicode: lone UTF-16 surrogates, raw in the text or escaped in JSON.</summary>
public class InvalidTextTests
{
    private readonly OutputParser _parser = new(DatasetFixture.Filters);

    [TestCase(ToolName.Filter, "{\"name\":\"\\ud800\",\"intensity\":40}")]
    [TestCase(ToolName.Filter, "{\"name\":\"faded_HighNoon\",\"\\udc00\":1}")]
    [TestCase(ToolName.Filter, "{\"name\":\"faded_HighNoon\",\"note\":\"\\ud83d\\u0041\"}")]
    [TestCase(ToolName.Adjust, "{\"\\ud800\":10}")]
    [TestCase(ToolName.Adjust, "{\"contrast\":10,\"note\":[\"\\udfff\"]}")]
    [TestCase(ToolName.SelectiveAdjust, "{\"red\":{\"\\ud800\":1}}")]
    [TestCase(ToolName.Adjust, "\"\\ud800\"")]
    public void An_escaped_lone_surrogate_anywhere_in_the_json_is_invalid_text(ToolName tool, string raw)
    {
        var parsed = _parser.Parse(tool, raw);

        Assert.That(parsed.Failure, Is.EqualTo(ParseFailureKind.InvalidText), parsed.FailureDetail);
        Assert.That(parsed.Used, Is.False);
    }

    // Attribute arguments are stored as UTF-8, which cannot hold a lone surrogate, and a test name that
    // holds one is dropped by the test host without a word: these cases live in code, with plain names.
    private static readonly TestCaseData[] RawLoneSurrogates =
    [
        new TestCaseData(ToolName.Filter, "{\"name\":\"\ud800\",\"intensity\":40}").SetArgDisplayNames("filter", "U+D800 in the name"),
        new TestCaseData(ToolName.Adjust, "{\"contrast\":10}\udc00").SetArgDisplayNames("adjust", "U+DC00 after the object"),
        new TestCaseData(ToolName.Adjust, "\ud83d").SetArgDisplayNames("adjust", "U+D83D alone"),
        new TestCaseData(ToolName.SelectiveAdjust, "```json\n{\"red\":{\"saturation\":5}}\n```\ud800").SetArgDisplayNames("selective_adjust", "U+D800 after the fence"),
    ];

    [TestCaseSource(nameof(RawLoneSurrogates))]
    public void A_raw_lone_surrogate_in_the_text_is_invalid_text(ToolName tool, string raw)
    {
        var parsed = _parser.Parse(tool, raw);

        Assert.That(parsed.Failure, Is.EqualTo(ParseFailureKind.InvalidText), parsed.FailureDetail);
        Assert.That(parsed.FailureDetail, Does.StartWith("a lone UTF-16 surrogate U+"));
    }

    [TestCase("{\"name\":\"faded_HighNoon\",\"note\":\"\\ud83d\\ude00\"}")]
    [TestCase("{\"name\":\"faded_HighNoon\",\"note\":\"😀\"}")]
    public void A_surrogate_pair_raw_or_escaped_is_well_formed_text(string raw)
    {
        var parsed = _parser.Parse(ToolName.Filter, raw);

        Assert.That(parsed.Failure, Is.Null, parsed.FailureDetail);
        Assert.That(parsed.Used, Is.True);
    }

    [TestCase("\"\\ud800\"")]
    [TestCase("{\"\\ud800\":10}")]
    [TestCase("{\"contrast\":\"\\udc00\"}")]
    public void Json_values_of_a_predictions_file_with_an_escaped_lone_surrogate_are_invalid_text(string json)
    {
        using var document = JsonDocument.Parse(json);

        var parsed = _parser.ParseJson(ToolName.Adjust, document.RootElement);

        Assert.That(parsed.Failure, Is.EqualTo(ParseFailureKind.InvalidText), parsed.FailureDetail);
    }

    [Test]
    public void Invalid_text_has_its_wire_name()
    {
        Assert.That(ParseFailureKind.InvalidText.WireName(), Is.EqualTo("invalid_text"));
    }

    [Test]
    public void A_number_too_large_for_a_double_is_a_bad_value_not_a_clamp()
    {
        var parsed = _parser.Parse(ToolName.Adjust, "{\"contrast\":1e400}");

        Assert.That(parsed.Failure, Is.EqualTo(ParseFailureKind.BadValue));
        Assert.That(parsed.FailureDetail, Is.EqualTo("contrast: 1e400 is not a finite number"));
    }

    private static readonly TestCaseData[] Texts =
    [
        new TestCaseData("a\ud800b").SetArgDisplayNames("U+D800 inside"),
        new TestCaseData("\udc00").SetArgDisplayNames("U+DC00 alone"),
        new TestCaseData("{\"name\":\"x\ud83d\"}\ud83d\ude00\udfff").SetArgDisplayNames("lone high, pair, lone low"),
        new TestCaseData("tab\t quote\" backslash\\ newline\n \\ud800 é 😀 \u0001").SetArgDisplayNames("escapes and well-formed text"),
    ];

    [TestCaseSource(nameof(Texts))]
    public void A_raw_output_and_error_round_trip_exactly_through_predictions_jsonl(string text)
    {
        var record = new CallRecord("test-00001", ToolName.Filter, "offline", text, _parser.Parse(ToolName.Filter, text), 1, 2, 3, "backend said " + text);

        var line = CallRecordJson.Serialize(record);
        var back = CallRecordJson.Deserialize(line);

        Assert.That(back.Raw, Is.EqualTo(text));
        Assert.That(back.Error, Is.EqualTo("backend said " + text));
        Assert.That(back, Is.EqualTo(record));
    }

    [Test]
    public void A_lone_surrogate_is_stored_as_its_json_escape()
    {
        var record = new CallRecord("test-00001", ToolName.Adjust, "offline", "{\ud800}", _parser.Parse(ToolName.Adjust, "{\ud800}"), 1, 2, 3, null);

        Assert.That(CallRecordJson.Serialize(record), Does.Contain("\"raw\":\"{\\ud800}\"").And.Contain("\"failure\":\"invalid_text\""));
    }
}
