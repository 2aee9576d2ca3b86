using System.Diagnostics;
using System.Text.Json;
using Harness.Parsing;
using Harness.Runs;
using Harness.Tests.Support;
using Harness.Tools;

namespace Harness.Core.Tests.Parsing;

/// <summary>
/// Seeded fuzzing of <see cref="OutputParser"/>: whatever text a backend returns, no exception
/// escapes, every output gets a verdict (a setting, not used, or a named failure kind), the
/// setting it gets is one the app can apply, and the stored form of the call round-trips.
/// </summary>
public class OutputParserFuzzTests
{
    private const int Seed = 20_241_002;
    private const int Count = 100_000;
    private const int ShownProblems = 10;

    private readonly OutputParser _parser = new(DatasetFixture.Filters);

    [Test]
    public void A_hundred_thousand_generated_outputs_each_get_a_verdict_and_none_throws()
    {
        var problems = new List<string>();
        var verdicts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var cases = 0;
        var watch = Stopwatch.StartNew();
        foreach (var fuzz in new OutputFuzzer(Seed).Cases(Count))
        {
            // The slower checks (storing the call, the output as a JSON value) on every fourth round of the categories.
            var thorough = cases / OutputFuzzer.Categories % 4 == 0;
            cases++;
            var (verdict, problem) = Check(fuzz, thorough);
            verdicts[verdict] = verdicts.GetValueOrDefault(verdict) + 1;
            if (problem is not null && problems.Count < ShownProblems) problems.Add($"case {cases - 1} ({fuzz.Category}, {fuzz.Tool.WireName()}): {problem}\n  raw: {fuzz.Shown}");
        }
        TestContext.Out.WriteLine($"{cases} cases in {watch.Elapsed.TotalSeconds:0.0} s: {string.Join(", ", verdicts.Select(v => $"{v.Key} {v.Value}"))}");

        Assert.That(cases, Is.EqualTo(Count));
        Assert.That(problems, Is.Empty, string.Join("\n", problems));
        // The generator reaches every verdict, so the run exercises every path of the parser.
        Assert.That(verdicts.Keys, Is.SupersetOf(new[] { "used", "not used" }.Concat(ParseFailureKinds.All.Where(k => k != ParseFailureKind.BackendError).Select(k => k.WireName()))));
    }

    [Test]
    public void Every_truncation_of_a_valid_output_is_not_used_invalid_json_or_invalid_text()
    {
        var fuzzer = new OutputFuzzer(Seed + 1);
        var problems = new List<string>();
        var cases = 0;
        for (var n = 0; n < 60; n++)
        {
            var tool = ToolSchema.All[n % 3];
            var valid = fuzzer.Valid(tool);
            for (var length = 0; length < valid.Length; length++)
            {
                cases++;
                var prefix = valid[..length];
                // A prefix of a JSON object is never one; only a cut inside a surrogate pair leaves broken text.
                ParseFailureKind? expected = prefix.Trim().Length == 0 ? null
                    : char.IsHighSurrogate(prefix[^1]) ? ParseFailureKind.InvalidText
                    : ParseFailureKind.InvalidJson;
                var (verdict, problem) = Check(new FuzzCase("truncated", tool, prefix, expected, AnyVerdict: false), thorough: true);
                if (problem is not null && problems.Count < ShownProblems) problems.Add($"{valid} cut to {length}: {problem} ({verdict})");
            }
        }

        Assert.That(cases, Is.GreaterThan(5_000));
        Assert.That(problems, Is.Empty, string.Join("\n", problems));
    }

    [Test]
    public void The_same_seed_generates_the_same_outputs()
    {
        var first = new OutputFuzzer(Seed).Cases(500).Select(c => c.Raw).ToList();
        var second = new OutputFuzzer(Seed).Cases(500).Select(c => c.Raw).ToList();

        Assert.That(second, Is.EqualTo(first));
    }

    /// <summary>The verdict's name and, when something is wrong, what.</summary>
    private (string Verdict, string? Problem) Check(FuzzCase fuzz, bool thorough)
    {
        ParsedOutput parsed;
        try
        {
            parsed = _parser.Parse(fuzz.Tool, fuzz.Raw);
        }
        catch (Exception ex)
        {
            return ("exception", $"{ex.GetType().Name} escaped: {ex.Message}");
        }
        var verdict = parsed.Failure?.WireName() ?? (parsed.Used ? "used" : "not used");
        var problem = Problem(fuzz, parsed);
        if (thorough) problem ??= RoundTripProblem(fuzz, parsed) ?? JsonValueProblem(fuzz, parsed);
        return (verdict, problem);
    }

    private static string? Problem(FuzzCase fuzz, ParsedOutput parsed)
    {
        if (parsed.Tool != fuzz.Tool) return $"answered for {parsed.Tool}";
        if (parsed.ClampedCount < 0 || parsed.UnknownKeyCount < 0) return "negative counts";
        if (parsed.Failure is { } kind)
        {
            if (!ParseFailureKinds.All.Contains(kind) || kind == ParseFailureKind.BackendError) return $"kind {kind} for text";
            if (parsed.Setting is not null) return "a failure with a setting";
            if (string.IsNullOrWhiteSpace(parsed.FailureDetail)) return "a failure without a detail";
        }
        var settingProblem = parsed.Setting switch
        {
            null => null,
            VectorSetting v when v.Tool != fuzz.Tool || v.Values.Length != fuzz.Tool.VectorParameters().Length => "a vector of the wrong tool or length",
            VectorSetting v when v.Values.Any(x => !double.IsFinite(x) || x < -100 || x > 100) => "a vector value outside [-100, 100]",
            FilterSetting f when fuzz.Tool != ToolName.Filter => "a filter for a vector tool",
            FilterSetting f when f.Name.Length == 0 || f.Name != f.Name.Trim() => $"filter name '{f.Name}' empty or untrimmed",
            FilterSetting f when !double.IsFinite(f.Intensity) || f.Intensity < 0 || f.Intensity > 100 => "an intensity outside [0, 100]",
            _ => null,
        };
        if (settingProblem is not null) return settingProblem;
        if (!fuzz.AnyVerdict && parsed.Failure != fuzz.Expected)
            return $"expected {fuzz.Expected?.WireName() ?? "no failure"}, got {parsed.Failure?.WireName() ?? "no failure"} ({parsed.FailureDetail})";
        return null;
    }

    // predictions.jsonl keeps the text and the verdict exactly, whatever the text.
    private static string? RoundTripProblem(FuzzCase fuzz, ParsedOutput parsed)
    {
        var record = new CallRecord("test-00001", fuzz.Tool, "offline", fuzz.Raw, parsed, 1.5, 3, 4, null);
        try
        {
            var back = CallRecordJson.Deserialize(CallRecordJson.Serialize(record));
            return back == record ? null : "the stored record reads back different";
        }
        catch (Exception ex)
        {
            return $"storing the record: {ex.GetType().Name}: {ex.Message}";
        }
    }

    // A predictions file may give the output as a JSON object: it must get the verdict its text gets.
    private string? JsonValueProblem(FuzzCase fuzz, ParsedOutput parsed)
    {
        if (!parsed.Used && parsed.Failure is not (ParseFailureKind.BadValue or ParseFailureKind.WrongShape)) return null;
        using var document = JsonDocument.Parse(OutputParser.StripFence(fuzz.Raw.Trim()));
        if (document.RootElement.ValueKind != JsonValueKind.Object) return null;
        var fromJson = _parser.ParseJson(fuzz.Tool, document.RootElement);
        return fromJson == parsed ? null : $"as a JSON value it parses as {fromJson}, as text as {parsed}";
    }
}
