using System.Collections.Immutable;
using System.Globalization;
using Harness.Backends;
using Harness.Plugins;
using Harness.Running;
using Harness.Runs;

namespace Harness.Benchmarks;

/// <summary>
/// <c>server-ceiling [--qps N] [--seconds S] [--batch N]</c>: the server scenario's own ceiling (issue 18).
/// A backend that answers at once takes the load, so every millisecond of an intent's latency is the
/// harness's: the load generator's lateness, the queue, the call and its record. Prints the rate
/// sustained and the latency added, from the run's own metrics.json values.
/// </summary>
internal static class ServerCeiling
{
    // Warm-up intents before the clock starts, as in every run: the first calls also compile the call path.
    private const int Warmup = 200;

    public static async Task<int> RunAsync(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        double Number(string name, double fallback) => Value(name) is { } v ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var qps = Number("--qps", 10_000);
        var seconds = Number("--seconds", 10);
        var batch = (int)Number("--batch", 1);

        var root = ModelFolders.RepoRoot;
        var folder = Path.Combine(Path.GetTempPath(), "harness-server-ceiling", Guid.NewGuid().ToString("N"));
        var entry = new BackendConfig("instant", Instant.FactoryName, ImmutableSortedDictionary<string, string>.Empty, batch, EvalConfig.DefaultPromptTemplate, null, 0,
            Isolation: BackendIsolation.InProcess);
        var config = new EvalConfig(Path.Combine(root, "server-ceiling"), "", "", Path.Combine(root, "datasets", "tonal-color", "test.jsonl"), null,
            [ScenarioNames.Server], Warmup, 60, 0, 0, EvalConfig.DefaultPromptTemplate, [], [entry],
            Server: new ServerConfig(qps, 1, 99, seconds, null, 1, 0.2));
        try
        {
            var (allocated, collections) = (GC.GetTotalAllocatedBytes(precise: true), GC.CollectionCount(0));
            var report = await EvaluationRunner.RunAsync(config, new RunOptions(BackendCatalog.Of(new Instant(batch > 1)), folder, "ceiling"), NullProgressSink.Instance, CancellationToken.None);
            allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
            collections = GC.CollectionCount(0) - collections;
            var metrics = report.Results.Single().Metrics;
            var (s, l) = (metrics.Server!, metrics.Latency!.PerIntent);
            var inv = CultureInfo.InvariantCulture;
            Console.WriteLine(string.Create(inv, $"| instant backend, batch_size {batch} | {s.TargetQps:0} | {s.AchievedQps:0} | {s.Intents} | {s.IssueLagP99Ms:0.000} | {l.P50:0.000} | {l.P99:0.000} | {s.P999Ms:0.000} | {l.Max:0.0} |"));
            Console.WriteLine("(columns: load, target intents/s, achieved intents/s, intents, load generator lateness p99 ms, intent latency p50, p99, p99.9, max ms)");
            Console.WriteLine(string.Create(inv, $"allocated {allocated / 1e6:0.0} MB over the whole run (setup, warm-up and reports included), {allocated / (double)s.Intents:0} bytes per timed intent; {collections} gen-0 collections"));
            return 0;
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    // Answers every call at once with "null" (tool not used): nothing of the latency is the backend's.
    private sealed class Instant(bool batches) : IBackendFactory, IBackend
    {
        public const string FactoryName = "Instant";

        private static readonly Task<IReadOnlyList<ToolResponse>>[] Ready =
            [.. Enumerable.Range(0, 1025).Select(n => Task.FromResult<IReadOnlyList<ToolResponse>>([.. Enumerable.Repeat(new ToolResponse("null", 0, 1), n)]))];

        public string Name => FactoryName;

        public string Description => "answers at once (the server scenario's ceiling)";

        public IReadOnlyList<BackendOptionInfo> Options => [];

        public BackendInfo Info => new(FactoryName, "none", null, "cpu", batches);

        public Task<IBackend> CreateAsync(BackendOptions options, BackendContext context, CancellationToken cancellationToken) => Task.FromResult<IBackend>(this);

        public Task<IReadOnlyList<ToolResponse>> GenerateAsync(IReadOnlyList<ToolRequest> requests, CancellationToken cancellationToken) => Ready[requests.Count];

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
