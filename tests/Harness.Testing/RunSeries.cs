namespace Harness.Testing;

/// <summary>
/// Several finished runs side by side in one folder, a day apart, as a run history holds them:
/// a <c>student</c> whose filter names improve run by run (its model hash changes at the last run)
/// and getting faster, and the <c>teacher</c>. Each run is a <see cref="StoredRunBuilder"/> folder.
/// </summary>
public sealed class RunSeries : IDisposable
{
    public const string StudentModelA = "aaaaaaaaaaaa1111111111111111111111111111111111111111111111111111";
    public const string StudentModelB = "bbbbbbbbbbbb2222222222222222222222222222222222222222222222222222";

    private readonly List<StoredRunBuilder> _runs = [];

    public RunSeries(int count = 3)
    {
        Folder = Path.Combine(Path.GetTempPath(), "harness-runs-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        for (var i = 1; i <= count; i++)
        {
            var run = new StoredRunBuilder($"run-{i}", new DateTimeOffset(2026, 11, 19 + i, 9, 30, 0, TimeSpan.Zero), Folder);
            // Every 2nd, 3rd, 4th ... filter row named wrong: the student gets better each run.
            run.Write("student", run.SwappedFilters(every: i + 1), latencyMs: 14 - 2 * i, modelSha256: i < count ? StudentModelA : StudentModelB);
            run.Write("teacher", StoredRunBuilder.Teacher, latencyMs: 40);
            _runs.Add(run);
        }
    }

    /// <summary>The folder holding the run folders <c>run-1</c>, <c>run-2</c>, ...</summary>
    public string Folder { get; }

    /// <summary>The run folders, oldest first.</summary>
    public IReadOnlyList<string> RunDirectories => [.. _runs.Select(r => r.RunDirectory)];

    public void Dispose()
    {
        try { Directory.Delete(Folder, true); }
        catch (IOException) { }
    }
}
