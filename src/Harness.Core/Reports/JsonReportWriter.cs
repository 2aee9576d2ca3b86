using Harness.Runs;

namespace Harness.Reports;

/// <summary>
/// <c>json</c>: the machine-readable files of a run — <c>&lt;label&gt;/&lt;scenario&gt;/metrics.json</c>
/// per result (spec §6) and <c>summary.json</c> for the whole run.
/// </summary>
public sealed class JsonReportWriter : IReportWriter
{
    public string Name => "json";

    public async Task<IReadOnlyList<string>> WriteAsync(RunReport report, string directory, CancellationToken cancellationToken)
    {
        var files = new List<string>();
        foreach (var result in report.Results)
        {
            cancellationToken.ThrowIfCancellationRequested();
            files.Add(MetricsJson.Write(RunLayout.ResultDirectory(directory, result.Label, result.Metrics.Run.Scenario), result.Metrics));
        }

        files.AddRange(await new SummaryJsonWriter().WriteAsync(report, directory, cancellationToken));
        return files;
    }
}
