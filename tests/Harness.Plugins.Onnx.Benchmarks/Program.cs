using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Harness.Plugins.Onnx.Benchmarks;

// --paired [rounds]: take the three sides in turn, round by round (robust on a shared machine).
// Anything else goes to BenchmarkDotNet, in process: the plugin's internals and the native library as built.
if (args.Length > 0 && args[0] == "--paired")
{
    PairedRun.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 40);
    return;
}
var config = DefaultConfig.Instance
    .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(10))
    .WithOptions(ConfigOptions.DisableOptimizationsValidator);
BenchmarkSwitcher.FromAssembly(typeof(GenerationBenchmark).Assembly).Run(args, config);
