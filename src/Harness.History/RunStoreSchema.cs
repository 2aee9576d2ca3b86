namespace Harness.History;

/// <summary>
/// The store's tables. <c>runs</c>: one row per run (what ran, where). <c>results</c>: one row per
/// backend and scenario with the headline numbers and the whole metrics.json text. <c>metrics</c>:
/// every number of that metrics.json by name (<see cref="MetricRows"/>). <c>promotions</c>: the
/// promoted backend results. Times are UTC ISO 8601 text, which sorts as time.
/// </summary>
internal static class RunStoreSchema
{
    /// <summary>Bumped when a table changes; an older store is rebuilt from the run folders.</summary>
    public const int Version = 1;

    public const string Create = """
        CREATE TABLE IF NOT EXISTS runs(
            run_id TEXT PRIMARY KEY,
            started_at TEXT NOT NULL,
            folder TEXT NOT NULL,
            config_path TEXT,
            config_sha256 TEXT,
            dataset TEXT NOT NULL,
            dataset_sha256 TEXT NOT NULL,
            dataset_rows INTEGER,
            harness_version TEXT,
            os TEXT,
            cpu TEXT,
            cpu_cores INTEGER,
            gpu TEXT,
            dotnet TEXT,
            git_commit TEXT);
        CREATE TABLE IF NOT EXISTS results(
            run_id TEXT NOT NULL,
            label TEXT NOT NULL,
            scenario TEXT NOT NULL,
            folder TEXT NOT NULL,
            backend TEXT NOT NULL,
            plugin_version TEXT,
            model TEXT NOT NULL,
            model_sha256 TEXT,
            model_id TEXT,
            device TEXT,
            overall REAL NOT NULL,
            overall_lower REAL,
            overall_upper REAL,
            p50_ms REAL,
            p95_ms REAL,
            intents_per_second REAL,
            usd_per_1k_intents REAL,
            cost_basis TEXT,
            metrics_json TEXT NOT NULL,
            PRIMARY KEY(run_id, label, scenario));
        CREATE TABLE IF NOT EXISTS metrics(
            run_id TEXT NOT NULL,
            label TEXT NOT NULL,
            scenario TEXT NOT NULL,
            name TEXT NOT NULL,
            value REAL NOT NULL,
            lower REAL,
            upper REAL,
            PRIMARY KEY(run_id, label, scenario, name));
        CREATE TABLE IF NOT EXISTS promotions(
            run_id TEXT NOT NULL,
            label TEXT NOT NULL,
            promoted_at TEXT NOT NULL,
            PRIMARY KEY(run_id, label));
        CREATE INDEX IF NOT EXISTS results_by_label ON results(label, model_sha256);
        CREATE INDEX IF NOT EXISTS metrics_by_name ON metrics(name);
        """;

    public static readonly string[] Tables = ["runs", "results", "metrics", "promotions"];
}
