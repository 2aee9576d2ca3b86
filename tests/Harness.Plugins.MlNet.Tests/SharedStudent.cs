using System.Collections.Concurrent;
using System.Diagnostics;
using Harness.Backends;

namespace Harness.Plugins.MlNet.Tests;

/// <summary>
/// One student trained on <see cref="Student.TrainRows"/> rows for every test that needs a trained
/// model (training is the slow part), in a temporary folder with its own cache.
/// </summary>
[SetUpFixture]
public sealed class SharedStudent
{
    private static Lazy<Task<Trained>>? _trained;

    /// <summary>The first backend, the log of its training and how long it took.</summary>
    public sealed record Trained(IBackend Backend, IReadOnlyList<string> Log, TimeSpan Elapsed);

    public static string Folder { get; private set; } = "";

    public static string CacheFolder => Path.Combine(Folder, "cache");

    public static Task<Trained> GetAsync() => (_trained ?? throw new InvalidOperationException("SetUpFixture did not run")).Value;

    [OneTimeSetUp]
    public void WriteSlices()
    {
        Folder = Directory.CreateTempSubdirectory("mlnet-tests-").FullName;
        Student.WriteSlices(Folder);
        _trained = new Lazy<Task<Trained>>(async () =>
        {
            var log = new ConcurrentQueue<string>();
            var clock = Stopwatch.StartNew();
            var backend = await Student.CreateAsync(Folder, log, ("train", "train.jsonl"), ("cache", "cache"));
            return new Trained(backend, [.. log], clock.Elapsed);
        });
    }

    [OneTimeTearDown]
    public async Task RemoveFolder()
    {
        if (_trained is { IsValueCreated: true } && _trained.Value.IsCompletedSuccessfully)
            await _trained.Value.Result.Backend.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }
}
