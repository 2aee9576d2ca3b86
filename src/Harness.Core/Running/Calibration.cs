using System.Collections.Immutable;
using Harness.Backends;
using Harness.Datasets;
using Harness.Metrics.Calibration;
using Harness.Runs;
using Harness.Tools;

namespace Harness.Running;

/// <summary>
/// <c>harness calibrate</c>'s two halves: the config that runs one backend of an eval config over the
/// validation split (<see cref="ForValidation"/>), and the thresholds fitted on what it answered
/// (<see cref="Fit"/>, <see cref="ThresholdChooser"/>).
/// </summary>
public static class Calibration
{
    /// <summary>The default validation split: <c>validation.jsonl</c> beside the config's dataset (what <c>harness datagen</c> writes).</summary>
    public static string DefaultValidation(EvalConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return Path.Combine(Path.GetDirectoryName(config.Dataset)!, "validation.jsonl");
    }

    /// <summary>
    /// <paramref name="config"/> reduced to the backend labelled <paramref name="label"/>, without its own
    /// <c>selection_thresholds</c> (calibration reads the plain answers), run offline over every row of
    /// <paramref name="validation"/>, writing no reports. The validation file must not be the config's dataset.
    /// </summary>
    public static EvalConfig ForValidation(EvalConfig config, string label, string validation)
    {
        ArgumentNullException.ThrowIfNull(config);
        var backend = config.Backends.FirstOrDefault(b => string.Equals(b.Label, label, StringComparison.OrdinalIgnoreCase))
            ?? throw new InputException($"--backend {label}: {config.SourcePath} has no backend labelled so; its labels: {string.Join(", ", config.Backends.Select(b => b.Label))}.");
        var path = Path.GetFullPath(validation);
        if (!File.Exists(path))
            throw new InputException($"{path}: validation split not found; write it with harness datagen (validation.jsonl) or pass --validation.");
        if (File.Exists(config.Dataset) && FileHash.Sha256(path) == FileHash.Sha256(config.Dataset))
            throw new InputException($"--validation {path}: it is the file {config.SourcePath} evaluates ({config.Dataset}); calibrate on the validation split, never on the split you report.");
        var plain = backend with { Options = backend.Options.Remove(SelectionThresholds.Option.Name) };
        return config with
        {
            Dataset = path,
            Backends = [plain],
            Scenarios = [ScenarioNames.Offline],
            Reports = [],
            Warmup = 0,
            Limit = 0,
        };
    }

    /// <summary>
    /// Each tool's threshold from one backend's validation calls. A backend that failed, or that gave no
    /// not-used probability on any call, is an <see cref="InputException"/> naming it.
    /// </summary>
    /// <param name="result">The backend's offline result on the validation split.</param>
    /// <param name="dataset">The validation split it ran over.</param>
    /// <param name="backend">Its config entry.</param>
    /// <param name="validationAsWritten">The validation path to record in the file.</param>
    public static SelectionThresholds Fit(BackendRunResult result, Dataset dataset, BackendConfig backend, string validationAsWritten)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(backend);
        if (result.Error is not null) throw new InputException($"backend {backend.Label} ({backend.Plugin}) failed on the validation split: {result.Error}");
        var calls = result.Calls.Where(c => !c.Warmup).ToLookup(c => (c.IntentId, c.Tool));
        if (!result.Calls.Any(c => c.NotUsedProbability is not null))
            throw new InputException(
                $"backend {backend.Label} ({backend.Plugin}) reported no not-used probability on any of its {result.Calls.Length} validation calls; calibrate needs a backend that fills ToolResponse.NotUsedProbability (Onnx, HfT5, TorchSharp, LlamaCpp, MlNet, Retrieval).");
        var tools = ImmutableSortedDictionary.CreateBuilder<ToolName, ToolThreshold>();
        foreach (var tool in ToolSchema.All)
        {
            var rows = dataset.Rows.Select(row => calls[(row.Id, tool)].FirstOrDefault() is { } call
                ? new CalibrationCall(row.TeacherFor(tool) is not null, call.Parsed.Used, call.NotUsedProbability)
                : new CalibrationCall(row.TeacherFor(tool) is not null, false, null)).ToList();
            tools[tool] = ThresholdChooser.Choose(rows);
        }
        return new SelectionThresholds(backend.Label, backend.Plugin, result.Metrics.Run.ModelSha256, validationAsWritten.Replace('\\', '/'), dataset.Sha256, tools.ToImmutable());
    }
}
