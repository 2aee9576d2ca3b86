using System.Text;
using Harness.Runs;
using Harness.Tests.Support;
using Harness.Tools;

namespace Harness.Cli.Tests.Commands;

/// <summary>
/// Seeded fuzzing of <c>harness score</c>: predictions files whose outputs come from the parser
/// fuzzer (raw text, JSON objects, invalid UTF-8 bytes), now and then with a broken line. Every
/// file is scored (exit 0) or refused as bad input (exit 2, only <c>error:</c> lines), never an
/// internal error; what is scored reads back with every score in [0, 1], and every raw output is
/// stored exactly.
/// </summary>
public class ScoreFuzzTests
{
    private const int Seed = 7_341;
    private const int Files = 40;

    private static readonly string[] Ids = [.. Enumerable.Range(1, 5).Select(i => $"test-{i:00000}")];

    private DatasetFixture _fixture = null!;

    [SetUp]
    public void SetUp()
    {
        _fixture = new DatasetFixture();
        _fixture.Write("test.jsonl", DatasetFixture.SmallSplit());
    }

    [TearDown]
    public void TearDown() => _fixture.Dispose();

    [Test]
    public void Fuzzed_predictions_files_are_scored_or_refused_as_bad_input_never_an_internal_error()
    {
        var random = new Random(Seed);
        var fuzzer = new OutputFuzzer(Seed);
        var problems = new List<string>();
        var scored = 0;
        for (var file = 0; file < Files; file++)
        {
            var (bytes, expectedRaw) = PredictionsFile(random, fuzzer, broken: file % 3 == 2);
            var path = _fixture.PathOf($"preds-{file}.jsonl");
            File.WriteAllBytes(path, bytes);
            var output = _fixture.PathOf($"out-{file}");

            var result = CliRunner.Run("score", "--dataset", _fixture.PathOf("test.jsonl"), "--predictions", path, "--out", output);

            var problem = result.ExitCode switch
            {
                0 => ScoredProblem(output, expectedRaw),
                2 => result.ErrorLines.All(l => l.StartsWith("error: ", StringComparison.Ordinal)) ? null : "exit 2 with lines that are not error: lines",
                _ => $"exit {result.ExitCode}",
            };
            if (result.ExitCode == 0) scored++;
            if (problem is not null) problems.Add($"file {file}: {problem}\n{result.Stderr}");
        }

        Assert.That(problems, Is.Empty, string.Join("\n", problems));
        Assert.That(scored, Is.InRange(Files / 2, Files - 1), "most files score, the broken ones do not");
    }

    /// <summary>The metrics read back, every score lies in [0, 1], and every call's raw text is the one the file holds.</summary>
    private static string? ScoredProblem(string output, Dictionary<(string, ToolName), string> expectedRaw)
    {
        var metrics = MetricsJson.Read(Path.Combine(output, RunLayout.MetricsFile));
        foreach (var subset in metrics.Subsets)
        {
            double?[] scores = [subset.Overall, subset.OverallCi95?.Lower, subset.OverallCi95?.Upper,
                .. subset.Tools.SelectMany(t => new double?[] { t.Final, t.FinalCi95?.Lower, t.FinalCi95?.Upper })];
            if (scores.Any(s => s is < 0 or > 1)) return $"{subset.Name}: a score outside [0, 1]";
        }
        var calls = CallRecordJson.ReadAll(Path.Combine(output, RunLayout.PredictionsFile));
        foreach (var call in calls)
        {
            if (expectedRaw.TryGetValue((call.IntentId, call.Tool), out var raw) && call.Raw != raw)
                return $"{call.IntentId}/{call.Tool.WireName()}: stored raw differs from the file's";
        }
        return null;
    }

    /// <summary>A predictions file as bytes, and the raw text each string output must be stored as.</summary>
    private static (byte[] Bytes, Dictionary<(string, ToolName), string> ExpectedRaw) PredictionsFile(Random random, OutputFuzzer fuzzer, bool broken)
    {
        var lines = new List<byte[]>();
        var expected = new Dictionary<(string, ToolName), string>();
        foreach (var id in Ids.OrderBy(_ => random.Next()))
        {
            if (random.Next(8) == 0) continue;
            var line = new List<byte>(Encoding.ASCII.GetBytes($"{{\"id\":\"{id}\",\"outputs\":{{"));
            var first = true;
            foreach (var tool in ToolSchema.All)
            {
                var value = Output(random, fuzzer, tool, out var raw);
                if (value is null) continue;
                if (!first) line.Add((byte)',');
                first = false;
                line.AddRange(Encoding.ASCII.GetBytes($"\"{tool.WireName()}\":"));
                line.AddRange(value);
                if (raw is not null) expected[(id, tool)] = raw;
            }
            line.AddRange("}}"u8.ToArray());
            lines.Add([.. line]);
        }
        if (broken) lines.Insert(random.Next(lines.Count + 1), BrokenLine(random));
        var bytes = new List<byte>();
        foreach (var line in lines) bytes.AddRange([.. line, (byte)'\n']);
        return ([.. bytes], expected);
    }

    /// <summary>One output's JSON value as bytes, or null to leave the tool out; <paramref name="raw"/> is the text a string value decodes to.</summary>
    private static byte[]? Output(Random random, OutputFuzzer fuzzer, ToolName tool, out string? raw)
    {
        raw = null;
        switch (random.Next(6))
        {
            case 0:
                return null;
            case 1:
                return "null"u8.ToArray();
            case 2:
                // A JSON object, as a backend's structured output would be; one line.
                return Encoding.UTF8.GetBytes(fuzzer.Valid(tool).ReplaceLineEndings(" "));
            case 3:
                // Raw UTF-8 in the file with a malformed sequence inside the string: read with U+FFFD.
                var bad = new[] { new byte[] { 0xFF }, [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xE2, 0x82] }[random.Next(4)];
                byte[] content = [.. "{name:"u8, .. bad, .. "}"u8];
                raw = Encoding.UTF8.GetString(content);
                return [(byte)'"', .. content, (byte)'"'];
            default:
                var text = fuzzer.Any(tool).Raw;
                raw = text;
                return Encoding.ASCII.GetBytes(JsonString(text));
        }
    }

    private static byte[] BrokenLine(Random random)
    {
        var junk = new byte[random.Next(1, 40)];
        random.NextBytes(junk);
        return random.Next(8) switch
        {
            0 => [.. junk.Where(b => b != (byte)'\n')],
            1 => "{\"id\":\"test-00001\",\"outputs\":{\"adjust\":"u8.ToArray(),
            2 => "{\"id\":\"test-00002\",\"\\ud800\":1,\"outputs\":{}}"u8.ToArray(),
            3 => "{\"id\":\"test-00003\",\"outputs\":{\"crop\":null}}"u8.ToArray(),
            4 => "{\"id\":\"test-\\udc00\",\"outputs\":{}}"u8.ToArray(),
            5 => Encoding.ASCII.GetBytes("{\"id\":\"test-00004\",\"outputs\":" + new string('[', 100) + new string(']', 100) + "}"),
            6 => "[1,2,3]"u8.ToArray(),
            _ => "{\"id\":7,\"outputs\":{}}"u8.ToArray(),
        };
    }

    // Every character outside printable ASCII as \uXXXX: exact for any UTF-16 text, lone surrogates included.
    private static string JsonString(string text)
    {
        var json = new StringBuilder("\"");
        foreach (var c in text)
        {
            json.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                >= ' ' and <= '~' => c.ToString(),
                _ => $"\\u{(int)c:x4}",
            });
        }
        return json.Append('"').ToString();
    }
}
