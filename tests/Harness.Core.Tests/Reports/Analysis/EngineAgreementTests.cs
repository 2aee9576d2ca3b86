using Harness.Parsing;
using Harness.Reports.Analysis;
using Harness.Runs;
using Harness.Tests.Support;
using Harness.Tools;

namespace Harness.Core.Tests.Reports.Analysis;

public class EngineAgreementTests
{
    private static readonly OutputParser Parser = new(DatasetFixture.Filters);

    // Two engines, two intents, three tools: four calls word for word the same, one differing
    // only in white space and key order (same settings), one with other settings.
    private static readonly (string Id, ToolName Tool, string A, string B)[] Outputs =
    [
        ("i1", ToolName.Adjust, "{\"contrast\":10,\"exposure\":5}", "{\"contrast\":10,\"exposure\":5}"),
        ("i1", ToolName.SelectiveAdjust, "null", "null"),
        ("i1", ToolName.Filter, "{\"name\":\"mono_Classic\",\"intensity\":40}", "{\"name\":\"mono_Classic\",\"intensity\":40}"),
        ("i2", ToolName.Adjust, "{\"contrast\":10,\"exposure\":5}", " {\"exposure\": 5, \"contrast\": 10}\n"),
        ("i2", ToolName.SelectiveAdjust, "{}", "{}"),
        ("i2", ToolName.Filter, "{\"name\":\"mono_Classic\",\"intensity\":40}", "{\"name\":\"mono_Classic\",\"intensity\":55}"),
    ];

    private static BackendRunResult Engine(string label, Func<(string Id, ToolName Tool, string A, string B), string> raw, double adjustFinal)
    {
        var metrics = MetricsSamples.Metrics(measured: true);
        var all = metrics.Subset("all");
        var changed = all with { Tools = [.. all.Tools.Select(t => t.Tool == ToolName.Adjust ? t with { Final = adjustFinal } : t)] };
        var calls = Outputs.Select(o => new CallRecord(o.Id, o.Tool, "offline", raw(o), Parser.Parse(o.Tool, raw(o)), 1, 5, 5, null));
        return new BackendRunResult(label, metrics with { Subsets = [changed, .. metrics.Subsets.Skip(1)] }, [.. calls]);
    }

    [Test]
    public void Identical_raw_text_and_identical_settings_are_counted_separately()
    {
        var agreement = EngineAgreement.Compare("student", Engine("onnx", o => o.A, 0.80), Engine("hf", o => o.B, 0.77));

        Assert.That((agreement.Calls, agreement.SameRaw, agreement.SameParsed), Is.EqualTo((6, 4, 5)));
        Assert.That(agreement.SameRawShare, Is.EqualTo(4 / 6.0));
        Assert.That(agreement.LargestMetric, Is.EqualTo("adjust.final"));
        Assert.That(agreement.LargestDifference, Is.EqualTo(0.03).Within(1e-12));
    }

    [Test]
    public void Only_calls_both_engines_made_are_compared()
    {
        var a = Engine("onnx", o => o.A, 0.8);
        var b = Engine("hf", o => o.A, 0.8);
        b = b with { Calls = [.. b.Calls.Where(c => c.IntentId == "i1")] };

        var agreement = EngineAgreement.Compare("student", a, b);

        Assert.That((agreement.Calls, agreement.SameRaw, agreement.SameParsed, agreement.LargestDifference), Is.EqualTo((3, 3, 3, 0.0)));
    }

    [Test]
    public void Backends_sharing_a_model_id_are_compared_with_the_first_within_each_scenario_and_identical_scenarios_are_one_row()
    {
        static BackendRunResult Declared(BackendRunResult r, string scenario, string? modelId) =>
            r with { Metrics = r.Metrics with { Run = r.Metrics.Run with { Scenario = scenario, ModelId = modelId } } };
        var results = new[]
        {
            Declared(Engine("onnx", o => o.A, 0.8), "single-stream", "student"),
            Declared(Engine("onnx", o => o.A, 0.8), "offline", "student"),
            Declared(Engine("hf", o => o.B, 0.77), "single-stream", "student"),
            Declared(Engine("hf", o => o.B, 0.77), "offline", "student"),
            Declared(Engine("gguf", o => o.A, 0.8), "offline", "student"),
            Declared(Engine("other", o => o.A, 0.8), "offline", "another-model"),
            Declared(Engine("plain", o => o.A, 0.8), "offline", null),
        };

        var rows = EngineAgreements.Of(results);

        Assert.That(rows.Select(r => (r.Reference, r.Label, r.Scenarios, r.SameRaw)),
            Is.EqualTo(new[] { ("onnx", "hf", "single-stream, offline", 4), ("onnx", "gguf", "offline", 6) }));
    }
}
