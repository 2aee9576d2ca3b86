using System.Collections.Immutable;
using Harness.Datasets;
using Harness.Metrics;
using Harness.Reports;
using Harness.Runs;
using Microsoft.Data.Sqlite;

namespace Harness.History.Tests;

public sealed class RunStoreTests
{
    private RunSeries _series = null!;
    private string _store = "";

    [OneTimeSetUp]
    public void MakeRuns() => _series = new RunSeries();

    [OneTimeTearDown]
    public void DeleteRuns() => _series.Dispose();

    [SetUp]
    public void NewStore() => _store = Path.Combine(Path.GetTempPath(), "harness-store-" + Guid.NewGuid().ToString("N"), RunStore.FileName);

    [TearDown]
    public void DeleteStore() => Directory.Delete(Path.GetDirectoryName(_store)!, true);

    [Test]
    public void A_recorded_run_holds_its_metadata_and_reads_back_every_metric_of_its_metrics_json()
    {
        var run = _series.RunDirectories[0];
        using (var store = RunStore.Open(_store)) store.Record(run);

        using var reopened = RunStore.Open(_store);
        foreach (var stored in StoredResults.Load(run))
        {
            var back = reopened.Metrics("run-1", stored.Label, stored.Scenario);
            Assert.That(back, Is.Not.Null);
            Assert.That(MetricsJson.Serialize(back!), Is.EqualTo(MetricsJson.Serialize(stored.Metrics)), "the whole metrics.json, number for number");
            var rows = Rows($"SELECT name, value, lower, upper FROM metrics WHERE run_id = 'run-1' AND label = '{stored.Label}'");
            Assert.That(rows, Has.Count.EqualTo(MetricRows.Of(stored.Metrics).Count()));
            var all = stored.Metrics.Subset(Subsets.AllRows);
            Assert.That(rows, Does.Contain($"all.overall|{all.Overall}|{all.OverallCi95!.Lower}|{all.OverallCi95.Upper}"));
            Assert.That(rows, Does.Contain($"all.filter.final|{all[Tools.ToolName.Filter].Final}|{all[Tools.ToolName.Filter].FinalCi95!.Lower}|{all[Tools.ToolName.Filter].FinalCi95!.Upper}"));
            Assert.That(rows, Does.Contain($"latency.per_intent.p95|{stored.Metrics.Latency!.PerIntent.P95}||"));
            Assert.That(rows, Does.Contain($"cost.usd_per_1k_intents|{stored.Metrics.Cost!.UsdPer1kIntents}||"));
        }

        var dataset = DatasetLoader.Load(TonalColor.TestSplit);
        Assert.That(Rows("SELECT run_id, started_at, folder, dataset_sha256, dataset_rows FROM runs"),
            Is.EqualTo(new[] { $"run-1|2026-11-20T09:30:00.0000000Z|{run}|{dataset.Sha256}|{dataset.Rows.Length}" }));
        Assert.That(Rows("SELECT label, scenario, backend, model_sha256, p50_ms FROM results ORDER BY label"),
            Is.EqualTo(new[] { $"student|single-stream|student|{RunSeries.StudentModelA}|12", "teacher|single-stream|teacher||40" }));
    }

    [Test]
    public void Entries_list_each_result_oldest_first_and_filter_by_backend()
    {
        using var store = RunStore.Open(_store);
        foreach (var run in _series.RunDirectories.Reverse()) store.Record(run);

        var student = store.Entries("student");
        Assert.That(student.Select(e => e.RunId), Is.EqualTo(new[] { "run-1", "run-2", "run-3" }));
        Assert.That(student.Select(e => e.ModelKey), Is.EqualTo(new[] { "aaaaaaaaaaaa", "aaaaaaaaaaaa", "bbbbbbbbbbbb" }));
        Assert.That(student.Select(e => e.Overall), Is.Ordered.Ascending, "the series improves run by run");
        Assert.That(student.Select(e => e.P50Ms), Is.EqualTo(new double?[] { 12, 10, 8 }));
        Assert.That(store.Entries(), Has.Count.EqualTo(6));
        Assert.That(store.Entries("nobody"), Is.Empty);
    }

    [Test]
    public void Recording_a_run_again_replaces_its_rows()
    {
        using var store = RunStore.Open(_store);
        store.Record(_series.RunDirectories[0]);
        var once = Dump();
        store.Record(_series.RunDirectories[0]);

        Assert.That(Dump(), Is.EqualTo(once));
    }

    [Test]
    public void Rebuilding_from_the_run_folders_gives_the_store_that_recording_each_run_gave_promotions_included()
    {
        using (var store = RunStore.Open(_store))
        {
            foreach (var run in _series.RunDirectories) store.Record(run);
            store.Promote(Path.Combine(_series.RunDirectories[1], "student"), new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero));
        }

        var incremental = Dump();
        File.Delete(_store);
        using (var store = RunStore.Open(_store))
        {
            var (recorded, skipped) = store.Rebuild(_series.Folder);
            Assert.That(recorded, Has.Count.EqualTo(3));
            Assert.That(skipped, Is.Empty);
        }

        Assert.That(Dump(), Is.EqualTo(incremental));
        Assert.That(incremental, Does.Contain("promotions: run-2|student|2026-11-22T08:00:00.0000000Z"));
        foreach (var dir in _series.RunDirectories) File.Delete(Path.Combine(dir, "student", PromotionFile.FileName));
    }

    [Test]
    public void The_last_promoted_result_is_the_latest_promotion_with_its_backend_folder()
    {
        using var store = RunStore.Open(_store);
        Assert.That(store.LastPromoted(), Is.Null);
        var student2 = Path.Combine(_series.RunDirectories[1], "student");
        store.Promote(Path.Combine(_series.RunDirectories[0], "student"), new DateTimeOffset(2026, 11, 21, 0, 0, 0, TimeSpan.Zero));
        store.Promote(student2, new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero));

        Assert.That(store.LastPromoted(), Is.EqualTo(new PromotedResult("run-2", "student", student2, new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero))));
        Assert.That(store.Entries("student").Select(e => e.Promoted), Is.EqualTo(new[] { true, true }));
        Assert.That(() => store.Promote(_series.RunDirectories[0], DateTimeOffset.UtcNow), Throws.TypeOf<InputException>().With.Message.Contains("not a backend folder"));
        foreach (var dir in _series.RunDirectories.Take(2)) File.Delete(Path.Combine(dir, "student", PromotionFile.FileName));
    }

    [Test]
    public async Task Writers_at_once_each_with_its_own_connection_leave_a_whole_store()
    {
        using (RunStore.Open(_store)) { }
        // Eight writers, each recording every run several times over, all at once.
        var writers = Enumerable.Range(0, 8).Select(w => Task.Run(() =>
        {
            using var store = RunStore.Open(_store);
            for (var round = 0; round < 3; round++)
                foreach (var run in _series.RunDirectories.Skip(w % 3).Concat(_series.RunDirectories.Take(w % 3)))
                    store.Record(run);
        }));
        await Task.WhenAll(writers);

        using var single = RunStore.Open(Path.Combine(Path.GetDirectoryName(_store)!, "single.db"));
        foreach (var run in _series.RunDirectories) single.Record(run);
        Assert.That(Rows("PRAGMA integrity_check"), Is.EqualTo(new[] { "ok" }));
        Assert.That(Rows("PRAGMA journal_mode"), Is.EqualTo(new[] { "wal" }));
        Assert.That(Dump(), Is.EqualTo(Dump(single.FilePath)), "the same rows as one writer recording each run once");
    }

    [Test]
    public void A_file_that_is_not_a_store_is_refused_with_the_command_that_rebuilds_it()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_store)!);
        File.WriteAllText(_store, "not a database, just text that is long enough to be read as a header by sqlite........");

        Assert.That(() => RunStore.Open(_store), Throws.TypeOf<InputException>().With.Message.Contains("not a usable run store").And.Message.Contains("harness history --rebuild"));
    }

    /// <summary>A server result with a capacity: the run history lists it beside the run (capacities drift between runs), and the store names it.</summary>
    [Test]
    public void A_server_capacity_is_listed_in_the_history_and_stored_by_name()
    {
        using var run = new StoredRunBuilder("run-server", new DateTimeOffset(2026, 12, 6, 3, 0, 0, TimeSpan.Zero));
        var result = Path.Combine(run.Write("student", StoredRunBuilder.Teacher, scenario: ScenarioNames.Server), ScenarioNames.Server);
        run.Write("teacher", StoredRunBuilder.Teacher);
        var metrics = MetricsJson.Read(Path.Combine(result, RunLayout.MetricsFile));
        var probes = ImmutableArray.Create(new ServerProbe(25, 25.3, 84.4, true), new ServerProbe(31.25, 31.7, 86.3, true), new ServerProbe(32.03, 32.5, 103.7, false));
        MetricsJson.Write(result, metrics with
        {
            Server = new ServerSummary(31.25, 31.7, 31.69, 100, 99, 86.3, 108.2, 0.002, 500, 15.8, 0.05, true, "p99 latency 86.3 ms is within the 100 ms bound", new PeakSummary(31.25, 0.00089, probes)),
        });

        using (var store = RunStore.Open(_store)) store.Record(run.RunDirectory);

        using var reopened = RunStore.Open(_store);
        var entries = reopened.Entries();
        Assert.That(entries.Single(e => e.Label == "student").CapacityQps, Is.EqualTo(31.25));
        Assert.That(entries.Single(e => e.Label == "teacher").CapacityQps, Is.Null, "no server result: no capacity, not 0");
        var table = HistoryReport.Table(entries);
        Assert.That(table, Does.Contain("capacity/s").And.Contain("31.25"));
        Assert.That(table.Split("\n\n").Single(t => t.StartsWith("teacher", StringComparison.Ordinal)), Does.Not.Contain("capacity"), "only a backend with a capacity gets the column");
        Assert.That(Rows("SELECT value FROM metrics WHERE name = 'server.peak.capacity_qps'"), Is.EqualTo(new[] { "31.25" }));
    }

    [Test]
    public void A_folder_without_results_is_not_recorded_and_says_why()
    {
        var empty = Path.Combine(Path.GetDirectoryName(_store)!, "empty-run");
        Directory.CreateDirectory(empty);
        using var store = RunStore.Open(_store);

        Assert.That(() => store.Record(empty), Throws.TypeOf<InputException>().With.Message.Contains("no metrics.json"));
        Assert.That(store.Entries(), Is.Empty);
    }

    private List<string> Rows(string sql, string? path = null)
    {
        using var connection = new SqliteConnection($"Data Source={path ?? _store};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        return rows;
    }

    /// <summary>Every row of every table, in key order.</summary>
    private string Dump(string? path = null) => string.Join('\n', new[] { "runs", "results", "metrics", "promotions" }.SelectMany(table =>
        Rows($"SELECT * FROM {table} ORDER BY 1, 2, 3" + (table == "metrics" ? ", 4" : ""), path).Select(row => $"{table}: {row}")));
}
