using System.Diagnostics;
using System.Globalization;

namespace Harness.Plugins.Onnx.Benchmarks;

/// <summary>
/// The same comparison as <see cref="GenerationBenchmark"/>, but taking the sides in turn,
/// round by round and in a rotating order, so that a shared machine's changing load hits all
/// alike; prints the medians per generated token and the medians of the per-round ratios.
/// </summary>
internal static class PairedRun
{
    public static void Run(int rounds)
    {
        Console.WriteLine($"ms per generated token, batch 1, {GenerationBenchmark.Steps} tokens; ratios are medians of {rounds} paired rounds");
        Console.WriteLine("| model | ORT Run loop | Onnx decode loop | Onnx plugin | decode loop / Run loop | plugin / Run loop |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var model in ModelFolders.Available())
        {
            var bench = new GenerationBenchmark { Model = model };
            bench.Setup();
            try
            {
                Action[] sides = [() => bench.BareLoop(), () => bench.DecodeLoop(), () => bench.Plugin().GetAwaiter().GetResult()];
                for (var i = 0; i < 3; i++) foreach (var side in sides) side();
                var times = sides.Select(_ => new List<double>()).ToArray();
                for (var r = 0; r < rounds; r++)
                {
                    for (var k = 0; k < sides.Length; k++)
                    {
                        var s = (r + k) % sides.Length;
                        times[s].Add(Time(sides[s]));
                    }
                }
                double Ratio(int s) => Median(times[s].Zip(times[0], (a, b) => a / b));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {model} | {Median(times[0]):F3} | {Median(times[1]):F3} | {Median(times[2]):F3} | {Ratio(1):F3} | {Ratio(2):F3} |"));
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
