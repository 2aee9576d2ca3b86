using Harness.Metrics;
using Harness.Parsing;
using Harness.Tools;

namespace Harness.Core.Tests.Metrics;

public class ParseSummaryBuilderTests
{
    [Test]
    public void Failures_are_counted_by_kind_and_tool_with_every_key_present()
    {
        var parser = new OutputParser(["mono_Classic"]);
        var summary = ParseSummaryBuilder.From(
        [
            parser.Parse(ToolName.Adjust, "{\"contrast\":500,\"glow\":1}"),
            parser.Parse(ToolName.Adjust, "{oops"),
            parser.Parse(ToolName.Filter, "[]"),
            parser.Parse(ToolName.Filter, "none"),
            new ParsedOutput(ToolName.SelectiveAdjust, null, ParseFailureKind.BackendError, "timeout"),
        ]);
        Assert.That(summary.Calls, Is.EqualTo(5));
        Assert.That(summary.Failures, Is.EqualTo(3));
        Assert.That(summary.Rate, Is.EqualTo(0.6));
        Assert.That(summary.ByKind, Is.EqualTo(new Dictionary<string, int> { ["backend_error"] = 1, ["bad_value"] = 0, ["invalid_json"] = 1, ["invalid_text"] = 0, ["wrong_shape"] = 1 }));
        Assert.That(summary.ByTool, Is.EqualTo(new Dictionary<string, int> { ["adjust"] = 1, ["filter"] = 1, ["selective_adjust"] = 1 }));
        Assert.That(summary.ClampedValues, Is.EqualTo(1));
        Assert.That(summary.UnknownKeys, Is.EqualTo(1));
    }

    [Test]
    public void No_calls_give_a_zero_rate()
    {
        var summary = ParseSummaryBuilder.From([]);
        Assert.That(summary.Calls, Is.Zero);
        Assert.That(summary.Rate, Is.Zero);
    }
}
