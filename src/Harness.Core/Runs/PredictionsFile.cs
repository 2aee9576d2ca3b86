using System.Collections.Immutable;
using Harness.Parsing;

namespace Harness.Runs;

/// <summary>A predictions file read against a dataset (see <see cref="PredictionsFileReader"/>).</summary>
/// <param name="Path">The file.</param>
/// <param name="Predictions">Parsed predictions by row id.</param>
/// <param name="Calls">One record per (row, tool) in the file, scenario <c>score</c>, in file order.</param>
/// <param name="MissingIds">Dataset ids the file has no line for, in dataset order; they count as not used.</param>
public sealed record PredictionsFile(
    string Path,
    ImmutableDictionary<string, RowPrediction> Predictions,
    ImmutableArray<CallRecord> Calls,
    ImmutableArray<string> MissingIds);
