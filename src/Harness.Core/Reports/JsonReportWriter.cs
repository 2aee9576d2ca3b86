namespace Harness.Reports;

/// <summary><c>json</c>: the machine-readable files of a run — <c>summary.json</c> (and metrics.json per result).</summary>
public sealed class JsonReportWriter : IReportWriter
{
    private readonly IReadOnlyList<IReportWriter> _parts = [new SummaryJsonWriter()];

    public string Name => "json";

    public async Task<IReadOnlyList<string>> WriteAsync(RunReport report, string directory, CancellationToken cancellationToken)
    {
        var files = new List<string>();
        foreach (var part in _parts)
            files.AddRange(await part.WriteAsync(report, directory, cancellationToken));
        return files;
    }
}
