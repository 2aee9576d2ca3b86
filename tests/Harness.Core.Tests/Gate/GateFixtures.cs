using System.Collections.Immutable;
using Harness.Gate;
using Harness.Metrics;
using Harness.Tools;

namespace Harness.Core.Tests.Gate;

/// <summary>Gate subjects built from the report fixture's student (flan-t5-onnx, both scenarios).</summary>
internal static class GateFixtures
{
    public static GateSubject Student()
    {
        var run = ReportFixtures.MultiBackendRun();
        var results = run.Results.Where(r => r.Label == "flan-t5-onnx").ToList();
        return new GateSubject("reports/run/flan-t5-onnx", [.. results.Select(r => r.Metrics)]);
    }

    public static GatePolicy Policy(
        double? minOverall = null, IDictionary<ToolName, double>? tools = null, IDictionary<string, double>? margins = null,
        IDictionary<string, double>? latency = null, double? cost = null, double? parse = null) =>
        new("all", minOverall,
            (tools ?? new Dictionary<ToolName, double>()).ToImmutableSortedDictionary(),
            (margins ?? new Dictionary<string, double>()).ToImmutableSortedDictionary(StringComparer.Ordinal),
            (latency ?? new Dictionary<string, double>()).ToImmutableSortedDictionary(StringComparer.Ordinal),
            cost, parse);

    public static MetricDifference Difference(string metric, double a, double b, double lower, double upper) =>
        new("all", metric, a, b, b - a, new Interval(lower, upper));
}
