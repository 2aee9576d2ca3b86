using System.CommandLine;
using System.Globalization;
using Harness.Api;
using Harness.Benchmarking;
using Harness.Running;

namespace Harness.Cli.Commands;

/// <summary>
/// <c>harness bench --config eval.yaml --backends a,b</c>: the configured backends' speed side by side
/// in one run (<see cref="PairedBenchmark"/>), printed as a Markdown table of medians and of ratios
/// to the first backend. Nothing is scored or written.
/// </summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var config = new Option<string>("--config") { Description = "The evaluation config (YAML) whose backends to measure, e.g. eval.yaml.", Required = true };
        var backends = new Option<string?>("--backends") { Description = "Comma-separated labels to measure, in order (the first is the reference); default: all." };
        var rounds = new Option<int>("--rounds") { Description = "Measured rounds.", DefaultValueFactory = _ => 10 };
        var intents = new Option<int>("--intents") { Description = "Intents per round.", DefaultValueFactory = _ => 20 };
        var isolation = new Option<string>("--isolation")
        {
            Description = "as-configured, in-process, process, or both (each backend twice: in-process and '+process').",
            DefaultValueFactory = _ => "as-configured",
        };
        isolation.AcceptOnlyFromAmong("as-configured", "in-process", "process", "both");
        var plugins = PluginsCommand.PluginsOption();
        var command = new Command("bench", "Measure backends' speed side by side, round by round in rotating order: a table of ratios to the first.");
        foreach (var option in new Option[] { config, backends, rounds, intents, isolation, plugins })
            command.Options.Add(option);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var harness = new HarnessContext(new HarnessContextOptions { PluginDirectory = parse.GetValue(plugins) });
            var evalConfig = harness.Evaluation.LoadConfig(parse.GetValue(config)!);
            var (roundCount, perRound) = (parse.GetValue(rounds), parse.GetValue(intents));
            if (roundCount < 1 || perRound < 1) throw new InputException("--rounds and --intents must be at least 1.");
            var sides = Select(evalConfig, parse.GetValue(backends), parse.GetValue(isolation)!)
                .Select(e => new BenchSide(e, harness.Backends.Catalog.Find(e.Plugin, $"{evalConfig.SourcePath}: backends[{e.Index}].plugin")))
                .ToList();
            var dataset = harness.Data.Load(evalConfig.Dataset, evalConfig.Filters);
            var results = await PairedBenchmark.RunAsync(
                evalConfig, sides, dataset.Rows, roundCount, perRound, evalConfig.Scenarios, line => stdout.WriteLine(line), cancellationToken);
            Print(stdout, evalConfig, sides, results, roundCount, perRound);
            return ExitCodes.Success;
        });
        return command;
    }

    private static List<BackendConfig> Select(EvalConfig config, string? labels, string isolation)
    {
        var chosen = config.Backends.ToList();
        if (!string.IsNullOrWhiteSpace(labels))
        {
            chosen = [];
            foreach (var label in labels.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                chosen.Add(config.Backends.FirstOrDefault(b => b.Label == label) ?? throw new InputException(
                    $"--backends: '{label}' is not a backend of {config.SourcePath}; labels: {string.Join(", ", config.Backends.Select(b => b.Label))}"));
            }
        }
        return isolation switch
        {
            "in-process" => [.. chosen.Select(b => b with { Isolation = BackendIsolation.InProcess })],
            "process" => [.. chosen.Select(b => b with { Isolation = BackendIsolation.Process })],
            "both" => [.. chosen.SelectMany(b => new[]
            {
                b with { Isolation = BackendIsolation.InProcess },
                b with { Label = b.Label + "+process", Isolation = BackendIsolation.Process },
            })],
            _ => chosen,
        };
    }

    private static void Print(TextWriter output, EvalConfig config, List<BenchSide> sides, IReadOnlyList<BenchResult> results, int rounds, int intents)
    {
        var inv = CultureInfo.InvariantCulture;
        var environment = EnvironmentProbe.Capture(config.BaseDirectory);
        var reference = sides[0].Entry.Label;
        output.WriteLine();
        output.WriteLine($"{rounds} rounds of {intents} intents, backends in rotating order, on {environment.Cpu} ({environment.CpuCores} cores), {DateTime.UtcNow.ToString("yyyy-MM-dd", inv)}.");
        output.WriteLine($"ms/intent: median over the rounds; x {reference}: median of the per-round ratios; same output: calls whose raw text equals {reference}'s.");
        output.WriteLine();
        var scenarios = config.Scenarios;
        output.WriteLine("| backend | plugin | isolation | " + string.Join(" | ", scenarios.Select(s => $"{s} ms/intent | x {reference}")) + " | same output |");
        output.WriteLine("|---|---|---|" + string.Concat(scenarios.Select(_ => "---:|---:|")) + "---:|");
        foreach (var side in sides)
        {
            var mine = results.Where(r => r.Label == side.Entry.Label).ToList();
            var isolation = side.Entry.IsolationWith(side.Plugin) == BackendIsolation.Process ? "process" : "in-process";
            var cells = scenarios.Select(s => mine.First(r => r.Scenario == s)).Select(r => string.Create(inv, $"{r.MsPerIntent:0.000} | {r.RatioToFirst:0.00}"));
            var same = mine.Min(r => r.IdenticalToFirst);
            output.WriteLine(string.Create(inv, $"| {side.Entry.Label} | {side.Plugin.Name} | {isolation} | {string.Join(" | ", cells)} | {same:P1} |"));
        }
    }
}
