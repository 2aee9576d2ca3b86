using Harness.Datasets;
using Harness.Formatting;
using Harness.Runs;

namespace Harness.Reports;

/// <summary>
/// <c>junit</c>: <c>run.junit.xml</c>, one test case per backend and scenario that fails
/// when the backend could not run, so CI dashboards show broken backends.
/// </summary>
public sealed class JUnitReportWriter : IReportWriter
{
    public const string FileName = "run.junit.xml";

    public string Name => "junit";

    public async Task<IReadOnlyList<string>> WriteAsync(RunReport report, string directory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, FileName);
        await AtomicFile.WriteAllTextAsync(path, Render(report), cancellationToken);
        return [path];
    }

    public static string Render(RunReport report) => JUnitXml.Render(
        $"harness run {report.RunId}",
        [
            .. report.Results.Select(r => new JUnitCase(
                r.Label,
                r.Metrics.Run.Scenario,
                Failure: r.Error is null ? null : $"{r.Label} failed to run: {r.Error}",
                Output: r.Error is null ? $"overall {Fmt.Score(r.Metrics.Subset(Subsets.AllRows).Overall)} {Fmt.Ci(r.Metrics.Subset(Subsets.AllRows).OverallCi95)}; parse failures {Fmt.Percent(r.Metrics.Parse.Rate)}" : null)),
        ]);
}
