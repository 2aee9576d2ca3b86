using static Harness.Cli.Tests.BadInput.FileEdit;

namespace Harness.Cli.Tests.BadInput;

/// <summary>
/// The bad inputs a user can hand the harness, one line each: configs, datasets, predictions
/// files, gate policies, run folders and output paths. See <see cref="BadInputCorpusTests"/>.
/// </summary>
internal static class BadInputCorpus
{
    private const string D = BadInputSandbox.Token;

    public static IEnumerable<BadInputCase> All() =>
        [.. Configs(), .. RunIds(), .. OutputPaths(), .. Datasets(), .. Predictions(), .. GatePolicies(), .. RunFolders()];

    private static string[] Eval(params string[] extra) => ["eval", "--config", $"{D}/eval.yaml", "--out", $"{D}/out", .. extra];

    private static FileEdit Config(string text) => Write("eval.yaml", text);

    // The valid config with one more top-level line (line 5).
    private static FileEdit Top(string line) => Replace("eval.yaml", "reports: []\n", $"reports: []\n{line}\n");

    // The valid config with part of its backend (lines 6 to 8) changed.
    private static FileEdit Backend(string old, string text) => Replace("eval.yaml", old, text);

    private static FileEdit Label(string yaml) => Backend("label: teacher", "label: " + yaml);

    private static IEnumerable<BadInputCase> Configs() =>
    [
        new("config: a flow mapping left open", Eval(), "eval.yaml:", Config("dataset: test.jsonl\nbackends:\n  - {label: a, plugin: Replay\n")),
        new("config: a tab for indentation", Eval(), "eval.yaml:", Config("dataset: test.jsonl\nbackends:\n\t- label: a\n")),
        new("config: an alias to no anchor", Eval(), "eval.yaml:1: malformed YAML", Config("dataset: *nowhere\n")),
        new("config: a key given twice", Eval(), "eval.yaml:", Config(BadInputSandbox.EvalYaml + "dataset: other.jsonl\n")),
        new("config: empty", Eval(), "eval.yaml: the config is empty", Config("")),
        new("config: missing file", ["eval", "--config", $"{D}/nope.yaml"], "nope.yaml: config file not found"),
        new("config: a folder", ["eval", "--config", D], "config file not found"),
        new("try: an empty intent", ["try", "", "--config", $"{D}/eval.yaml"], "the intent is empty"),
        new("try: missing config", ["try", "golden hour", "--config", $"{D}/nope.yaml"], "nope.yaml: config file not found"),
        new("try: an image that is not one", ["try", "golden hour", "--config", $"{D}/eval.yaml", "--image", $"{D}/test.jsonl"], "--image"),
        new("config: unknown top-level key", Eval(), "eval.yaml:5: datasets: unknown key", Top("datasets: x")),
        new("config: no dataset", Eval(), "eval.yaml:1: dataset: is required", Replace("eval.yaml", "dataset: test.jsonl\n", "")),
        new("config: no backends", Eval(), "backends: is required", Config("dataset: test.jsonl\n")),
        new("config: empty backend list", Eval(), "eval.yaml:2: backends: must be a non-empty list", Config("dataset: test.jsonl\nbackends: []\n")),
        new("config: backends not a list", Eval(), "eval.yaml:2: backends: must be a non-empty list", Config("dataset: test.jsonl\nbackends: teacher\n")),
        new("config: a backend that is a name", Eval(), "eval.yaml:3: backends[0]: must be a mapping", Config("dataset: test.jsonl\nbackends:\n  - teacher\n")),
        new("config: timeout_s 0", Eval(), "eval.yaml:5: timeout_s: must be a number > 0", Top("timeout_s: 0")),
        new("config: timeout_s NaN", Eval(), "eval.yaml:5: timeout_s: must be a number", Top("timeout_s: NaN")),
        new("config: timeout_s infinite", Eval(), "eval.yaml:5: timeout_s: must be a number", Top("timeout_s: .inf")),
        new("config: warmup negative", Eval(), "eval.yaml:3: warmup: must be a whole number >= 0", Replace("eval.yaml", "warmup: 0", "warmup: -1")),
        new("config: warmup past int", Eval(), "eval.yaml:3: warmup: must be a whole number", Replace("eval.yaml", "warmup: 0", "warmup: 99999999999")),
        new("config: limit a fraction", Eval(), "eval.yaml:5: limit: must be a whole number", Top("limit: 1.5")),
        new("config: seed a word", Eval(), "eval.yaml:5: seed: must be a whole number", Top("seed: abc")),
        new("config: batch_size 0", Eval(), "eval.yaml:9: backends[0].batch_size: must be a whole number >= 1", Backend("test.jsonl }\n", "test.jsonl }\n    batch_size: 0\n")),
        new("config: usd_per_hour negative", Eval(), "eval.yaml:9: backends[0].cost.usd_per_hour: must be a number >= 0", Backend("test.jsonl }\n", "test.jsonl }\n    cost: { usd_per_hour: -1 }\n")),
        new("config: hourly and token prices", Eval(), "eval.yaml:9: backends[0].cost: give either usd_per_hour", Backend("test.jsonl }\n", "test.jsonl }\n    cost: { usd_per_hour: 1, usd_per_1k_input_tokens: 1 }\n")),
        new("config: label with a slash", Eval(), "eval.yaml:6: backends[0].label: 'a/b' must be a folder-safe name", Label("a/b")),
        new("config: label with a backslash", Eval(), "eval.yaml:6: backends[0].label: 'a\\b' must be a folder-safe name", Label("a\\b")),
        new("config: label dot dot", Eval(), "eval.yaml:6: backends[0].label: '..' must be a folder-safe name", Label("..")),
        new("config: label empty", Eval(), "eval.yaml:6: backends[0].label: '' must be a folder-safe name", Label("\"\"")),
        new("config: label used twice", Eval(), "backends[1].label: label 'teacher' is used twice", Backend("test.jsonl }\n", "test.jsonl }\n  - {label: teacher, plugin: Replay}\n")),
        new("config: unknown scenario", Eval(), "eval.yaml:2: scenarios: unknown scenario 'servers'", Replace("eval.yaml", "[offline]", "[offline, servers]")),
        new("config: server scenario without its settings", Eval(), "eval.yaml:2: scenarios: the server scenario needs a top-level 'server:' section", Replace("eval.yaml", "[offline]", "[offline, server]")),
        new("config: server target_qps 0", Eval(), "eval.yaml:5: server.target_qps: must be a number > 0", Top("server: { target_qps: 0, latency_bound_ms: 100 }")),
        new("config: server target_qps negative", Eval(), "eval.yaml:5: server.target_qps: must be a number > 0", Top("server: { target_qps: -5, latency_bound_ms: 100 }")),
        new("config: server latency bound 0", Eval(), "eval.yaml:5: server.latency_bound_ms: must be a number > 0", Top("server: { target_qps: 20, latency_bound_ms: 0 }")),
        new("config: server percentile 100", Eval(), "eval.yaml:5: server.percentile: must be a number > 0 and < 100", Top("server: { target_qps: 20, latency_bound_ms: 100, percentile: 100 }")),
        new("config: server percentile 0", Eval(), "eval.yaml:5: server.percentile: must be a number > 0 and < 100", Top("server: { target_qps: 20, latency_bound_ms: 100, percentile: 0 }")),
        new("config: server duration and rows", Eval(), "eval.yaml:5: server: give either duration_s or rows", Top("server: { target_qps: 20, latency_bound_ms: 100, duration_s: 5, rows: 10 }")),
        new("config: server without a bound", Eval(), "eval.yaml:5: server.latency_bound_ms: is required", Top("server: { target_qps: 20 }")),
        new("config: backend target_qps 0", Eval(), "eval.yaml:9: backends[0].target_qps: must be a number > 0", Backend("test.jsonl }\n", "test.jsonl }\n    target_qps: 0\n")),
        new("config: no scenario", Eval(), "eval.yaml:2: scenarios: needs at least one scenario", Replace("eval.yaml", "[offline]", "[]")),
        new("config: floor names no backend", Eval(), "eval.yaml:5: floor: 'retrieval' is not the label of a backend", Top("floor: retrieval")),
        new("config: options a list", Eval(), "eval.yaml:8: backends[0].options: must be a mapping", Backend("{ dataset: test.jsonl }", "[a, b]")),
        new("config: option value a list", Eval(), "eval.yaml:8: backends[0].options.dataset: must be a single value", Backend("{ dataset: test.jsonl }", "{ dataset: [a] }")),
        new("config: blank model_id", Eval(), "eval.yaml:9: backends[0].model_id: must be a name", Backend("test.jsonl }\n", "test.jsonl }\n    model_id: \"  \"\n")),
        new("config: unknown plugin", Eval(), "backends[0].plugin: unknown plugin 'Onyx'", Backend("plugin: Replay", "plugin: Onyx")),
        new("config: unknown plugin option", Eval(), "backends[0].options.datset: Replay has no option 'datset'", Backend("{ dataset: test.jsonl }", "{ datset: test.jsonl }")),
        new("config: unknown report writer", Eval(), "reports[0]: unknown report writer 'pdf'", Replace("eval.yaml", "reports: []", "reports: [pdf]")),
        new("config: dataset not found", Eval(), "missing.jsonl: dataset file not found", Replace("eval.yaml", "dataset: test.jsonl", "dataset: missing.jsonl")),
        new("config: dataset with a bad row", Eval(), "test.jsonl:1: repeats: expected an integer >= 1, got 0", Write("test.jsonl", DatasetFixture.Row("test-00001", "golden hour", 0, null, null, null))),
        new("config: a flow list left open", Eval(), "eval.yaml:1: malformed YAML", Config("dataset: [unclosed\nbackends: []\n")),
        new("config: not a mapping", Eval(), "eval.yaml:1: the config must be a mapping", Config("just some text\n")),
        new("config: timeout_s 1e12", Eval(), "eval.yaml:5: timeout_s: must be a number > 0 and <= 3600", Top("timeout_s: 1e12")),
        new("config: start_timeout_s 0", Eval(), "eval.yaml:5: start_timeout_s: must be a number > 0 and <= 3600", Top("start_timeout_s: 0")),
        new("config: start_timeout_s 1e12", Eval(), "eval.yaml:5: start_timeout_s: must be a number > 0 and <= 3600", Top("start_timeout_s: 1e12")),
        new("config: an unknown isolation", Eval(), "eval.yaml:9: backends[0].isolation: 'sideways' is not an isolation; valid: in-process, process", Backend("test.jsonl }\n", "test.jsonl }\n    isolation: sideways\n")),
        new("bench: no rounds", ["bench", "--config", $"{D}/eval.yaml", "--rounds", "0"], "--rounds and --intents must be at least 1"),
        new("bench: an unknown label", ["bench", "--config", $"{D}/eval.yaml", "--backends", "nope"], "--backends: 'nope' is not a backend of"),
        new("bench: a backend that cannot start", ["bench", "--config", $"{D}/eval.yaml"], "backends[0] (teacher) failed to start:", Backend("dataset: test.jsonl }", "dataset: missing.jsonl }")),
        new("config: timeout_s 5000000", Eval(), "eval.yaml:5: timeout_s: must be a number > 0 and <= 3600", Top("timeout_s: 5000000")),
        new("config: concurrency 0", Eval(), "eval.yaml:9: backends[0].concurrency: must be a whole number >= 1", Backend("test.jsonl }\n", "test.jsonl }\n    concurrency: 0\n")),
        new("config: concurrency 65", Eval(), "eval.yaml:9: backends[0].concurrency: must be a whole number >= 1 and <= 64", Backend("test.jsonl }\n", "test.jsonl }\n    concurrency: 65\n")),
        new("config: concurrency with process isolation", Eval(), "backends[0].concurrency: 2 calls at once need the backend in process", Backend("test.jsonl }\n", "test.jsonl }\n    isolation: process\n    concurrency: 2\n")),
        new("config: batch_size 100000", Eval(), "eval.yaml:9: backends[0].batch_size: must be a whole number >= 1 and <= 1024", Backend("test.jsonl }\n", "test.jsonl }\n    batch_size: 100000\n")),
        new("config: usd_per_hour 1e300", Eval(), "eval.yaml:9: backends[0].cost.usd_per_hour: must be a number >= 0 and <= 1000000", Backend("test.jsonl }\n", "test.jsonl }\n    cost: { usd_per_hour: 1e300 }\n")),
        new("config: token price 1e300", Eval(), "eval.yaml:9: backends[0].cost.usd_per_1k_input_tokens: must be a number >= 0 and <= 1000", Backend("test.jsonl }\n", "test.jsonl }\n    cost: { usd_per_1k_input_tokens: 1e300 }\n")),
        new("config: label with a control character", Eval(), "eval.yaml:6: backends[0].label: 'a\\u0001b' must be a folder-safe name", Label("\"a\\x01b\"")),
        new("config: label with a tab", Eval(), "eval.yaml:6: backends[0].label: 'a\\tb' must be a folder-safe name", Label("\"a\\tb\"")),
        new("config: label with a line break", Eval(), "eval.yaml:6: backends[0].label: 'a\\nb' must be a folder-safe name", Label("\"a\\nb\"")),
        new("config: label with markup", Eval(), "eval.yaml:6: backends[0].label: '<script>' must be a folder-safe name", Label("\"<script>\"")),
        new("config: label too long", Eval(), "eval.yaml:6: backends[0].label: ", Label(new string('a', 101))),
        new("config: dataset a folder", Eval(), "dataset file not found", Replace("eval.yaml", "dataset: test.jsonl", "dataset: .")),
        new("config: filters not found", Eval(), "nope.txt", Top("filters: nope.txt")),
        new("config: prompt_template a list", Eval(), "eval.yaml:5: prompt_template: must be a single value", Top("prompt_template: [a, b]")),
        new("config: scenarios a mapping", Eval(), "eval.yaml:2: scenarios: must be a list", Replace("eval.yaml", "[offline]", "{a: b}")),
    ];

    private static IEnumerable<BadInputCase> RunIds() =>
    [
        new("run id: resume of nothing", Eval("--resume"), "nothing to resume"),
        new("run id: a run already there", ["eval", "--config", $"{D}/eval.yaml", "--out", $"{D}/run"], "a run already exists there"),
        new("run id: parent folders", ["eval", "--config", $"{D}/eval.yaml", "--run-id", "../../x"], "--run-id: '../../x' must be a folder-safe name"),
        new("run id: absolute path", ["eval", "--config", $"{D}/eval.yaml", "--run-id", $"{D}/abs"], "--run-id: "),
        new("run id: dot dot", ["eval", "--config", $"{D}/eval.yaml", "--run-id", ".."], "--run-id: '..' must be a folder-safe name"),
        new("run id: empty", ["eval", "--config", $"{D}/eval.yaml", "--run-id", ""], "--run-id: '' must be a folder-safe name"),
        new("run id: a line break", ["eval", "--config", $"{D}/eval.yaml", "--run-id", "a\nb"], "--run-id: 'a\\nb' must be a folder-safe name"),
        new("run id: from an --out folder with markup", ["eval", "--config", $"{D}/eval.yaml", "--out", $"{D}/<b>"], "the run id is the --out folder's name; pass --run-id"),
    ];

    private static IEnumerable<BadInputCase> OutputPaths()
    {
        string[] score = ["score", "--dataset", $"{D}/test.jsonl", "--predictions", $"{D}/preds.jsonl", "--out"];
        string[] mistakes = ["mistakes", "--dataset", $"{D}/test.jsonl", "--predictions", $"{D}/preds.jsonl", "--out"];
        var cases = new List<BadInputCase>
        {
            new("out: eval into a file", ["eval", "--config", $"{D}/eval.yaml", "--out", $"{D}/test.jsonl"], $"--out {D}/test.jsonl: cannot write there"),
            new("out: try into a file", ["try", "golden hour", "--config", $"{D}/eval.yaml", "--out", $"{D}/test.jsonl"], $"--out {D}/test.jsonl: cannot write there"),
            new("out: eval under a file", ["eval", "--config", $"{D}/eval.yaml", "--out", $"{D}/test.jsonl/run"], $"--out {D}/test.jsonl/run: cannot write there"),
            new("out: score into a file", [.. score, $"{D}/test.jsonl"], $"--out {D}/test.jsonl: cannot write there"),
            new("out: score under a file", [.. score, $"{D}/test.jsonl/out"], $"--out {D}/test.jsonl/out: cannot write there"),
            new("out: mistakes into a folder", [.. mistakes, D], $"--out {D}: cannot write there"),
            new("out: mistakes under a file", [.. mistakes, $"{D}/test.jsonl/m.jsonl"], $"--out {D}/test.jsonl/m.jsonl: cannot write there"),
            new("out: report into a file", ["report", $"{D}/run", "--out", $"{D}/test.jsonl"], $"--out {D}/test.jsonl: cannot write there"),
            new("out: compare under a file", ["compare", $"{D}/run", "--out", $"{D}/test.jsonl/cmp"], $"--out {D}/test.jsonl/cmp: cannot write there"),
            new("out: gate into a file", ["gate", "--policy", $"{D}/gate.yaml", "--candidate", $"{D}/run/teacher", "--out", $"{D}/test.jsonl"], $"--out {D}/test.jsonl: cannot write there"),
            new("out: datagen into a file", ["datagen", "--out", $"{D}/test.jsonl"], $"{D}/test.jsonl: cannot write the dataset there"),
        };
        if (!OperatingSystem.IsLinux()) return cases;

        // Paths no user can write to, and a device where every write fails with "no space left on device".
        cases.AddRange(
        [
            new("out: eval under /sys", ["eval", "--config", $"{D}/eval.yaml", "--out", "/sys/harness-run"], "--out /sys/harness-run: cannot write there"),
            new("out: score under /sys", [.. score, "/sys/harness-score"], "--out /sys/harness-score: cannot write there"),
            new("out: eval into /dev/full", ["eval", "--config", $"{D}/eval.yaml", "--out", "/dev/full"], "--out /dev/full: cannot write there"),
            new("out: mistakes onto a full disk", [.. mistakes, "/dev/full"], "--out /dev/full: cannot write there", Replace("preds.jsonl", "faded_HighNoon", "mono_Classic")),
            new("out: score onto a full disk", [.. score, $"{D}/scored"], $"--out {D}/scored: cannot write there", DiskFull("scored/metrics.json")),
            new("out: eval results onto a full disk", Eval(), $"{D}/out: cannot write the run folder (No space left on device", DiskFull("out/teacher/offline/metrics.json")),
            new("out: eval report onto a full disk", Eval(), "report 'markdown' could not be written", Replace("eval.yaml", "reports: []", "reports: [markdown]"), DiskFull("out/report.md")),
            new("out: report onto a full disk", ["report", $"{D}/run", "--writers", "html"], "report 'html' could not be written", DiskFull("run/index.html")),
        ]);
        return cases;
    }

    private static readonly string[] Validate = ["validate", $"{D}/test.jsonl"];

    private static FileEdit Rows(params string[] lines) => Write("test.jsonl", string.Join("\n", lines) + "\n");

    private static string Row(string? adjust = null, string? filter = null, int repeats = 1, string id = "test-00001") =>
        DatasetFixture.Row(id, "golden hour", repeats, adjust, null, filter);

    private static IEnumerable<BadInputCase> Datasets() =>
    [
        new("dataset: a truncated line", Validate, "test.jsonl:1: not valid JSON", Rows(Row()[..40])),
        new("dataset: a parameter not a number", Validate, "test.jsonl:1: teacher.adjust.contrast: expected a number", Rows(Row(adjust: DatasetFixture.Adjust().Replace("\"contrast\":0", "\"contrast\":\"high\"")))),
        new("dataset: a parameter past double", Validate, "test.jsonl:1: teacher.adjust.contrast", Rows(Row(adjust: DatasetFixture.Adjust().Replace("\"contrast\":0", "\"contrast\":1e400")))),
        new("dataset: repeats 0", Validate, "test.jsonl:1: repeats: expected an integer >= 1", Rows(Row(repeats: 0))),
        new("dataset: repeats a string", Validate, "test.jsonl:1: repeats: expected an integer >= 1", Rows(Row().Replace("\"repeats\":1", "\"repeats\":\"1\""))),
        new("dataset: an unknown filter", Validate, "test.jsonl:1: teacher.filter", Rows(Row(filter: DatasetFixture.Filter("sepia_Dream", 50)))),
        new("dataset: a line that is a list", Validate, "test.jsonl:1: row: expected a JSON object", Rows("[1, 2]")),
        new("dataset: an id that is a number", Validate, "test.jsonl:1: id: expected a string", Rows(Row().Replace("\"test-00001\"", "7"))),
        new("dataset: an id twice", Validate, "test.jsonl:2: id: duplicate id 'test-00001'", Rows(Row(), Row().Replace("golden hour", "blue hour"))),
        new("dataset: negative exports", Validate, "test.jsonl:1: exports.filter: expected an integer >= 0", Rows(DatasetFixture.Row("test-00001", "golden hour", 1, null, null, null, "{\"filter\":-1}"))),
        new("dataset: an unknown field", Validate, "test.jsonl:1: colour: unknown field", Rows(Row().Replace("{\"id\"", "{\"colour\":1,\"id\""))),
        new("dataset: empty", Validate, "test.jsonl: the file is empty", Rows()),
        new("dataset: missing", ["validate", $"{D}/none.jsonl"], "none.jsonl: dataset file not found"),
        new("dataset: a key twice in the row", Validate, "test.jsonl:1: id: duplicate key", Rows(Row().Replace("{\"id\":\"test-00001\"", "{\"id\":\"test-00001\",\"id\":\"test-00009\""))),
        new("dataset: a parameter twice", Validate, "test.jsonl:1: teacher.adjust.contrast: duplicate key", Rows(Row(adjust: DatasetFixture.Adjust().Replace("\"contrast\":0", "\"contrast\":0,\"contrast\":90")))),
        new("dataset: a tool twice", Validate, "test.jsonl:1: teacher.filter: duplicate key", Rows(Row().Replace("\"filter\":null", "\"filter\":null,\"filter\":null"))),
        new("dataset: a colour twice", Validate, "test.jsonl:1: teacher.selective_adjust.red: duplicate key", Rows(DatasetFixture.Row("test-00001", "golden hour", 1, null, DatasetFixture.Selective().Replace("{\"red\":", "{\"red\":{},\"red\":"), null))),
    ];

    private static readonly string[] Score = ["score", "--dataset", $"{D}/test.jsonl", "--predictions", $"{D}/preds.jsonl", "--out", $"{D}/scored"];

    private static IEnumerable<BadInputCase> Predictions() =>
    [
        new("predictions: a truncated line", Score, "preds.jsonl:1: not valid JSON", Write("preds.jsonl", "{\"id\":\"test-00001\",\"outp\n")),
        new("predictions: an id not in the dataset", Score, "preds.jsonl:1: id: 'test-99999' is not in", Write("preds.jsonl", "{\"id\":\"test-99999\",\"outputs\":{}}\n")),
        new("predictions: an id twice", Score, "preds.jsonl:2: id: duplicate id 'test-00001'", Write("preds.jsonl", "{\"id\":\"test-00001\",\"outputs\":{}}\n{\"id\":\"test-00001\",\"outputs\":{}}\n")),
        new("predictions: no outputs", Score, "preds.jsonl:1: outputs: missing", Write("preds.jsonl", "{\"id\":\"test-00001\"}\n")),
        new("predictions: an unknown tool", Score, "preds.jsonl:1: outputs.crop: unknown tool", Write("preds.jsonl", "{\"id\":\"test-00001\",\"outputs\":{\"crop\":null}}\n")),
        new("predictions: a line that is a number", Score, "preds.jsonl:1: line: expected a JSON object", Write("preds.jsonl", "42\n")),
        new("predictions: empty", Score, "preds.jsonl: the file is empty", Write("preds.jsonl", "\n")),
        new("predictions: missing", Score, "preds.jsonl: predictions file not found", Delete("preds.jsonl")),
        new("predictions: a filter catalogue not found", [.. Score, "--filters", $"{D}/nope.txt"], "nope.txt"),
    ];

    private static readonly string[] Gate = ["gate", "--policy", $"{D}/gate.yaml", "--candidate", $"{D}/run/teacher", "--out", $"{D}/gate-out"];

    private static FileEdit Policy(string text) => Write("gate.yaml", text);

    private static IEnumerable<BadInputCase> GatePolicies() =>
    [
        new("gate: a flow list left open", Gate, "gate.yaml:2: malformed YAML", Policy("min_overall: [0.5\n")),
        new("gate: a key twice", Gate, "gate.yaml:", Policy("min_overall: 0.5\nmin_overall: 0.6\n")),
        new("gate: unknown key", Gate, "gate.yaml:1: min_overal: unknown key", Policy("min_overal: 0.5\n")),
        new("gate: min_overall above 1", Gate, "gate.yaml:1: min_overall: must be at most 1", Policy("min_overall: 1.5\n")),
        new("gate: min_overall a word", Gate, "gate.yaml:1: min_overall: expected a number", Policy("min_overall: high\n")),
        new("gate: a negative margin", Gate, "gate.yaml:2: non_inferiority.overall: must not be negative", Policy("non_inferiority:\n  overall: -0.1\n")),
        new("gate: unknown subset", Gate, "gate.yaml:1: subset: expected one of all, r3, r5", Policy("subset: r7\n")),
        new("gate: unknown tool", Gate, "gate.yaml:2: min_tool_final.crop: unknown tool", Policy("min_tool_final:\n  crop: 0.5\n")),
        new("gate: too few resamples", Gate, "gate.yaml:2: bootstrap.resamples: must be at least 100", Policy("bootstrap:\n  resamples: 5\n")),
        new("gate: zero latency", Gate, "gate.yaml:2: max_p95_latency_ms.offline: must be more than 0", Policy("max_p95_latency_ms:\n  offline: 0\n")),
        new("gate: not a mapping", Gate, "gate.yaml: expected a mapping of policy keys", Policy("- min_overall\n")),
        new("gate: missing policy", Gate, "gate.yaml: policy file not found", Delete("gate.yaml")),
        new("gate: no baseline for a comparison", Gate, "baseline", Policy("non_inferiority:\n  overall: 0.05\n")),
        new("gate: candidate folder missing", ["gate", "--policy", $"{D}/gate.yaml", "--candidate", $"{D}/run/nobody"], "run/nobody: folder not found"),
        new("gate: a key that is a list", Gate, "gate.yaml:1: policy: keys must be plain names", Policy("? [a, b]\n: 1\n")),
        new("gate: min_overall NaN", Gate, "gate.yaml:1: min_overall: expected a number", Policy("min_overall: NaN\n")),
    ];

    private const string Metrics = "run/teacher/offline/metrics.json";

    private static IEnumerable<BadInputCase> RunFolders() =>
    [
        new("run folder: missing", ["report", $"{D}/nothing"], "nothing: folder not found"),
        new("shard folder: missing", ["merge", $"{D}/nothing", "--out", $"{D}/merged"], "nothing: shard folder not found"),
        new("shard folder: a whole run, not a shard", ["merge", $"{D}/run", "--out", $"{D}/merged"], "run.json: not a shard (its run.json records no shard)"),
        new("shard folder: run.json not JSON", ["merge", $"{D}/shard", "--out", $"{D}/merged"], "run.json: not valid JSON", Write("shard/run.json", "{\"id\":")),
        new("shard folder: a shard index past the count", ["merge", $"{D}/shard", "--out", $"{D}/merged"], "run.json: not a readable run.json (shard: expected an index from 0 to count-1",
            Write("shard/run.json", "{\"shard\":{\"index\":3,\"count\":3}}")),
        new("shard option: not i/n", Eval("--shard", "2"), "--shard 2: expected i/n"),
        new("launch: no shards", ["launch", "slurm", "--config", $"{D}/eval.yaml", "--shards", "0", "--out", $"{D}/launched"], "--shards 0: expected a number of shards from 1"),
        new("run folder: no results", ["report", D], $"{D}: no metrics.json here"),
        new("run folder: run.json not JSON", ["report", $"{D}/run"], "run.json: not valid JSON", Write("run/run.json", "{\"id\":")),
        new("run folder: metrics.json not JSON", ["report", $"{D}/run"], "metrics.json", Write(Metrics, "{\"schema\":")),
        new("run folder: a failed backend named with parent folders", ["report", $"{D}/run"], "run.json: backends: '../../evil' must be a folder-safe name",
            Write("run/run.json", "{\"backends\":{\"../../evil\":{\"plugin\":\"Replay\",\"error\":\"boom\"}}}")),
        new("run folder: a failed backend named with a control character", ["report", $"{D}/run"], "run.json: backends: 'a\\u0007b' must be a folder-safe name",
            Write("run/run.json", "{\"backends\":{\"a\\u0007b\":{\"plugin\":\"Replay\",\"error\":\"boom\"}}}")),
        new("run folder: a scenario with parent folders", ["report", $"{D}/run"], "metrics.json: run.scenario: '../../x' must be a folder-safe name", Replace(Metrics, "\"scenario\": \"offline\"", "\"scenario\": \"../../x\"")),
        new("run folder: an absolute scenario", ["report", $"{D}/run"], "metrics.json: run.scenario: '/tmp/x' must be a folder-safe name", Replace(Metrics, "\"scenario\": \"offline\"", "\"scenario\": \"/tmp/x\"")),
        new("run folder: a label folder with markup", ["report", $"{D}/run"], "'<b>' must be a folder-safe name",
            Write("run/<b>/offline/metrics.json", "{}")),
        new("run folder: compare of a crafted scenario", ["compare", $"{D}/run", "--out", $"{D}/cmp"], "metrics.json: run.scenario: '../x' must be a folder-safe name", Replace(Metrics, "\"scenario\": \"offline\"", "\"scenario\": \"../x\"")),
        new("run folder: resume with run.json not JSON", Eval("--resume"), "run.json", Write("out/run.json", "{")),
        new("run folder: metrics.json of another schema", ["report", $"{D}/run"], "metrics.json", Write(Metrics, "{}")),
        new("run folder: predictions.jsonl truncated", ["report", $"{D}/run"], "predictions.jsonl:1", Write("run/teacher/offline/predictions.jsonl", "{\"id\":")),
        new("run folder: an unknown report writer", ["report", $"{D}/run", "--writers", "pdf"], "unknown report writer 'pdf'"),
        new("run folder: a gate baseline missing", ["gate", "--policy", $"{D}/gate.yaml", "--candidate", $"{D}/run/teacher", "--baseline", $"{D}/run/nobody"], "run/nobody: folder not found"),
    ];
}
