using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Harness.Datasets;
using Harness.Metrics;
using Harness.Parsing;
using Harness.Tools;

namespace Harness.Plugins.MlNet.Tests;

/// <summary>What the trained student answers, scored with the harness's own parser and metrics.</summary>
public partial class StudentBehaviourTests
{
    [Test]
    public async Task It_beats_the_trivial_predictor_on_held_out_rows()
    {
        var student = (await SharedStudent.GetAsync()).Backend;
        var heldOut = DatasetLoader.Load(Path.Combine(SharedStudent.Folder, "heldout.jsonl"));
        var parser = new OutputParser(heldOut.Filters);
        var answers = await Student.AskAsync(student, [.. heldOut.Rows.Select(r => r.Intent)], batched: true);
        var predicted = Score(heldOut, (row, i) => [.. ToolSchema.All.Select(t => parser.Parse(t, answers[i][(int)t]))]);

        // The trivial predictor: each tool used when most train rows use it, with the train rows' mean setting.
        var train = DatasetLoader.Load(Path.Combine(SharedStudent.Folder, "train.jsonl"));
        var trivialSettings = ToolSchema.All.Select(t => Trivial(train, t)).ToArray();
        var trivial = Score(heldOut, (_, _) => [.. ToolSchema.All.Select(t => new ParsedOutput(t, trivialSettings[(int)t]))]);

        TestContext.Out.WriteLine($"held-out overall: student {predicted.Overall:F3}, trivial {trivial.Overall:F3}; " +
            string.Join("; ", ToolSchema.All.Select(t => $"{t.WireName()} {predicted[t].Final:F3} vs {trivial[t].Final:F3}")));
        Assert.Multiple(() =>
        {
            Assert.That(predicted.Overall, Is.GreaterThan(trivial.Overall + 0.1));
            foreach (var tool in ToolSchema.All)
                Assert.That(predicted[tool].Final, Is.GreaterThan(trivial[tool].Final), tool.WireName());
        });
    }

    [Test]
    public async Task Every_answer_parses_as_null_or_its_tool_with_whole_numbers_in_range()
    {
        var student = (await SharedStudent.GetAsync()).Backend;
        var heldOut = DatasetLoader.Load(Path.Combine(SharedStudent.Folder, "heldout.jsonl"));
        var parser = new OutputParser(heldOut.Filters);
        var answers = await Student.AskAsync(student, [.. heldOut.Rows.Take(100).Select(r => r.Intent)], batched: true);

        var parsed = answers.SelectMany(a => ToolSchema.All.Select(t => (Text: a[(int)t]!, Parsed: parser.Parse(t, a[(int)t])))).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(parsed.Where(p => p.Parsed.Failure is not null).Select(p => p.Text), Is.Empty, "parse failures");
            Assert.That(parsed.Where(p => p.Parsed.ClampedCount > 0 || p.Parsed.UnknownKeyCount > 0).Select(p => p.Text), Is.Empty, "clamped or unknown");
            Assert.That(parsed.Where(p => Fraction().IsMatch(p.Text)).Select(p => p.Text), Is.Empty, "numbers with a fraction");
            Assert.That(parsed.Where(p => !p.Parsed.Used).Select(p => p.Text).Distinct(), Is.EqualTo(new[] { "null" }));
            Assert.That(parsed.Where(p => p.Parsed.Setting is FilterSetting f && !parser.IsInCatalogue(f.Name)), Is.Empty, "filter names outside the catalogue");
            foreach (var tool in ToolSchema.All)
                Assert.That(parsed.Count(p => p.Parsed.Tool == tool && p.Parsed.Used), Is.GreaterThan(0), $"{tool.WireName()} never used");
        });
    }

    [Test]
    public async Task A_batch_gets_the_same_answers_as_one_call_at_a_time_and_batching_is_not_claimed()
    {
        var student = (await SharedStudent.GetAsync()).Backend;
        var intents = new[] { "golden hour", "moody blue night, slightly faded", "shot on portra", "golden hour", "make it pop" };

        var batched = await Student.AskAsync(student, intents, batched: true);
        var single = await Student.AskAsync(student, intents, batched: false);

        // Each intent is one prediction-engine call either way, so batches gain nothing.
        Assert.That(student.Info.SupportsBatching, Is.False);
        Assert.That(batched, Is.EqualTo(single));
    }

    private static SubsetMetrics Score(Dataset data, Func<DatasetRow, int, ImmutableArray<ParsedOutput>> outputs)
    {
        var predictions = data.Rows.Select((row, i) => new RowPrediction(row.Id, outputs(row, i).ToImmutableDictionary(o => o.Tool)))
            .ToDictionary(p => p.Id);
        return MetricsCalculator.Compute(data.Rows, predictions, new BootstrapOptions(1, 10))[0];
    }

    private static ToolSetting? Trivial(Dataset train, ToolName tool)
    {
        var used = train.Rows.Select(r => r.TeacherFor(tool)).Where(s => s is not null).ToList();
        if (used.Count * 2 <= train.Rows.Length) return null;
        if (tool == ToolName.Filter)
        {
            var filters = used.Cast<FilterSetting>().ToList();
            return new FilterSetting(filters.GroupBy(f => f.Name).MaxBy(g => g.Count())!.Key, Math.Round(filters.Average(f => f.Intensity)));
        }
        var vectors = used.Cast<VectorSetting>().ToList();
        return new VectorSetting(tool, [.. Enumerable.Range(0, vectors[0].Values.Length).Select(k => Math.Round(vectors.Average(v => v.Values[k])))]);
    }

    [GeneratedRegex(@"\d\.\d")]
    private static partial Regex Fraction();
}
