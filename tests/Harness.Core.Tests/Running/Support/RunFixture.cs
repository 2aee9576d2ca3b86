using System.Globalization;
using System.Text;
using Harness.Datasets;
using Harness.Plugins;
using Harness.Running;
using Harness.Runs;
using Harness.Tools;

namespace Harness.Core.Tests.Running.Support;

/// <summary>
/// A temporary folder with a small dataset (and its filter catalogue) and helpers to
/// write an eval config and run it with in-test backends.
/// </summary>
internal sealed class RunFixture : IDisposable
{
    public static readonly string[] Filters = ["faded_HighNoon", "warm", "cool"];

    public RunFixture(int rows = 12)
    {
        Directory.CreateDirectory(Folder);
        File.WriteAllLines(Path.Combine(Folder, "filters.txt"), Filters);
        File.WriteAllLines(DatasetPath, Enumerable.Range(1, rows).Select(RowJson));
        Dataset = DatasetLoader.Load(DatasetPath);
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "harness-run-tests", Guid.NewGuid().ToString("N"));

    public string DatasetPath => Path.Combine(Folder, "test.jsonl");

    public Dataset Dataset { get; }

    /// <summary>Writes <c>eval.yaml</c>: the given top-level lines, then <paramref name="backends"/> (YAML list items).</summary>
    public EvalConfig Config(string backends, string top = "warmup: 0\nreports: []")
    {
        var text = $"dataset: test.jsonl\n{top}\nbackends:\n{backends}\n";
        var path = Path.Combine(Folder, "eval.yaml");
        File.WriteAllText(path, text);
        return ConfigLoader.Load(path);
    }

    public RunOptions Options(BackendCatalog catalog, string runId = "run-1", bool resume = false) =>
        new(catalog, Path.Combine(Folder, "reports", runId), runId, resume);

    public Task<RunReport> RunAsync(EvalConfig config, RunOptions options, CancellationToken cancellationToken = default) =>
        EvaluationRunner.RunAsync(config, options, NullProgressSink.Instance, cancellationToken);

    public void Dispose()
    {
        if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
    }

    // Varied teacher outputs: every tool is sometimes unused, repeats span the r3/r5 subsets.
    private static string RowJson(int i)
    {
        var inv = CultureInfo.InvariantCulture;
        var adjust = i % 5 == 0 ? "null" : "{" + string.Join(",", ToolSchema.AdjustParameters.Select((p, k) =>
            string.Create(inv, $"\"{p}\":{((i * 7 + k * 13) % 41) - 20}"))) + "}";
        var selective = i % 3 != 0 ? "null" : "{" + string.Join(",", ToolSchema.SelectiveColors.Select((c, k) =>
            string.Create(inv, $"\"{c}\":{{\"saturation\":{(i + k * 5) % 30 - 10},\"luminance\":{(i * 3 + k) % 20 - 5}}}"))) + "}";
        var filter = i % 4 == 0 ? "null" : string.Create(inv, $"{{\"name\":\"{Filters[i % 3]}\",\"intensity\":{(i * 11) % 100}}}");
        var builder = new StringBuilder();
        builder.Append(inv, $"{{\"id\":\"test-{i:00000}\",\"intent\":\"look number {i} {(i % 2 == 0 ? "warm" : "cold")}\",\"repeats\":{1 + i % 7},");
        builder.Append(inv, $"\"teacher\":{{\"adjust\":{adjust},\"selective_adjust\":{selective},\"filter\":{filter}}}}}");
        return builder.ToString();
    }
}
