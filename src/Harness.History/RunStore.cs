using System.Globalization;
using Harness.Datasets;
using Harness.Metrics;
using Harness.Runs;
using Microsoft.Data.Sqlite;

namespace Harness.History;

/// <summary>
/// The run history: one SQLite file (<c>history.db</c>, beside the run folders by default) holding
/// every recorded run's metadata and metrics. The run folders stay the source of truth: the store
/// is an index of them and <see cref="Rebuild"/> makes it again from them. Several processes may
/// write at once: the file is in WAL mode, a writer waits for the lock (busy timeout) instead of
/// failing, and each run is written in one transaction, so a reader sees a run whole or not at all.
/// </summary>
public sealed class RunStore : IDisposable
{
    public const string FileName = "history.db";

    /// <summary>How long a writer waits for another's transaction before giving up.</summary>
    private static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(60);

    private readonly SqliteConnection _connection;

    private RunStore(string path, SqliteConnection connection) => (FilePath, _connection) = (path, connection);

    /// <summary>The store's file.</summary>
    public string FilePath { get; }

    /// <summary>The default store of <c>harness history</c> and <c>gate</c>: <c>reports/history.db</c>, beside the default run folders.</summary>
    public static string DefaultPath => Path.Combine("reports", FileName);

    /// <summary>The store <c>harness eval</c> records into by default: <c>history.db</c> in the folder holding the run folder.</summary>
    public static string BesideRun(string runDirectory) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(runDirectory).TrimEnd(Path.DirectorySeparatorChar)) ?? ".", FileName);

    /// <summary>Opens the store, creating the file and its tables when missing.</summary>
    /// <exception cref="InputException">The file is not a store this harness can use; the message says to rebuild it.</exception>
    public static RunStore Open(string path)
    {
        var full = Path.GetFullPath(path);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{full}: cannot create the run store's folder ({ex.Message.TrimEnd('.')}).", ex);
        }

        var builder = new SqliteConnectionStringBuilder { DataSource = full, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false, DefaultTimeout = (int)BusyTimeout.TotalSeconds };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            Execute(connection, null, $"PRAGMA busy_timeout={(int)BusyTimeout.TotalMilliseconds}; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
            using var transaction = connection.BeginTransaction(deferred: false);
            var version = Convert.ToInt32(Scalar(connection, transaction, "PRAGMA user_version"), CultureInfo.InvariantCulture);
            if (version > RunStoreSchema.Version)
                throw new InputException($"{full}: the run store was written by a newer harness (schema {version}, this one knows {RunStoreSchema.Version}); use that harness, or rebuild it with harness history --rebuild --store {path}.");
            if (version < RunStoreSchema.Version)
            {
                // An older layout is an index of the same run folders: drop it and let --rebuild fill the new one.
                foreach (var table in RunStoreSchema.Tables) Execute(connection, transaction, $"DROP TABLE IF EXISTS {table}");
                Execute(connection, transaction, RunStoreSchema.Create + $"PRAGMA user_version={RunStoreSchema.Version};");
            }

            transaction.Commit();
            return new RunStore(full, connection);
        }
        catch (Exception ex) when (ex is SqliteException or InputException)
        {
            connection.Dispose();
            if (ex is InputException) throw;
            throw new InputException($"{full}: not a usable run store ({ex.Message.ReplaceLineEndings(" ")}); the run folders hold every run: rebuild it with harness history --rebuild --store {path}.", ex);
        }
    }

    /// <summary>Records one finished run (replacing an earlier record of the same run id) in one transaction.</summary>
    /// <exception cref="InputException">The folder holds no readable result.</exception>
    public RecordedRun Record(string runDirectory)
    {
        var run = RecordedRun.Read(runDirectory);
        using var transaction = _connection.BeginTransaction(deferred: false);
        Insert(run, transaction);
        transaction.Commit();
        return run;
    }

    /// <summary>
    /// Empties the store and records every run folder directly under <paramref name="runsRoot"/> (a
    /// folder with run.json), in one transaction. Returns the runs recorded and, per folder skipped, why.
    /// </summary>
    public (IReadOnlyList<RecordedRun> Recorded, IReadOnlyList<string> Skipped) Rebuild(string runsRoot)
    {
        if (!Directory.Exists(runsRoot)) throw new InputException($"{runsRoot}: folder not found; pass the folder holding the run folders (--runs).");
        var (recorded, skipped) = (new List<RecordedRun>(), new List<string>());
        foreach (var folder in Directory.EnumerateDirectories(runsRoot).Order(StringComparer.Ordinal).Where(d => File.Exists(Path.Combine(d, RunLayout.RunFile))))
        {
            try { recorded.Add(RecordedRun.Read(folder)); }
            catch (InputException ex) { skipped.Add(ex.Message); }
        }

        using var transaction = _connection.BeginTransaction(deferred: false);
        foreach (var table in RunStoreSchema.Tables) Execute(_connection, transaction, $"DELETE FROM {table}");
        foreach (var run in recorded) Insert(run, transaction);
        transaction.Commit();
        return (recorded, skipped);
    }

    /// <summary>
    /// Marks the result in the backend folder <c>&lt;run&gt;/&lt;label&gt;</c> promoted: writes
    /// promoted.json into it (the run folder stays the source of truth) and records the run again.
    /// </summary>
    public PromotedResult Promote(string backendFolder, DateTimeOffset at)
    {
        var folder = Path.GetFullPath(backendFolder).TrimEnd(Path.DirectorySeparatorChar);
        var labels = StoredResults.Load(folder).Select(r => r.Label).Distinct(StringComparer.Ordinal).ToList();
        var runFolder = Path.GetDirectoryName(folder);
        if (labels is not [var label] || label != Path.GetFileName(folder) || runFolder is null || !File.Exists(Path.Combine(runFolder, RunLayout.RunFile)))
            throw new InputException($"{backendFolder}: not a backend folder of a run; pass <run>/<label>, the folder holding that backend's scenario folders.");
        PromotionFile.Write(folder, at);
        var run = Record(runFolder);
        return new PromotedResult(run.RunId, label, folder, at);
    }

    /// <summary>The result promoted last, or null when none was.</summary>
    public PromotedResult? LastPromoted()
    {
        using var command = Command(null, "SELECT p.run_id, p.label, (SELECT folder FROM results r WHERE r.run_id = p.run_id AND r.label = p.label LIMIT 1), p.promoted_at FROM promotions p ORDER BY p.promoted_at DESC, p.run_id DESC LIMIT 1");
        using var reader = command.ExecuteReader();
        return reader.Read() && !reader.IsDBNull(2)
            ? new PromotedResult(reader.GetString(0), reader.GetString(1), reader.GetString(2), Time(reader.GetString(3)))
            : null;
    }

    /// <summary>Every recorded result, oldest run first; <paramref name="backend"/> keeps those whose label or plugin it names.</summary>
    public IReadOnlyList<HistoryEntry> Entries(string? backend = null)
    {
        using var command = Command(null, """
            SELECT r.run_id, u.started_at, r.label, r.backend, r.model, r.model_sha256, r.scenario, r.overall, r.overall_lower, r.overall_upper,
                   r.p50_ms, r.p95_ms, r.usd_per_1k_intents, p.promoted_at IS NOT NULL, r.folder, c.value
            FROM results r JOIN runs u ON u.run_id = r.run_id LEFT JOIN promotions p ON p.run_id = r.run_id AND p.label = r.label
            LEFT JOIN metrics c ON c.run_id = r.run_id AND c.label = r.label AND c.scenario = r.scenario AND c.name = 'server.peak.capacity_qps'
            WHERE $backend IS NULL OR r.label = $backend OR r.backend = $backend COLLATE NOCASE
            ORDER BY u.started_at, r.run_id, r.label, r.scenario
            """);
        command.Parameters.AddWithValue("$backend", (object?)backend ?? DBNull.Value);
        using var reader = command.ExecuteReader();
        var entries = new List<HistoryEntry>();
        while (reader.Read())
        {
            entries.Add(new HistoryEntry(
                reader.GetString(0), Time(reader.GetString(1)), reader.GetString(2), reader.GetString(3), reader.GetString(4), OrNull<string>(reader, 5), reader.GetString(6),
                reader.GetDouble(7), reader.IsDBNull(8) ? null : new Interval(reader.GetDouble(8), reader.GetDouble(9)),
                Number(reader, 10), Number(reader, 11), Number(reader, 12), reader.GetBoolean(13), reader.GetString(14),
                Number(reader, 15)));
        }

        return entries;
    }

    /// <summary>The metrics of one recorded result, read back from the metrics.json text the store keeps.</summary>
    public EvaluationMetrics? Metrics(string runId, string label, string scenario)
    {
        using var command = Command(null, "SELECT metrics_json FROM results WHERE run_id = $run AND label = $label AND scenario = $scenario");
        command.Parameters.AddWithValue("$run", runId);
        command.Parameters.AddWithValue("$label", label);
        command.Parameters.AddWithValue("$scenario", scenario);
        return command.ExecuteScalar() is string json ? MetricsJson.Parse(json, $"{FilePath}: {runId}/{label}/{scenario}") : null;
    }

    private void Insert(RecordedRun run, SqliteTransaction transaction)
    {
        foreach (var table in RunStoreSchema.Tables)
            Execute(_connection, transaction, $"DELETE FROM {table} WHERE run_id = $run", ("$run", run.RunId));
        var m = run.Manifest;
        var first = run.Results[0].Stored.Metrics.Run;
        var env = m?.Environment;
        Execute(_connection, transaction, "INSERT INTO runs VALUES ($run, $started, $folder, $config_path, $config_sha, $dataset, $dataset_sha, $rows, $version, $os, $cpu, $cores, $gpu, $dotnet, $commit)",
            ("$run", run.RunId), ("$started", PromotionFile.Iso(run.StartedAt)), ("$folder", run.Folder),
            ("$config_path", Empty(m?.ConfigPath)), ("$config_sha", Empty(m?.ConfigSha256)),
            ("$dataset", first.Dataset), ("$dataset_sha", first.DatasetSha256), ("$rows", m is { Rows: > 0 } ? m.Rows : null),
            ("$version", m?.HarnessVersion ?? first.HarnessVersion), ("$os", env?.Os), ("$cpu", env?.Cpu), ("$cores", env?.CpuCores), ("$gpu", env?.Gpu), ("$dotnet", env?.DotnetVersion), ("$commit", env?.GitCommit));
        foreach (var (stored, folder, promotedAt) in run.Results)
        {
            var metrics = stored.Metrics;
            var all = metrics.Subset(Subsets.AllRows);
            var key = new (string, object?)[] { ("$run", run.RunId), ("$label", stored.Label), ("$scenario", metrics.Run.Scenario) };
            Execute(_connection, transaction, "INSERT INTO results VALUES ($run, $label, $scenario, $folder, $backend, $plugin_version, $model, $model_sha, $model_id, $device, $overall, $lower, $upper, $p50, $p95, $ips, $usd, $basis, $json)",
                [.. key, ("$folder", folder), ("$backend", metrics.Run.Backend), ("$plugin_version", m?.Backends.GetValueOrDefault(stored.Label)?.PluginVersion),
                 ("$model", metrics.Run.Model), ("$model_sha", metrics.Run.ModelSha256), ("$model_id", metrics.Run.ModelId), ("$device", metrics.Run.Device),
                 ("$overall", all.Overall), ("$lower", all.OverallCi95?.Lower), ("$upper", all.OverallCi95?.Upper),
                 ("$p50", metrics.Latency?.PerIntent.P50), ("$p95", metrics.Latency?.PerIntent.P95), ("$ips", metrics.Throughput?.IntentsPerSecond),
                 ("$usd", metrics.Cost?.UsdPer1kIntents), ("$basis", metrics.Cost?.Basis), ("$json", MetricsJson.Serialize(metrics))]);
            using var insert = Command(transaction, "INSERT INTO metrics VALUES ($run, $label, $scenario, $name, $value, $lower, $upper)");
            foreach (var (name, value) in key) insert.Parameters.AddWithValue(name, value);
            var (nameParameter, valueParameter, lowerParameter, upperParameter) = (insert.Parameters.Add("$name", SqliteType.Text), insert.Parameters.Add("$value", SqliteType.Real), insert.Parameters.Add("$lower", SqliteType.Real), insert.Parameters.Add("$upper", SqliteType.Real));
            foreach (var row in MetricRows.Of(metrics))
            {
                (nameParameter.Value, valueParameter.Value, lowerParameter.Value, upperParameter.Value) = (row.Name, row.Value, (object?)row.Lower ?? DBNull.Value, (object?)row.Upper ?? DBNull.Value);
                insert.ExecuteNonQuery();
            }

            if (promotedAt is { } at)
                Execute(_connection, transaction, "INSERT OR REPLACE INTO promotions VALUES ($run, $label, $at)", ("$run", run.RunId), ("$label", stored.Label), ("$at", PromotionFile.Iso(at)));
        }
    }

    private SqliteCommand Command(SqliteTransaction? transaction, string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command.ExecuteScalar();
    }

    private static string? Empty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    private static T? OrNull<T>(SqliteDataReader reader, int column) where T : class => reader.IsDBNull(column) ? default : reader.GetFieldValue<T>(column);

    // Not OrNull<double>: for a value type, an unconstrained T? is T itself, so a NULL would read as 0.
    private static double? Number(SqliteDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetDouble(column);

    private static DateTimeOffset Time(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    public void Dispose() => _connection.Dispose();
}

/// <summary>A promoted backend result: its run, label, backend folder and when it was promoted.</summary>
public sealed record PromotedResult(string RunId, string Label, string Folder, DateTimeOffset PromotedAt);
