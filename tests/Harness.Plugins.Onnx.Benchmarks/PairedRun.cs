using System.Diagnostics;
using System.Globalization;

namespace Harness.Plugins.Onnx.Benchmarks;

/// <summary>
/// The same comparison as <see cref="GenerationBenchmark"/>, but alternating the two sides
/// round by round, so that a shared machine's changing load hits both alike; prints the
/// medians per generated token and the median of the per-round ratios.
/// </summary>
internal static class PairedRun
{
    public static void Run(int rounds)
    {
        Console.WriteLine($"model    | ORT Run loop (ms/token) | Onnx plugin (ms/token) | plugin / Run loop (median of {rounds} paired rounds)");
        foreach (var model in ModelFolders.Available())
        {
            var bench = new GenerationBenchmark { Model = model };
            bench.Setup();
            try
            {
                for (var i = 0; i < 3; i++)
                {
                    bench.BareLoop();
                    bench.Plugin().GetAwaiter().GetResult();
                }
                var bare = new List<double>();
                var plugin = new List<double>();
                for (var r = 0; r < rounds; r++)
                {
                    // Alternate which side goes first.
                    if (r % 2 == 0)
                    {
                        bare.Add(Time(() => bench.BareLoop()));
                        plugin.Add(Time(() => bench.Plugin().GetAwaiter().GetResult()));
                    }
                    else
                    {
                        plugin.Add(Time(() => bench.Plugin().GetAwaiter().GetResult()));
                        bare.Add(Time(() => bench.BareLoop()));
                    }
                }
                var ratio = Median(plugin.Zip(bare, (p, b) => p / b));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{model,-8} | {Median(bare),23:F3} | {Median(plugin),22:F3} | {ratio:F3}"));
            }
            finally
            {
                bench.Cleanup();
            }
        }
    }

    private static double Time(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed.TotalMilliseconds / GenerationBenchmark.Steps;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
