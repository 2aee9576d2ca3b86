using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Harness.Backends;
using Harness.Plugins.LlamaCpp;
using Harness.Tools;

namespace Harness.Benchmarks;

/// <summary>
/// <c>llama-throughput &lt;model.gguf&gt; [requests=48] [batch=16] [threads=2] [max_new=16]</c>: output tokens per
/// second of the LlamaCpp plugin for the offline scenario (many sequences per llama batch) and for one request
/// at a time, and the share of wall time the plugin spends outside <c>llama_decode</c>.
/// </summary>
internal static class LlamaThroughput
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("usage: Harness.Benchmarks llama-throughput <model.gguf> [requests] [batch] [threads] [max_new]");
            return 2;
        }
        var model = Path.GetFullPath(args[0]);
        int Arg(int i, int d) => args.Length > i ? int.Parse(args[i], CultureInfo.InvariantCulture) : d;
        var count = Arg(1, 48);
        var batch = Arg(2, 16);
        var threads = Arg(3, 2);
        var maxNew = Arg(4, 16);
        var intents = File.Exists("datasets/tonal-color/test.jsonl")
            ? File.ReadLines("datasets/tonal-color/test.jsonl").Select(l => JsonDocument.Parse(l).RootElement.GetProperty("intent").GetString()!).ToArray()
            : ["golden hour", "moody teal and orange", "vintage film", "bright and airy"];
        var requests = Enumerable.Range(0, count)
            .Select(i => (Tool: ToolSchema.All[i % 3], Intent: intents[i / 3 % intents.Length]))
            .Select(x => new ToolRequest($"bench-{x.Intent}", x.Intent, x.Tool, $"tool: {x.Tool.WireName()}\nintent: {x.Intent}"))
            .ToArray();
        var pluginDir = AppContext.BaseDirectory;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"model {Path.GetFileName(model)}, {count} requests, max_new_tokens {maxNew}, threads {threads}"));

        foreach (var (label, sequences) in new[] { ("one at a time", 1), ($"offline, {batch} sequences per batch", batch) })
        {
            var options = new BackendOptions(new Dictionary<string, string>
            {
                ["model"] = model, ["threads"] = threads.ToString(CultureInfo.InvariantCulture),
                ["batch_size"] = sequences.ToString(CultureInfo.InvariantCulture), ["max_new_tokens"] = maxNew.ToString(CultureInfo.InvariantCulture),
                ["context_size"] = "256",
            }, "bench");
            await using var backend = (LlamaCppBackend)await new LlamaCppBackendFactory().CreateAsync(options, new BackendContext(pluginDir, ".", _ => { }), CancellationToken.None);
            await backend.GenerateAsync(requests.Take(Math.Min(sequences, count)).ToArray(), CancellationToken.None); // warm-up
            var decodeBefore = backend.Decoder.DecodeTime;
            var clock = Stopwatch.StartNew();
            var tokens = 0;
            for (var i = 0; i < count; i += sequences)
            {
                var responses = await backend.GenerateAsync(requests[i..Math.Min(count, i + sequences)], CancellationToken.None);
                tokens += responses.Sum(r => r.OutputTokens + (r.OutputTokens < maxNew ? 1 : 0));
            }
            var wall = clock.Elapsed;
            var decode = backend.Decoder.DecodeTime - decodeBefore;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{label,-36} {tokens,6} tokens in {wall.TotalSeconds,7:F2} s = {tokens / wall.TotalSeconds,8:F1} tokens/s; in llama_decode {decode.TotalSeconds:F2} s, plugin overhead {(wall - decode).TotalMilliseconds / tokens:F3} ms/token ({100 * (wall - decode) / wall:F1}%)"));
        }
        return 0;
    }
}
