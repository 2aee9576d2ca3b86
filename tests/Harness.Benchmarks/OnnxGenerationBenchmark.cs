using BenchmarkDotNet.Attributes;
using Harness.Backends;
using Harness.Plugins.Onnx;
using Harness.Tools;

namespace Harness.Benchmarks;

/// <summary>
/// Time per generated token (batch 1, CPU) of the whole Onnx plugin (tokenize, cached greedy
/// decode, detokenize) and of its decode loop alone, against the bare ONNX Runtime Run loop
/// (<see cref="BareOrt"/>) over the same model files, in the same process. BenchmarkDotNet's
/// Ratio column is the plugin's overhead.
/// </summary>
[MemoryDiagnoser]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet disposes through GlobalCleanup.")]
public class OnnxGenerationBenchmark
{
    public const int Steps = 12;
    private static readonly string[] Intents =
        ["golden hour", "moody blue night", "warm vintage film", "crisp winter morning", "neon city lights", "soft pastel dream", "dark and gritty", "icy arctic"];
    private IBackend _backend = null!;
    private ToolRequest _request = null!;
    private BareOrt _bare = null!;
    private int[] _ids = [];

    [ParamsSource(nameof(Models))]
    public string Model { get; set; } = "";

    public static IEnumerable<string> Models() => ModelFolders.Available();

    [GlobalSetup]
    public void Setup()
    {
        var folder = ModelFolders.Path(Model);
        var options = new BackendOptions(new Dictionary<string, string> { ["model"] = folder, ["batch_size"] = "1", ["max_new_tokens"] = Steps.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "bench");
        var plugin = Path.GetDirectoryName(typeof(OnnxBackendFactory).Assembly.Location)!;
        _backend = new OnnxBackendFactory().CreateAsync(options, new BackendContext(plugin, ModelFolders.RepoRoot, _ => { }), CancellationToken.None).GetAwaiter().GetResult();
        // A prompt the model answers without an early </s>, so both sides run exactly Steps decoder steps.
        _request = Intents.Select(i => new ToolRequest("bench", i, ToolName.Adjust, $"tool: adjust\nintent: {i}"))
            .FirstOrDefault(r => _backend.GenerateAsync([r], CancellationToken.None).GetAwaiter().GetResult()[0].OutputTokens == Steps)
            ?? throw new InvalidOperationException($"no benchmark prompt runs {Steps} tokens on {folder}");
        _ids = ((OnnxBackend)_backend).Tokenizer.Encode(_request.Prompt);
        _bare = new BareOrt(folder, threads: 0);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Steps, Description = "ORT Run loop")]
    public int[][] BareLoop() => _bare.Generate([_ids], Steps);

    [Benchmark(OperationsPerInvoke = Steps, Description = "Onnx plugin")]
    public Task<IReadOnlyList<ToolResponse>> Plugin() => _backend.GenerateAsync([_request], CancellationToken.None);

    /// <summary>The plugin's decode loop alone (I/O binding, cache hand-over, argmax), without tokenizing or the worker-thread hop.</summary>
    [Benchmark(OperationsPerInvoke = Steps, Description = "Onnx decode loop")]
    public int[][] DecodeLoop() => ((OnnxBackend)_backend).GenerateIds([_ids], Steps);

    [GlobalCleanup]
    public void Cleanup()
    {
        _bare.Dispose();
        _backend.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
