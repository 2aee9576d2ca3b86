// TEMPORARY: stand-ins for the core helper's entry points until they land on main.
// Deleted at the merge; nothing here is used in a committed run.
using System.Collections.Immutable;
using Harness.Datasets;
using Harness.Metrics;
using Harness.Parsing;
using Harness.Tools;

namespace Harness.Datasets
{
    public static class DatasetLoader
    {
        public static Dataset Load(string path, string? filtersPath = null) => throw new NotImplementedException(path + filtersPath);
    }
}

namespace Harness.Parsing
{
    public static class ToolSettingJson
    {
        public static string ToJson(ToolSetting setting) => throw new NotImplementedException(setting.ToString());
    }

    public sealed class OutputParser(IEnumerable<string> filterCatalog)
    {
        public ParsedOutput Parse(ToolName tool, string? raw) => throw new NotImplementedException(filterCatalog.Count() + raw + tool);
    }
}

namespace Harness.Metrics
{
    public sealed record BootstrapOptions(int Seed = 20241002, int Resamples = 1000);

    public static class MetricsCalculator
    {
        public static ImmutableArray<SubsetMetrics> Compute(IReadOnlyList<DatasetRow> rows, IReadOnlyDictionary<string, RowPrediction> predictions, BootstrapOptions options) =>
            throw new NotImplementedException(rows.Count + predictions.Count + options.ToString());
    }

    public static class ParseSummaryBuilder
    {
        public static ParseSummary From(IEnumerable<ParsedOutput> outputs) => throw new NotImplementedException(outputs.Count().ToString());
    }
}

namespace Harness.Statistics
{
    public static class LatencyStatsCalculator
    {
        public static LatencyStats From(IReadOnlyList<double> ms) => throw new NotImplementedException(ms.Count.ToString());
    }
}

namespace Harness.Reports
{
    public static class MetricsJson
    {
        public static void Write(EvaluationMetrics metrics, string path) => throw new NotImplementedException(metrics.ToString() + path);

        public static string Serialize(EvaluationMetrics metrics) => throw new NotImplementedException(metrics.ToString());
    }

    public sealed class MarkdownReportWriter : IReportWriter
    {
        public string Name => "markdown";

        public Task<IReadOnlyList<string>> WriteAsync(RunReport report, string directory, CancellationToken cancellationToken) =>
            throw new NotImplementedException(directory);
    }
}

namespace Harness.Running
{
    public static class CallRecordJson
    {
        public static string Serialize(CallRecord record) => throw new NotImplementedException(record.ToString());

        public static IReadOnlyList<CallRecord> ReadAll(string path) => throw new NotImplementedException(path);
    }
}
