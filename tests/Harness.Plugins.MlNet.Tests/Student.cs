using System.Collections.Concurrent;
using Harness.Backends;
using Harness.Tools;

namespace Harness.Plugins.MlNet.Tests;

/// <summary>
/// The MlNet plugin as built into bin/plugins/MlNet, loaded through the real plugin host, and a
/// small slice of the shipped train split to train it on quickly.
/// </summary>
internal static class Student
{
    /// <summary>Rows of train.jsonl the tests train on (the first ones) and score on (the last ones).</summary>
    public const int TrainRows = 1500;
    public const int HeldOutRows = 400;

    public static string PluginFolder => RepositoryRoot.PathOf("bin", "plugins", "MlNet");

    public static string ShippedTrain => RepositoryRoot.PathOf("datasets", "tonal-color", "train.jsonl");

    /// <summary>Writes the train slice, the held-out slice and the catalogue into <paramref name="folder"/>.</summary>
    public static void WriteSlices(string folder)
    {
        var lines = File.ReadAllLines(ShippedTrain);
        File.WriteAllLines(Path.Combine(folder, "train.jsonl"), lines.Take(TrainRows));
        File.WriteAllLines(Path.Combine(folder, "heldout.jsonl"), lines.TakeLast(HeldOutRows));
        File.Copy(RepositoryRoot.PathOf("datasets", "tonal-color", "filters.txt"), Path.Combine(folder, "filters.txt"));
    }

    /// <summary>Creates an MlNet backend in <paramref name="folder"/> (options relative to it); log lines go to <paramref name="log"/>.</summary>
    public static async Task<IBackend> CreateAsync(string folder, ConcurrentQueue<string>? log, params (string Key, string Value)[] options)
    {
        if (!File.Exists(Path.Combine(PluginFolder, "MlNet.dll")))
            Assert.Fail($"{PluginFolder}/MlNet.dll is missing: build this test project (dotnet build tests/Harness.Plugins.MlNet.Tests), which builds the plugin into bin/plugins.");
        var loaded = PluginHost.LoadFolder(PluginFolder).Catalog.Find("MlNet", "test");
        var context = new BackendContext(loaded.Directory, folder, line => log?.Enqueue(line));
        return await loaded.Factory.CreateAsync(new BackendOptions(options.ToDictionary(o => o.Key, o => o.Value), "test"), context, CancellationToken.None);
    }

    /// <summary>The backend's answers for every tool of every intent, in one batch or one call at a time.</summary>
    public static async Task<string?[][]> AskAsync(IBackend backend, IReadOnlyList<string> intents, bool batched)
    {
        var requests = intents.SelectMany((intent, i) => ToolSchema.All.Select(t => new ToolRequest($"q{i}", intent, t, $"tool: {t.WireName()}\nintent: {intent}"))).ToList();
        var texts = new List<string?>();
        if (batched)
            texts.AddRange((await backend.GenerateAsync(requests, CancellationToken.None)).Select(r => r.Text));
        else
            foreach (var request in requests)
                texts.Add((await backend.GenerateAsync([request], CancellationToken.None))[0].Text);
        return [.. intents.Select((_, i) => texts.Skip(i * 3).Take(3).ToArray())];
    }
}
