using System.Collections.Immutable;
using System.Globalization;
using Harness.Backends;
using Harness.Benchmarking;
using Harness.Datasets;
using Harness.Plugins;
using Harness.Plugins.LlamaCpp;
using Harness.Plugins.Onnx;
using Harness.Runs;
using Harness.Running;

namespace Harness.Benchmarks;

/// <summary>
/// Each plugin, its bare engine and the peer a user would pick instead, on the same model files and
/// the same intents, side by side in one run: <see cref="PairedBenchmark"/>'s rounds in rotating order
/// and medians of per-round ratios, single-stream and offline. Prints one Markdown table of ratios
/// against the goals, the share of outputs equal to the plugin's, and examples where they differ.
/// </summary>
internal static class SideBySide
{
    public const int MaxNewTokens = 64;

    /// <param name="Rounds">Measured rounds (after one warm-up round).</param>
    /// <param name="Intents">Intents per round (three calls each).</param>
    /// <param name="Threads">CPU threads of every engine.</param>
    /// <param name="PeerFolder">tools/peer-bench with its node_modules, or null to leave the peers out.</param>
    /// <param name="T5Merged">The FlanT5 student's export in transformers.js' layout (bench.sh makes it).</param>
    /// <param name="Models">t5, llama or both.</param>
    public sealed record Settings(int Rounds, int Intents, int Threads, string? PeerFolder, string? T5Merged, string Models = "both");

    private sealed record Side(string Label, RecordingFactory Factory, ImmutableSortedDictionary<string, string> Options, int BatchSize);

    public static async Task RunAsync(Settings settings, CancellationToken cancellationToken)
    {
        var root = ModelFolders.RepoRoot;
        var t = settings.Threads.ToString(CultureInfo.InvariantCulture);
        var rows = DatasetLoader.Load(Path.Combine(root, "datasets", "tonal-color", "test.jsonl")).Rows;
        var t5 = Path.Combine(root, "models", "flan-t5-student", "onnx");
        var gguf = Path.Combine(root, "models", "llama-student", "llama-student.gguf");
        const int Sequences = 16, Context = 256;
        var maxNew = MaxNewTokens.ToString(CultureInfo.InvariantCulture);

        // FlanT5 student: calls of 16 requests offline (eval.yaml's batch_size), decoded as one batch.
        List<Side> t5Sides =
        [
            new("Onnx plugin", new(new OnnxBackendFactory()), Options(("model", t5), ("device", "cpu"), ("threads", t), ("max_new_tokens", maxNew)), 16),
            new("ORT Run loop", new(new SideFactory("BareOrt", _ => Task.FromResult<IBackend>(new BareOrtBackend(t5, settings.Threads, MaxNewTokens)))), Options(), 16),
        ];
        // Llama student: calls of 48 requests offline, 16 sequences per llama.cpp context (eval.yaml).
        List<Side> llamaSides =
        [
            new("LlamaCpp plugin", new(new LlamaCppBackendFactory()), Options(("model", gguf), ("device", "cpu"), ("threads", t), ("context_size", "256"),
                ("batch_size", "16"), ("max_new_tokens", maxNew), ("chat_template", "llama2")), 48),
            new("LLamaSharp decode loop", new(new SideFactory("BareLlama", _ => Task.FromResult<IBackend>(new BareLlamaBackend(gguf, settings.Threads, Sequences, Context, MaxNewTokens)))), Options(), 48),
        ];
        if (settings.PeerFolder is { } peers)
        {
            var merged = settings.T5Merged ?? throw new ArgumentException("the transformers.js peer needs the merged export (--t5-merged)");
            t5Sides.Add(new("transformers.js", new(new SideFactory("transformers.js", ct => Start(peers, "transformers.js", ["transformers", merged, t, maxNew], ct))), Options(), 16));
            // The plugin on the very files transformers.js reads (the merged decoder), to separate layout from engine.
            t5Sides.Add(new("Onnx plugin, merged files", new(new OnnxBackendFactory()), Options(("model", Path.Combine(merged, "onnx")), ("device", "cpu"), ("threads", t), ("max_new_tokens", maxNew)), 16));
            llamaSides.Add(new("node-llama-cpp", new(new SideFactory("node-llama-cpp", ct => Start(peers, "node-llama-cpp",
                ["llama", gguf, t, maxNew, Sequences.ToString(CultureInfo.InvariantCulture), Context.ToString(CultureInfo.InvariantCulture)], ct))), Options(), 48));
        }

        var table = new List<string>();
        foreach (var (model, sides) in new[] { ("FlanT5 student (ONNX)", t5Sides), ("Llama student (GGUF)", llamaSides) })
        {
            if (settings.Models != "both" && !model.StartsWith(settings.Models == "t5" ? "FlanT5" : "Llama", StringComparison.Ordinal)) continue;
            Console.Error.WriteLine($"{model}: {string.Join(", ", sides.Select(s => s.Label))}, {settings.Rounds} rounds of {settings.Intents} intents...");
            var results = await Measure(root, sides, rows, settings, cancellationToken);
            table.AddRange(Rows(model, sides, results));
            foreach (var side in sides.Skip(1)) Differences(sides[0], side);
            foreach (var side in sides)
            {
                if (side.Factory.Started is NodePeer peer)
                    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{side.Label}: {peer.Info.Model}; generating took {100 * peer.Milliseconds.Peer / peer.Milliseconds.Wall:0.0}% of its calls' wall time (the rest is the pipe and JSON)"));
            }
        }
        Print(settings, table);
    }

    private static async Task<IBackend> Start(string folder, string label, string[] args, CancellationToken cancellationToken) =>
        await NodePeer.StartAsync(folder, label, args, cancellationToken);

    private static ImmutableSortedDictionary<string, string> Options(params (string Key, string Value)[] options) =>
        options.ToImmutableSortedDictionary(o => o.Key, o => o.Value);

    private static async Task<ImmutableArray<BenchResult>> Measure(string root, List<Side> sides, IReadOnlyList<DatasetRow> rows, Settings settings, CancellationToken cancellationToken)
    {
        var entries = sides.Select((s, i) => new BackendConfig(s.Label, s.Factory.Name, s.Options, s.BatchSize, EvalConfig.DefaultPromptTemplate, null, i, Isolation: BackendIsolation.InProcess)).ToImmutableArray();
        var config = new EvalConfig(Path.Combine(root, "side-by-side"), "", "", Path.Combine(root, "datasets", "tonal-color", "test.jsonl"), null,
            ScenarioNames.All, 0, 120, 0, 0, EvalConfig.DefaultPromptTemplate, [], entries);
        var benchSides = sides.Select((s, i) => new BenchSide(entries[i], new LoadedBackend(s.Factory.Name, "", AppContext.BaseDirectory, s.Factory, fromFolder: false))).ToList();
        return await PairedBenchmark.RunAsync(config, benchSides, rows, settings.Rounds, settings.Intents, ScenarioNames.All, line => Console.Error.WriteLine(line), cancellationToken);
    }

    // The table rows of one model: each other side against the plugin (the first side), per scenario.
    // A bare engine's row is the plugin's time over the engine's (the plugin's overhead); a peer's or
    // another configuration's, the plugin's throughput over the other's (the other's time over the plugin's).
    private static IEnumerable<string> Rows(string model, List<Side> sides, ImmutableArray<BenchResult> results)
    {
        var plugin = sides[0].Label;
        foreach (var side in sides.Skip(1))
        {
            foreach (var scenario in ScenarioNames.All)
            {
                var mine = results.Single(r => r.Label == plugin && r.Scenario == scenario);
                var other = results.Single(r => r.Label == side.Label && r.Scenario == scenario);
                var bare = side.Factory.Name.StartsWith("Bare", StringComparison.Ordinal);
                var ratio = bare ? 1 / other.RatioToFirst : other.RatioToFirst;
                var what = bare ? $"{plugin} time / {side.Label} time" : $"{plugin} throughput / {side.Label} throughput";
                (string Text, bool Met)? goal = (bare, side.Label, scenario) switch
                {
                    (true, _, _) => ("≤ 1.03×", ratio <= 1.03),
                    (_, "transformers.js", ScenarioNames.Offline) => ("≥ 2×", ratio >= 2),
                    (_, "node-llama-cpp", ScenarioNames.SingleStream) => ("≥ 1×", ratio >= 1),
                    _ => null,
                };
                var verdict = goal is { } g ? $"{g.Text}: {(g.Met ? "met" : "**missed**")}" : "–";
                yield return string.Create(CultureInfo.InvariantCulture,
                    $"| {model} | {what} | {scenario} | {mine.MsPerIntent:0.00} | {other.MsPerIntent:0.00} | {ratio:0.00}× | {verdict} | {100 * other.IdenticalToFirst:0.0}% |");
            }
        }
    }

    // Up to three prompts where a side's answer is not the plugin's, to look into.
    private static void Differences(Side plugin, Side side)
    {
        var differing = side.Factory.Answers.Where(a => plugin.Factory.Answers.TryGetValue(a.Key, out var p) && p != a.Value).ToList();
        if (differing.Count == 0) return;
        Console.Error.WriteLine($"{side.Label}: {differing.Count} of {side.Factory.Answers.Count} answers differ from {plugin.Label}'s, e.g.:");
        foreach (var (prompt, answer) in differing.Take(3))
            Console.Error.WriteLine($"  {prompt.ReplaceLineEndings(" / ")}\n    {plugin.Label}: {plugin.Factory.Answers[prompt]}\n    {side.Label}: {answer}");
    }

    private static void Print(Settings settings, List<string> rows)
    {
        var environment = EnvironmentProbe.Capture(ModelFolders.RepoRoot);
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine();
        Console.WriteLine(
            $"Side by side in one run, {DateTime.UtcNow.ToString("yyyy-MM-dd", inv)}, {environment.Cpu} ({environment.CpuCores} cores), CPU only: {settings.Rounds} rounds of {settings.Intents} intents of datasets/tonal-color/test.jsonl "
            + $"(three calls each, greedy, at most {MaxNewTokens} new tokens), the sides in rotating order after one warm-up round; ms/intent are medians over the rounds, "
            + $"ratios medians of the per-round ratios. {settings.Threads} threads for every engine (ONNX Runtime: {settings.Threads} intra-op, 1 inter-op, no spinning; llama.cpp: {settings.Threads}). "
            + "Single-stream: one intent's three calls at a time; offline: calls of 16 (FlanT5) or 48 requests (Llama, 16 sequences per context). "
            + "Same output: the share of calls whose text equals the plugin's.");
        Console.WriteLine();
        Console.WriteLine("| model | ratio | scenario | plugin ms/intent | other ms/intent | ratio | goal | same output |");
        Console.WriteLine("|---|---|---|---:|---:|---:|---|---:|");
        foreach (var row in rows) Console.WriteLine(row);
    }
}
