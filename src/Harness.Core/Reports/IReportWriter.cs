using Harness.Runs;

namespace Harness.Reports;

/// <summary>Writes one kind of report for a run (html, markdown, json, ...). Registered by name.</summary>
public interface IReportWriter
{
    /// <summary>The name configs and the command line use, e.g. <c>html</c>.</summary>
    string Name { get; }

    /// <summary>Writes the report into <paramref name="directory"/>; returns the files written.</summary>
    Task<IReadOnlyList<string>> WriteAsync(RunReport report, string directory, CancellationToken cancellationToken);
}
