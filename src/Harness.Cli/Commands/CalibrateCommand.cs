using System.CommandLine;
using System.Globalization;
using Harness.Cli.Progress;
using Harness.Api;
using Harness.Running;
using Harness.Tools;

namespace Harness.Cli.Commands;

/// <summary>
/// <c>harness calibrate --config C --backend LABEL [--validation FILE] [--out FILE] [--run-out DIR]</c>: runs one
/// backend of a config over the validation split, chooses per tool the threshold on its not-used
/// probability that maximises selection F1 there, and writes the thresholds file that option
/// <c>selection_thresholds</c> applies. The run folder (its predictions) is kept.
/// </summary>
internal static class CalibrateCommand
{
    public static Command Create()
    {
        var config = new Option<string>("--config") { Description = "The evaluation config (YAML) that defines the backend.", Required = true };
        var backend = new Option<string>("--backend") { Description = "The label of the backend to calibrate.", Required = true };
        var validation = new Option<string?>("--validation") { Description = "The validation split; default: validation.jsonl beside the config's dataset (harness datagen writes it)." };
        var output = new Option<string?>("--out") { Description = "The thresholds file to write; default: selection-thresholds.json in the run folder." };
        var runOut = new Option<string?>("--run-out") { Description = "The folder of the validation run (its predictions are kept); default: reports/calibrate-<label>-<UTC time>." };
        var plugins = PluginsCommand.PluginsOption();
        var command = new Command("calibrate", "Choose per-tool selection thresholds for one backend on the validation split (option selection_thresholds applies them).");
        foreach (var option in new Option[] { config, backend, validation, output, runOut, plugins })
            command.Options.Add(option);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var harness = new HarnessContext(new HarnessContextOptions { PluginDirectory = parse.GetValue(plugins) });
            var evalConfig = harness.Evaluation.LoadConfig(parse.GetValue(config)!);
            var label = parse.GetValue(backend)!;
            var validationPath = parse.GetValue(validation) ?? Calibration.DefaultValidation(evalConfig);
            var plan = Calibration.ForValidation(evalConfig, label, validationPath);
            var now = DateTimeOffset.UtcNow;
            var runFolder = parse.GetValue(runOut);
            var id = runFolder is null ? $"calibrate-{plan.Backends[0].Label}-{now.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}" : null;
            var options = harness.Evaluation.CreateRunOptions(runFolder, id);
            var outFile = Path.GetFullPath(parse.GetValue(output) ?? Path.Combine(options.RunDirectory, "selection-thresholds.json"));
            OutputPath.CheckFolder(Path.GetDirectoryName(outFile)!, "--out");
            stdout.WriteLine($"calibrating {plan.Backends[0].Label} on {plan.Dataset} -> {options.RunDirectory}");

            var report = await ProgressDisplay.RunAsync(sink => harness.Evaluation.RunAsync(plan, options, sink, cancellationToken), stdout);
            var result = report.Results.Single();
            var relative = Path.GetRelativePath(Path.GetDirectoryName(outFile)!, plan.Dataset);
            var thresholds = Calibration.Fit(result, report.Dataset, plan.Backends[0], relative);
            OutputPath.Write(outFile, "--out", () =>
            {
                AtomicFile.WriteAllText(outFile, thresholds.ToJson());
                return outFile;
            }, isFile: true);

            foreach (var tool in ToolSchema.All)
            {
                var t = thresholds.Tools[tool];
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {tool.WireName()}: threshold {t.Threshold:0.####}; validation selection F1 {t.F1Before:0.000} greedy -> {t.F1After:0.000} calibrated"));
            }
            stdout.WriteLine($"wrote {outFile}");
            return ExitCodes.Success;
        });
        return command;
    }
}
