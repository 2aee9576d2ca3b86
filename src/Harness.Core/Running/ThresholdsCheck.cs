using Harness.Backends;

namespace Harness.Running;

/// <summary>
/// Calibration is chosen on validation and applied elsewhere, never on the same rows: a backend whose
/// <c>selection_thresholds</c> were fitted on the very file a run evaluates (the same SHA-256) is refused.
/// </summary>
public static class ThresholdsCheck
{
    /// <summary>Throws an <see cref="InputException"/> naming both files when a backend's thresholds were fitted on <paramref name="datasetPath"/>.</summary>
    public static void Refuse(EvalConfig config, string datasetPath, string datasetSha256)
    {
        ArgumentNullException.ThrowIfNull(config);
        foreach (var backend in config.Backends)
        {
            if (!backend.Options.TryGetValue(SelectionThresholds.Option.Name, out var value) || string.IsNullOrWhiteSpace(value)) continue;
            var source = $"{config.SourcePath}: backends[{backend.Index}].options.{SelectionThresholds.Option.Name}";
            var path = Path.GetFullPath(Path.IsPathRooted(value) ? value : Path.Combine(config.BaseDirectory, value));
            SelectionThresholds thresholds;
            try
            {
                thresholds = SelectionThresholds.Load(path, source);
            }
            catch (BackendException e)
            {
                throw new InputException(e.Message, e);
            }
            if (thresholds.ValidationSha256 == datasetSha256)
                throw new InputException(
                    $"{source}: {path} was fitted on {datasetPath} (validation_sha256 {datasetSha256[..12]}… is that file's SHA-256), the file this run evaluates; calibrate on the validation split and evaluate on another (the test split).");
        }
    }
}
