using Harness.Parsing;
using Harness.Runs;
using Harness.Tools;

namespace Harness.Core.Tests.Running;

public class CallRecordJsonTests
{
    private static readonly OutputParser Parser = new(DatasetFixture.Filters);

    [Test]
    public void A_call_record_is_one_line_with_the_canonical_setting()
    {
        var raw = "```json\n{\"name\":\"mono_Classic\",\"intensity\":140,\"x\":1}\n```";
        var record = new CallRecord("test-00001", ToolName.Filter, "score", raw, Parser.Parse(ToolName.Filter, raw), 12.5, 30, 9, null);
        Assert.That(CallRecordJson.Serialize(record), Is.EqualTo(
            "{\"id\":\"test-00001\",\"tool\":\"filter\",\"scenario\":\"score\",\"raw\":\"```json\\n{\\\"name\\\":\\\"mono_Classic\\\",\\\"intensity\\\":140,\\\"x\\\":1}\\n```\","
            + "\"parsed\":{\"used\":true,\"setting\":{\"name\":\"mono_Classic\",\"intensity\":100},\"failure\":null,\"detail\":null,\"clamped\":1,\"unknown_keys\":1},"
            + "\"latency_ms\":12.5,\"input_tokens\":30,\"output_tokens\":9,\"error\":null,\"warmup\":false}"));
    }

    [Test]
    public void A_not_used_probability_is_written_only_when_given_and_reads_back()
    {
        var with = new CallRecord("a", ToolName.Adjust, "offline", "null", Parser.Parse(ToolName.Adjust, "null"), 1, 3, 1, null, NotUsedProbability: 0.8125);
        var line = CallRecordJson.Serialize(with);

        Assert.That(line, Does.EndWith("\"warmup\":false,\"not_used_probability\":0.8125}"));
        Assert.That(CallRecordJson.Deserialize(line), Is.EqualTo(with));
        Assert.That(CallRecordJson.Serialize(with with { NotUsedProbability = null }), Does.Not.Contain("not_used_probability"), "older readers see the line they know");
        Assert.That(CallRecordJson.Deserialize(line.Replace(",\"not_used_probability\":0.8125", "")).NotUsedProbability, Is.Null);
    }

    [TestCase("1.5", "not_used_probability: 1.5 is not a probability (0 to 1)")]
    [TestCase("\"x\"", "not_used_probability: expected a number")]
    public void A_not_used_probability_that_is_not_one_is_an_error_naming_the_key(string value, string message)
    {
        var line = CallRecordJson.Serialize(new CallRecord("a", ToolName.Adjust, "offline", "null", Parser.Parse(ToolName.Adjust, "null"), 1, 3, 1, null, NotUsedProbability: 0.5))
            .Replace("\"not_used_probability\":0.5", $"\"not_used_probability\":{value}");

        var error = Assert.Throws<FormatException>(() => CallRecordJson.Deserialize(line));

        Assert.That(error!.Message, Does.StartWith(message));
    }

    [Test]
    public void Records_round_trip_through_a_file()
    {
        CallRecord[] records =
        [
            new("a", ToolName.Adjust, "single-stream", "{\"contrast\":10}", Parser.Parse(ToolName.Adjust, "{\"contrast\":10}"), 3.25, 10, 5, null, Warmup: true),
            new("a", ToolName.SelectiveAdjust, "single-stream", "{oops", Parser.Parse(ToolName.SelectiveAdjust, "{oops"), null, 10, 2, null),
            new("a", ToolName.Filter, "offline", null, new ParsedOutput(ToolName.Filter, null, ParseFailureKind.BackendError, "timeout"), 1000, 0, 0, "timeout after 1 s"),
        ];
        var path = Path.Combine(Path.GetTempPath(), $"calls-{Guid.NewGuid():N}.jsonl");
        try
        {
            CallRecordJson.WriteAll(path, records);
            Assert.That(CallRecordJson.ReadAll(path), Is.EqualTo(records));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void A_bad_line_is_reported_with_file_and_line()
    {
        var path = Path.Combine(Path.GetTempPath(), $"calls-{Guid.NewGuid():N}.jsonl");
        try
        {
            var good = CallRecordJson.Serialize(new CallRecord("a", ToolName.Adjust, "score", "none", Parser.Parse(ToolName.Adjust, "none"), null, 0, 0, null));
            File.WriteAllText(path, good + "\n" + good[..20] + "\n");
            Assert.That(() => CallRecordJson.ReadAll(path), Throws.TypeOf<InputException>().With.Message.StartsWith($"{path}:2: not valid JSON"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
