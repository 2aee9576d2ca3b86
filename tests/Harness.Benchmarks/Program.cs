using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Harness.Benchmarks;

// side-by-side [--rounds N] [--intents N] [--threads N] [--models t5|llama|both] [--peers <tools/peer-bench> --t5-merged <folder>]:
//   each plugin, its bare engine and (with --peers) the Node peers, in one run (tools/peer-bench/bench.sh).
// server-ceiling [--qps N] [--seconds S] [--batch N]: the server scenario's own ceiling, with a backend that answers at once.
// llama-throughput <model.gguf> [requests] [batch] [threads] [max_new]: the LlamaCpp plugin's tokens per second.
// Anything else goes to BenchmarkDotNet, in process: the Onnx plugin against the ORT Run loop per generated token.
switch (args.FirstOrDefault())
{
    case "side-by-side":
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        int Number(string name, int fallback) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var settings = new SideBySide.Settings(Number("--rounds", 10), Number("--intents", 20), Number("--threads", 2),
            Value("--peers") is { } peers ? Path.GetFullPath(peers) : null, Value("--t5-merged") is { } merged ? Path.GetFullPath(merged) : null,
            Value("--models") ?? "both");
        await SideBySide.RunAsync(settings, CancellationToken.None);
        return 0;
    case "server-ceiling":
        return await ServerCeiling.RunAsync(args[1..]);
    case "llama-throughput":
        return await LlamaThroughput.RunAsync(args[1..]);
    default:
        var config = DefaultConfig.Instance
            .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(10))
            .WithOptions(ConfigOptions.DisableOptimizationsValidator);
        BenchmarkSwitcher.FromAssembly(typeof(OnnxGenerationBenchmark).Assembly).Run(args, config);
        return 0;
}
