using System.Collections.Immutable;
using Harness.Datasets;
using Harness.Parsing;
using Harness.Runs;

namespace Harness.Running;

/// <summary>What every backend of one run shares.</summary>
internal sealed record RunState(
    EvalConfig Config,
    RunOptions Options,
    Dataset Dataset,
    ImmutableArray<DatasetRow> Rows,
    OutputParser Parser,
    RunManifest Manifest,
    RunManifest? Previous,
    IProgressSink Progress,
    ImageMetricStage? Images = null)
{
    public string ManifestPath => Path.Combine(Options.RunDirectory, RunLayout.RunFile);
}
