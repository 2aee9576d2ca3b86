using System.Collections.Immutable;
using Harness.Datasets;
using Harness.Parsing;
using Harness.Runs;

namespace Harness.Running;

/// <summary>What every backend of one run shares.</summary>
/// <remarks>
/// <c>Rows</c> are the rows this process runs (a shard's share, or all); <c>WarmupRows</c> the run's
/// first <c>warmup</c> rows, which are warm-up intents in whichever shard they fall.
/// </remarks>
internal sealed record RunState(
    EvalConfig Config,
    RunOptions Options,
    Dataset Dataset,
    ImmutableArray<DatasetRow> Rows,
    ImmutableArray<DatasetRow> WarmupRows,
    OutputParser Parser,
    RunManifest Manifest,
    RunManifest? Previous,
    IProgressSink Progress,
    ImageMetricStage? Images = null)
{
    public string ManifestPath => Path.Combine(Options.RunDirectory, RunLayout.RunFile);
}
